import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The duplicates pane's similarity column (three decimals), row lists that end with
/// `… +N more` instead of a cut number, and the pair viewer's own similarity.
@Suite struct DuplicatesPaneNumbersTests {
    static let sentence = "the committee reviewed every submitted proposal with great care and then decided"

    /// Row 1 is row 0 with a typo; rows 2–39 copy row 0.
    func context() throws -> PaneContext {
        let typo = Self.sentence.replacingOccurrences(of: "great", with: "grext")
        let texts = [Self.sentence, typo] + Array(repeating: Self.sentence, count: 38)
        let csv = "text\n" + texts.map { "\"\($0)\"" }.joined(separator: "\n")
        let data = try DatasetLoader.load(bytes: Array(csv.utf8), name: "near.csv",
                                          options: LoadOptions(textColumns: ["text"])).dataset
        let roles = ColumnRoles.infer(from: data)
        #expect(roles[.text] == "text")
        return paneContext(ExplorerState(dataset: data, roles: roles))
    }

    @Test func similarityHasThreeDecimalsAndRowListsEndWithACount() throws {
        let context = try context()
        var pane = DuplicatesPane()
        let canvas = render(&pane, context, width: 120, height: 12)
        let near = try #require(canvas.lines.first { $0.hasPrefix(" near text") }, "\(canvas.text)")
        let expected = NearSimilarity.text(context.state.dataset.column(named: "text")!, 0, 1)!
        #expect(expected < 0.95)
        #expect(near.contains(" " + DuplicatesPane.similarityText(expected) + " "))
        #expect(DuplicatesPane.similarityText(expected).count == 5)
        #expect(near.hasSuffix(" more"))
        let list = try #require(near.range(of: "0 1 2 3"))
        let numbers = near[list.lowerBound...].split(separator: " ")
        // Whole numbers, then "… +N more" with N the rows left out.
        let shown = numbers.prefix { Int($0) != nil }.compactMap { Int($0) }
        #expect(shown == Array(0..<shown.count))
        #expect(Array(numbers.dropFirst(shown.count)) == ["…", "+\(40 - shown.count)", "more"])
        #expect(DuplicatesPane.similarityText(0.9574) == "0.957")
        #expect(DuplicatesPane.similarityText(1) == "1.000")
    }

    @Test func pairViewerShowsThePairsOwnSimilarity() throws {
        let context = try context()
        var pane = DuplicatesPane()
        let list = render(&pane, context, width: 100, height: 12)
        let line = try #require(list.lines.firstIndex { $0.hasPrefix(" near text") })
        for _ in 0..<(line - 3) { _ = pane.send(.down, context: context) }
        _ = pane.send(.enter, context: context)
        let first = render(&pane, context, width: 100, height: 12)
        let expected = NearSimilarity.text(context.state.dataset.column(named: "text")!, 0, 1)!
        #expect(first.lines[0].contains("rows 0 and 1"))
        #expect(first.lines[1].hasSuffix("row 1  Jaccard \(DuplicatesPane.similarityText(expected))"))
        _ = pane.send(.right, context: context)
        let second = render(&pane, context, width: 100, height: 12)
        #expect(second.lines[0].contains("rows 1 and 2"))
        _ = pane.send(.right, context: context)
        let third = render(&pane, context, width: 100, height: 12)
        #expect(third.lines[0].contains("rows 2 and 3 (members 3–4)"))
        #expect(third.lines[1].hasSuffix("row 3  Jaccard 1.000"))
    }

    @Test func rowListsFitTheirWidth() {
        #expect(RowNumberList.text([3, 17, 241, 2_500], width: 12) == "3 … +3 more")
        #expect(RowNumberList.text([3, 17, 241, 2_500, 7], width: 14) == "3 17 … +3 more")
        #expect(RowNumberList.text([3, 17, 241, 2_500], width: 13) == "3 17 241 2500")
        #expect(RowNumberList.text([3, 17, 241, 2_500]) == "3 17 241 2500")
        #expect(RowNumberList.text([3, 17, 241], limit: 2) == "3 17 … +1 more")
        #expect(RowNumberList.text([3, 17, 241], width: 3) == "… +3 more")
        #expect(RowNumberList.text([]) == "")
    }
}
