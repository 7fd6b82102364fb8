import Foundation
import Testing
@testable import TuttiCore

/// View files edited by hand: odd values give warnings or clear errors, never a crash.
@Suite struct ViewHandEditedTests {
    /// A valid view of Adult, as JSON text.
    func validText(layout: LayoutNode<ViewPane> = .pane(ViewPane(kind: .summary))) throws -> String {
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        let view = ViewDocument(state: state, datasetPath: "adult.csv", layout: layout, focus: 0, theme: nil)
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v.json").path
        try view.write(to: path, overwrite: false)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func read(_ text: String) throws -> ViewDocument {
        let folder = try TemporaryFolder()
        return try ViewDocument.read(path: try folder.write("v.json", text))
    }

    @Test func aHugeFocusIsAWarning() throws {
        let text = try validText().replacingOccurrences(of: "\"focus\" : 0", with: "\"focus\" : 9223372036854775807")
        #expect(text.contains("9223372036854775807"))
        let restored = try read(text).restore(on: adult, roles: ColumnRoles.infer(from: adult))
        #expect(restored.focus == nil)
        #expect(restored.warnings.contains { $0.contains("not one of its 1 panes") })
    }

    @Test func hugeWeightsKeepTheirProportions() throws {
        let layout = LayoutNode.split(.horizontal, [.pane(ViewPane(kind: .summary)), .pane(ViewPane(kind: .rows))],
                                      weights: [3, 1])
        let text = try validText(layout: layout).replacingOccurrences(of: "[3, 1]", with: "[3e307, 1e307]")
        #expect(text.contains("3e307"))
        guard case .split(_, _, let weights) = try read(text).layout else {
            Issue.record("not a split")
            return
        }
        #expect(weights.allSatisfy(\.isFinite) && abs(weights[0] / weights[1] - 3) < 1e-9)
    }

    @Test func aPaneWithoutSettingsIsFine() throws {
        let text = try validText().replacingOccurrences(of: "\"settings\" : {\n\n        }", with: "\"settings\" : null")
        let bare = text.replacingOccurrences(of: ",\n        \"settings\" : null", with: "")
        #expect(try read(bare).layout == .pane(ViewPane(kind: .summary)))
    }

    @Test func aValueOfTheWrongShapeIsNamedNotCalledInvalidJSON() throws {
        let text = try validText().replacingOccurrences(of: "\"focus\" : 0", with: "\"focus\" : 1.5")
        #expect(throws: TuttiError.self) { try read(text) }
        do {
            _ = try read(text)
        } catch let error as TuttiError {
            #expect(!error.message.contains("not valid JSON"), "\(error.message)")
            #expect(error.message.contains("out of range"), "\(error.message)")
        }
    }

    @Test func aViewIsNeverWrittenOverTheData() throws {
        let folder = try TemporaryFolder()
        let data = try folder.write("data.csv", "a\n1\n")
        let dataset = try DatasetLoader.load(data).dataset
        let view = ViewDocument(state: ExplorerState(dataset: dataset, roles: ColumnRoles()), datasetPath: data,
                                layout: .pane(ViewPane(kind: .rows)), focus: 0, theme: nil)
        #expect(throws: TuttiError("refusing to write over the input file", file: data)) {
            try view.write(to: data, overwrite: true, inputs: [dataset.source])
        }
        #expect(try String(contentsOfFile: data, encoding: .utf8) == "a\n1\n")
    }

    @Test func aFilterWithoutItsExpressionAndTooManyGroupColumnsAreSaid() throws {
        let roles = ColumnRoles.infer(from: adult)
        var explorer = Explorer(state: ExplorerState(dataset: adult, roles: roles))
        try explorer.apply(.setFilter("split == \"test\""))
        var view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: .pane(ViewPane(kind: .rows)),
                                focus: 0, theme: nil)
        view.filter.expression = nil
        view.groupColumns = ["sex", "age", "race", "split"]
        let restored = try view.restore(on: adult, roles: roles)
        #expect(restored.explorer.state.filter.isEmpty)
        #expect(restored.warnings.contains { $0.contains("has neither an expression nor rows") })
        #expect(restored.explorer.state.groupColumns == ["sex", "age", "race"])
        #expect(restored.warnings.contains { $0.contains("at most 3 columns; split skipped") })
    }
}
