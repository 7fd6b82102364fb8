import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The duplicates pane's sorting, filter to a kind and pair viewer (the list and the first pair
/// are tested in `DuplicatesPaneTests`).
@Suite struct DuplicatesPaneSortFilterAndViewerTests {
    let state = ExplorerState(dataset: adult, roles: adultRoles)

    /// The cluster sizes shown in the exact group, in list order.
    func exactSizes(_ canvas: Canvas) -> [Int] {
        canvas.lines.dropFirst(3).prefix { !$0.contains("label conflicts") }
            .compactMap { Int($0.dropFirst(1 + 17 + 6).prefix(5).trimmingCharacters(in: .whitespaces)) }
    }

    @Test func sortingChangesTheOrderAndTheHeader() throws {
        var pane = DuplicatesPane()
        let context = paneContext(state)
        let bySize = render(&pane, context, width: 120, height: 60)
        #expect(bySize.lines[1].contains("rows↓"))
        #expect(bySize.lines[2].hasPrefix("exact duplicates · 49 clusters"))
        #expect(bySize.lines.contains { $0.hasPrefix("label conflicts · 5 clusters") })
        let descendingSizes = exactSizes(bySize)
        #expect(descendingSizes.count == 49)
        #expect(descendingSizes == descendingSizes.sorted(by: >))
        #expect(descendingSizes.first! > 2)

        _ = pane.send(.action(.reverse), context: context)
        let ascending = render(&pane, context, width: 120, height: 60)
        #expect(ascending.lines[1].contains("rows↑"))
        #expect(exactSizes(ascending) == descendingSizes.sorted())
        #expect(!pane.descending)

        // Similarity: every exact cluster counts as 1, so the ties fall back to the first row.
        _ = pane.send(.action(.sort), context: context)
        #expect(pane.sortKey == .similarity && pane.descending)
        let bySimilarity = render(&pane, context, width: 120, height: 60)
        #expect(bySimilarity.lines[1].contains("sim↓"))
        let header = bySimilarity.lines[1]
        let rowNumbers = try #require(header.range(of: "row numbers")).lowerBound
        let offset = header.distance(from: header.startIndex, to: rowNumbers)
        let firstRows = bySimilarity.lines.dropFirst(3).prefix(49).compactMap { line in
            Int(line.dropFirst(offset).split(separator: " ").first ?? "")
        }
        #expect(firstRows.count == 49)
        #expect(firstRows == firstRows.sorted())

        // Kind, reversed: the kind groups come in reverse order.
        _ = pane.send(.action(.sort), context: context)
        _ = pane.send(.action(.sort), context: context)
        #expect(pane.sortKey == .kind && !pane.descending)
        _ = pane.send(.action(.reverse), context: context)
        let byKind = render(&pane, context, width: 120, height: 60)
        #expect(byKind.lines[1].contains("kind↓"))
        #expect(byKind.lines[2].hasPrefix("leaks across splits · 23 clusters"))
    }

    @Test func sortingBySelectedKeepsTheCursorOnItsCluster() throws {
        var pane = DuplicatesPane(settings: PaneSettings(sortColumn: "selected"))
        #expect(pane.sortKey == .selected && pane.descending)
        var context = paneContext(state)
        _ = render(&pane, context, width: 120, height: 20)
        for _ in 0..<5 { _ = pane.send(.down, context: context) }
        let chosen = pane.cursor
        guard case .dispatch(let action) = pane.send(.space, context: context).first else {
            Issue.record("space did not select")
            return
        }
        context = paneContext(try Explorer.reduce(state, action).0)
        let canvas = render(&pane, context, width: 120, height: 20)
        #expect(canvas.lines[1].contains("sel↓"))
        #expect(pane.cursor == chosen)
        // The selected cluster comes first among the exact clusters, under the cursor.
        #expect(canvas.lines[3].dropFirst(1 + 17 + 6 + 6).prefix(5).trimmingCharacters(in: .whitespaces) != "0")
        #expect(canvas[0, 3].style == context.theme[.cursor])
    }

