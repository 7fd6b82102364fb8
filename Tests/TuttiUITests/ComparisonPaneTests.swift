import Foundation
import Testing
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// The comparison pane on the two-model fixture: the agreement matrix against counts taken from
/// the file's text, a cell's selection seen in the confusion pane, the slices SliceLine finds
/// where model B is better, the choice of models saved in a view.
@Suite struct ComparisonPaneTests {
    static let path = AdultFixture.repositoryRoot.appendingPathComponent("Tests/TuttiCoreTests/Fixtures/two_models.csv").path
    static let dataset = try! DatasetLoader.load(path).dataset
    static let roles = ColumnRoles.infer(from: dataset)

    /// The fixture's agreement, counted from its text: both right, only hgb, only lr, both wrong.
    static func agreement(where keep: ([String: String]) -> Bool = { _ in true }) throws -> [Int] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        var counts = [0, 0, 0, 0]
        for line in lines.dropFirst() {
            let record = Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",").map(String.init)))
            guard keep(record) else { continue }
            let a = record["prediction_hgb"] == record["label"], b = record["prediction_lr"] == record["label"]
            counts[a ? (b ? 0 : 1) : (b ? 2 : 3)] += 1
        }
        return counts
    }

    static func state() -> ExplorerState { ExplorerState(dataset: dataset, roles: roles) }

    @Test func theAgreementMatrixShowsTheCountsOfTheText() throws {
        var pane = ComparisonPane()
        let lines = render(&pane, paneContext(Self.state()), width: 90, height: 24).lines
        #expect(pane.title == "Comparison: hgb (A) vs lr (B)")
        #expect(lines[0].hasPrefix("A hgb: prediction_hgb, score_hgb · error"))
        #expect(lines[1].hasPrefix("B lr: prediction_lr, score_lr · error"))
        let counts = try Self.agreement()
        let right = try #require(lines.first { $0.hasPrefix("A right") })
        let wrong = try #require(lines.first { $0.hasPrefix("A wrong") })
        #expect(right.contains("\(counts[0]) (") && right.contains("\(counts[1]) ("), "\(right)")
        #expect(wrong.contains("\(counts[2]) (") && wrong.contains("\(counts[3]) ("), "\(wrong)")
        // Without group columns, only SliceLine's section.
        #expect(!lines.contains { $0.hasPrefix("by ") })
        #expect(lines.contains { $0.hasPrefix("SliceLine on hgb wrong, lr right") })
    }

    @Test func theMatrixFollowsTheFilter() throws {
        let filtered = try Explorer.reduce(Self.state(), .setFilter("region == \"south\"")).0
        var pane = ComparisonPane()
        let lines = render(&pane, paneContext(filtered), width: 90, height: 24).lines
        let counts = try Self.agreement { $0["region"] == "south" }
        let wrong = try #require(lines.first { $0.hasPrefix("A wrong") })
        #expect(wrong.contains("\(counts[2]) (") && wrong.contains("\(counts[3]) ("), "\(wrong)")
    }

    @Test func groupsListTheDeltasLargestFirstAndEnterSelectsOne() throws {
        let grouped = try Explorer.reduce(Self.state(), .setGroupColumns(["region"])).0
        var pane = ComparisonPane()
        let context = paneContext(grouped)
        let lines = render(&pane, context, width: 90, height: 24).lines
        let heading = try #require(lines.firstIndex { $0.hasPrefix("by region: where hgb loses most to lr") })
        // lr is worst in the south, so hgb loses least there: the south is the last group listed.
        let groups = lines[(heading + 1)...].prefix(4)
        #expect(groups.last?.hasSuffix("region == \"south\"") == true, "\(groups)")
        // Down from the matrix's lower row enters the slices; Enter selects the first group.
        for input in [PaneInput.down, .down] { _ = pane.send(input, context: context) }
        guard case .dispatch(.select(let rows, .slice(let predicates))) = pane.send(.enter, context: context).first else {
            Issue.record("enter did not select the slice")
            return
        }
        #expect(rows == (try FilterExpression(SliceReport.expression(predicates), dataset: Self.dataset).evaluate(Self.dataset)))
        #expect(rows.count == 100)
    }

    @Test func anAgreementCellsSelectionIsSeenInTheConfusionPane() throws {
        var workspace = Workspace(dataset: Self.dataset, roles: Self.roles, theme: .fallback, glyphs: .unicode)
        _ = workspace.update(.layout(width: 120, height: 40))
        let ws = TestWorkspace(workspace, jobs: BackgroundJobs(inline: true))
        ws.apply(.showPane(.comparison))
        _ = ws.frame(width: 120, height: 40)
        #expect(ws.panes[ws.focus]?.kind == .comparison)
        // Down: A wrong and B right, where lr beats hgb.
        ws.apply(.send(.down))
        ws.apply(.send(.enter))
        let counts = try Self.agreement()
        #expect(ws.state.selectedCount == counts[2])
        #expect(SelectionExpression.text(for: ws.state.selection!.source, dataset: Self.dataset)
                == "label != prediction_hgb and label == prediction_lr")
        // The confusion pane (of hgb, the default model) marks those rows: all off its diagonal.
        ws.apply(.showPane(.confusion))
        ws.apply(.toggleMaximized)
        let lines = ws.frame(width: 120, height: 40).lines
        let marked = lines.flatMap { line in line.matches(of: /●([\d,]+)/).map { Int($0.1.replacingOccurrences(of: ",", with: ""))! } }
        #expect(marked.reduce(0, +) >= counts[2] && !marked.isEmpty, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("\(counts[2]) selected") })
    }

    @Test func theModelsAreSavedInTheView() throws {
        var pane = ComparisonPane(models: ["lr=prediction_lr:score_lr", "hgb=prediction_hgb"])
        _ = render(&pane, paneContext(Self.state()), width: 90, height: 24)
        #expect(pane.title == "Comparison: lr (A) vs hgb (B)")
        #expect(pane.savedSettings.models == ["lr=prediction_lr:score_lr", "hgb=prediction_hgb"])
        let restored = try #require(PaneRegistry.make(.comparison, settings: pane.savedSettings))
        #expect(restored.savedSettings.models == pane.savedSettings.models)
    }

    @Test func withoutTwoModelsItSaysHowToNameThem() {
        var pane = ComparisonPane()
        let text = render(&pane, paneContext(ExplorerState(dataset: adult, roles: adultRoles)), width: 90, height: 10).text
        #expect(text.contains("comparing needs two models"))
    }
}