    @Test func fFiltersToEveryClusterOfTheKind() throws {
        var pane = DuplicatesPane()
        let context = paneContext(state)
        _ = render(&pane, context, width: 120, height: 20)
        let report = try DuplicateSearch(dataset: adult, roles: adultRoles,
                                         options: DuplicateOptions.allApplicable(roles: adultRoles)).run()
        for kind in [DuplicateKind.exact, .leak] {
            while report.clusters[pane.cursor].kind != kind { _ = pane.send(.down, context: context) }
            let commands = pane.send(.action(.filterToKind), context: context)
            #expect(commands.count == 2)
            guard case .dispatch(.select(let rows, .duplicateCluster(kind: kind.rawValue, index: -1))) = commands.first,
                  case .dispatch(.filterToSelection) = commands.last else {
                Issue.record("f did not select and filter: \(commands)")
                return
            }
            let expected = Set(report.clusters(of: kind).flatMap(\.rows))
            #expect(rows.count == expected.count)
            #expect(expected.allSatisfy(rows.contains))
            if kind == .exact { #expect(rows.count == report.summary.exactClusters + report.summary.exactExtraRows) }
            let selected = try Explorer.reduce(state, .select(rows, .duplicateCluster(kind: kind.rawValue, index: -1))).0
            let filtered = try Explorer.reduce(selected, .filterToSelection).0
            #expect(filtered.filter.rows.count == expected.count)
            let description = kind == .exact ? "exact-duplicate" : "split-leak"
            #expect(filtered.filter.expression == "\(NumberFormatting.grouped(expected.count)) rows in \(description) clusters")
        }
    }

    @Test func wordDiffMarksTheWordsThatDiffer() {
        let equal = WordDiff("the cat sat", "the  cat\nsat")
        #expect(equal.left == ["the", "cat", "sat"] && equal.right == ["the", "cat", "sat"])
        #expect(!equal.leftChanged.contains(true) && !equal.rightChanged.contains(true))

        let insertion = WordDiff("the cat sat", "the black cat sat")
        #expect(insertion.leftChanged == [false, false, false])
        #expect(insertion.rightChanged == [false, true, false, false])

        let replacement = WordDiff("a quick brown fox jumps", "a slow brown fox leaps")
        #expect(replacement.leftChanged == [false, true, false, false, true])
        #expect(replacement.rightChanged == [false, true, false, false, true])

        let empty = WordDiff("", "two words")
        #expect(empty.left.isEmpty && empty.rightChanged == [true, true])
        #expect(WordDiff("", "").left.isEmpty)
        #expect(!replacement.isPartial)

        // Past the limit the middle is not compared, and the diff says so.
        let capped = WordDiff("x a b c d y", "x e f g h y", limit: 2)
        #expect(capped.isPartial)
        #expect(capped.leftChanged == [false, true, true, false, false, false])
    }

    @Test func wrappingKeepsMarkedPhrasesTogetherAndBreaksLongWords() {
        let lines = TextWrapping.wrap([("one", .plain), ("two", .changed), ("three", .changed), ("four", .plain),
                                       ("abcdefghijkl", .plain)], width: 10)
        #expect(lines.map { $0.map(\.text).joined() } == ["one two", "three four", "abcdefghij", "kl"])
        #expect(lines[0] == [TextRun(text: "one ", mark: .plain), TextRun(text: "two", mark: .changed)])
        #expect(lines[1] == [TextRun(text: "three", mark: .changed), TextRun(text: " four", mark: .plain)])
        #expect(TextWrapping.wrap([], width: 10) == [[]])
    }

    /// The column where `word` starts on row `y` of `canvas`, at or after column `x` (ASCII text).
    func column(of word: String, in canvas: Canvas, y: Int, from x: Int) -> Int? {
        let line = Array(canvas.line(y)), target = Array(word)
        return (x..<max(x, line.count - target.count + 1)).first { Array(line[$0..<($0 + target.count)]) == target }
    }

    @Test func pairViewerWrapsLongTextAndMarksTheDifferingWord() throws {
        let sentence = "the committee reviewed every submitted proposal with great care and then decided that "
            + "the %@ plan offered the best balance between cost and long term maintainability for everyone"
        let texts = [sentence.replacingOccurrences(of: "%@", with: "second"),
                     sentence.replacingOccurrences(of: "%@", with: "third"),
                     "an unrelated remark about the weather on a sunny afternoon in late september by the sea",
                     "yet another sentence that shares nothing with the others at all except a few common words"]
        let csv = "text,label\n" + texts.enumerated().map { "\"\($0.element)\",\($0.offset / 2)" }.joined(separator: "\n")
        let data = try DatasetLoader.load(bytes: Array(csv.utf8), name: "near.csv").dataset
        let roles = ColumnRoles.infer(from: data)
        #expect(roles[.text] == "text")
        let context = paneContext(ExplorerState(dataset: data, roles: roles))
        var pane = DuplicatesPane()
        let list = render(&pane, context, width: 60, height: 30)
        #expect(list.lines.contains { $0.hasPrefix("near-duplicate texts · 1 cluster") })
        _ = pane.send(.enter, context: context)
        let viewer = render(&pane, context, width: 60, height: 30)
        #expect(viewer.lines[0].hasPrefix("near text cluster of 2: rows 0 and 1"))
        // The text differs, so it comes first, marked, and wraps over several aligned lines.
        #expect(viewer.lines[2].hasPrefix("text  ≠"))
        let valueWidth = (60 - 5 - 4) / 2, leftX = 5 + 3, rightX = 5 + 4 + valueWidth
        let textLines = (2..<30).prefix { y in y == 2 || viewer.lines[y].prefix(5).trimmingCharacters(in: .whitespaces).isEmpty }
            .filter { !viewer.lines[$0].isEmpty }
        #expect(textLines.count > 3)
        func cell(_ x: Int, _ y: Int) -> String {
            String(viewer.line(y).dropFirst(x).prefix(valueWidth)).trimmingCharacters(in: .whitespaces)
        }
        #expect(textLines.map { cell(leftX, $0) }.joined(separator: " ") == texts[0])
        #expect(textLines.map { cell(rightX, $0) }.joined(separator: " ") == texts[1])
        // The differing word is marked in the error style and underlined; its neighbours are not.
        let marked = context.theme[.error].adding(.underline)
        guard let y = textLines.first(where: { cell(rightX, $0).contains("third") }),
              let x = column(of: "third", in: viewer, y: y, from: rightX),
              let leftY = textLines.first(where: { cell(leftX, $0).contains("second") }),
              let leftWordX = column(of: "second", in: viewer, y: leftY, from: leftX) else {
            Issue.record("the differing words are not shown:\n\(viewer.text)")
            return
        }
        #expect(viewer[x, y].style == marked)
        #expect(viewer[x + 4, y].style == marked)
        #expect(viewer[x + 6, y].style == context.theme[.text] || viewer[x + 6, y].character == " ")
        #expect(viewer[leftWordX, leftY].style == marked)
        #expect(viewer[leftX, 2].style == context.theme[.text], "an equal word is not marked")
    }

    @Test func pairViewerScrolls() throws {
        let long = (0..<60).map { "word\($0)" }.joined(separator: " ")
        let csv = "text\n\"\(long) alpha\"\n\"\(long) beta\"\n\"something else entirely here\"\n"
        let data = try DatasetLoader.load(bytes: Array(csv.utf8), name: "long.csv").dataset
        let context = paneContext(ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data)))
        var pane = DuplicatesPane()
        _ = render(&pane, context, width: 80, height: 8)
        _ = pane.send(.enter, context: context)
        let top = render(&pane, context, width: 80, height: 8)
        #expect(top.lines[0].contains("· lines 1–6 of"))
        #expect(top.lines[2].contains("word0"))
        _ = pane.send(.down, context: context)
        let scrolled = render(&pane, context, width: 80, height: 8)
        #expect(scrolled.lines[0].contains("· lines 2–7 of"))
        #expect(!scrolled.lines[2].contains("word0"))
        #expect(scrolled.lines[2].hasPrefix("text"), "the cell's name stays in view: \(scrolled.lines[2])")
        _ = pane.send(.end, context: context)
        let bottom = render(&pane, context, width: 80, height: 8)
        #expect(bottom.lines[7].contains("alpha") && bottom.lines[7].contains("beta"))
        _ = pane.send(.pageUp, context: context)
        _ = pane.send(.home, context: context)
        #expect(render(&pane, context, width: 80, height: 8).lines[0].contains("· lines 1–6 of"))
    }
}
