import Foundation
import Testing
@testable import TuttiCore

/// Reports of the scatter and instance panes: the points thinned to bins, the legend, the
/// selection and the filter, escaping, the Braille text, and one row drawn whole.
@Suite struct ScatterReportTests {
    /// Five points at known places (corners and centre of 0…10 × 0…10), labelled, and a hostile label.
    static let corners: Dataset = makeDataset([
        "umap_1": .floats([0, 10, 0, 10, 5, 5]),
        "umap_2": .floats([0, 0, 10, 10, 5, nil]),
        "kind": .categorical(["a", "b", "a", "b", "<script>alert(1)</script>\u{7}e\u{301}👩‍👩‍👧", "a"]),
    ])

    static func report(_ state: ExplorerState, _ panes: [ViewPane]) throws -> Report {
        try ReportBuilder.build(ReportInput(state: state, datasetName: "points.csv", panes: panes))
    }

    static func scatter(_ report: Report) throws -> ReportScatter {
        try #require(report.sections.flatMap(\.blocks).compactMap { if case .scatter(let s) = $0 { s } else { nil } }.first)
    }

    /// The text of each `<g class="NAME" …>…</g>` group of `svg`.
    static func groups(_ svg: String, _ name: String) -> [String] {
        svg.components(separatedBy: "<g class=\"\(name)\"").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
    }

    static func count(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

    @Test func knownPointsLandInTheirBins() throws {
        let state = ExplorerState(dataset: Self.corners, roles: ColumnRoles())
        let report = try Self.report(state, [ViewPane(kind: .scatter, settings: PaneSettings(xColumn: "umap_1", yColumn: "umap_2"))])
        #expect(report.sections.last?.heading == "Scatter: x: umap_1 · y: umap_2")
        let scatter = try Self.scatter(report)
        #expect(scatter.x == 0...10 && scatter.y == 0...10)
        let last = (ScatterSection.columns - 1, ScatterSection.rows - 1)
        let places = scatter.bins.map { [$0.column, $0.row, $0.filtered] }
        #expect(places == [[0, 0, 1], [last.0, 0, 1], [ScatterSection.columns / 2, ScatterSection.rows / 2, 1],
                           [0, last.1, 1], [last.0, last.1, 1]])
        let html = HTMLReport.render(report)
        let points = Self.groups(html, "points").joined()
        #expect(Self.count(points, "<circle") == 5)
        // The bottom-left point sits at the plot's bottom-left bin centre (72 + 2.5, 16 + 400 − 2.5).
        #expect(points.contains("cx=\"74.5\" cy=\"413.5\""))
        #expect(Self.groups(html, "selected").isEmpty && Self.groups(html, "filtered-out").isEmpty)
        // The row without y is left out and said so.
        #expect(html.contains("5 of the 6 filtered rows drawn (1 without both coordinates)"))
    }

    @Test func legendSelectionAndFilterAreDrawn() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.corners, roles: ColumnRoles()))
        try explorer.apply(.setFilter("umap_1 < 8"))
        try explorer.apply(.select(RowSet(rowCount: 6, rows: [0, 1]), .rows))
        let report = try Self.report(explorer.state, [
            ViewPane(kind: .scatter, settings: PaneSettings(xColumn: "umap_1", yColumn: "umap_2", colorBy: "kind")),
        ])
        let scatter = try Self.scatter(report)
        #expect(scatter.categories.map(\.name) == ["<script>alert(1)</script>\u{7}e\u{301}👩‍👩‍👧", "a", "b"])
        #expect(scatter.categories.map(\.filtered) == [1, 2, 0])
        #expect(scatter.categories.map(\.selected) == [0, 1, 0])
        #expect(scatter.bins.filter { $0.filteredOut > 0 }.count == 2)
        #expect(scatter.bins.filter { $0.selected > 0 }.map { [$0.column, $0.row] } == [[0, 0]])
        let html = HTMLReport.render(report)
        #expect(Self.count(Self.groups(html, "points").joined(), "<circle") == 3)
        #expect(Self.count(Self.groups(html, "filtered-out").joined(), "<circle") == 2)
        #expect(Self.count(Self.groups(html, "selected").joined(), "<circle") == 1)
        // Three categories, the selection and the filtered-out points in the legend.
        let legend = try #require(html.components(separatedBy: "<g class=\"legend\">").dropFirst().first)
        #expect(Self.count(legend, "<g class=\"entry\">") == 5)
        #expect(legend.contains(">selected rows<") && legend.contains(">filtered out<"))
        // The hostile label is escaped, its control character gone, its grapheme clusters whole.
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; e\u{301}👩‍👩‍👧"))
        #expect(!html.unicodeScalars.contains("\u{7}"))
        let markdown = MarkdownReport.render(report)
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<script") && markdown.contains("\\<script\\>"))
        #expect(!markdown.unicodeScalars.contains("\u{7}"))
    }

    @Test func markdownDrawsBraille() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.corners, roles: ColumnRoles()))
        try explorer.apply(.select(RowSet(rowCount: 6, rows: [3]), .rows))
        let report = try Self.report(explorer.state, [ViewPane(kind: .scatter, settings: PaneSettings(xColumn: "umap_1", yColumn: "umap_2"))])
        let markdown = MarkdownReport.render(report)
        let blocks = markdown.components(separatedBy: "```text\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        #expect(blocks.count == 2)
        let lines = blocks[0].components(separatedBy: "\n")
        let plot = lines.filter { $0.contains("│") }.map { String($0.split(separator: "│", maxSplits: 1)[1]) }
        #expect(plot.count == ScatterSection.rows / 4)
        #expect(plot.allSatisfy { $0.unicodeScalars.count == ScatterSection.columns / 2 })
        // Top-left dot ⠁ (dot 1) and top-right ⠈ (dot 4); bottom corners ⡀ (dot 7) and ⢀ (dot 8).
        #expect(plot.first?.first == "⠁" && plot.first?.last == "⠈")
        #expect(plot.last?.first == "⡀" && plot.last?.last == "⢀")
        #expect(lines.first?.hasSuffix("filtered rows · y: umap_2") == true)
        #expect(lines.first { $0.contains("│") }?.hasPrefix("10│") == true)
        // The selected plot holds the one selected point, top right.
        let selected = blocks[1].components(separatedBy: "\n").filter { $0.contains("│") }
        #expect(selected.first?.last == "⠈")
        #expect(selected.joined().unicodeScalars.filter { $0.value > 0x2800 && $0.value <= 0x28FF }.count == 1)
    }

    @Test func millionRowsStaySmall() throws {
        let rows = 1_000_000
        var random = SplitMix64(seed: 7)
        let xs = (0..<rows).map { _ in Double.random(in: -1...1, using: &random) }
        let ys = (0..<rows).map { _ in Double.random(in: -1...1, using: &random) }
        let all = RowSet(rowCount: rows, allSet: true)
        let dataset = Dataset(source: "big", rowCount: rows, columns: [
            Column(name: "x", data: .float(xs), validity: all), Column(name: "y", data: .float(ys), validity: all),
        ])
        let report = try Self.report(ExplorerState(dataset: dataset, roles: ColumnRoles()), [ViewPane(kind: .scatter)])
        let scatter = try Self.scatter(report)
        #expect(scatter.bins.count == ScatterSection.columns * ScatterSection.rows)
        #expect(scatter.bins.reduce(0) { $0 + $1.filtered } == rows)
        let html = HTMLReport.render(report)
        #expect(Self.count(html, "<circle") <= ScatterSection.columns * ScatterSection.rows + 10)
        #expect(html.utf8.count < 600_000)
    }

    @Test func projectionOfAVectorColumn() throws {
        let dataset = Dataset(source: "digits", rowCount: EmbeddingFixtures.pixels.rowCount, columns: [EmbeddingFixtures.pixels])
        let report = try Self.report(ExplorerState(dataset: dataset, roles: ColumnRoles()), [
            ViewPane(kind: .scatter, settings: PaneSettings(vectorColumn: "pixels")),
        ])
        let scatter = try Self.scatter(report)
        #expect(scatter.xTitle.hasPrefix("PCA 1 of pixels (") && scatter.yTitle.hasPrefix("PCA 2 of pixels ("))
        #expect(scatter.bins.reduce(0) { $0 + $1.filtered } == dataset.rowCount)
    }

    @Test func unknownAxesSayWhy() throws {
        let state = ExplorerState(dataset: Self.corners, roles: ColumnRoles())
        let report = try Self.report(state, [ViewPane(kind: .scatter, settings: PaneSettings(xColumn: "nope", yColumn: "kind"))])
        #expect(report.sections.last?.blocks == [.note("'nope' and 'kind' are not both numeric columns of the data.")])
    }

    @Test func instanceShowsTheRowWhole() throws {
        let digit = EmbeddingFixtures.digitVectors[0]
        let long = String(repeating: "word ", count: 200) + "<b>bold</b>\u{1}"
        let dataset = makeDataset([
            "text": .text(["short", long]),
            "score": .floats([0.5, nil]),
            "pixels": .vectors([digit, digit], width: 64),
            "emb": .vectors([[1, 2, 3], [3, -2, 1]], width: 3),
        ])
        var state = ExplorerState(dataset: dataset, roles: ColumnRoles())
        let report = try Self.report(state, [ViewPane(kind: .instance, settings: PaneSettings(row: 1))])
        let section = try #require(report.sections.last)
        #expect(section.heading == "Instance: row 1")
        let instance = try #require(section.blocks.compactMap { if case .instance(let i) = $0 { i } else { nil } }.first)
        #expect(instance.fields.map(\.name) == ["text", "score", "pixels", "emb"])
        #expect(instance.fields[1].value == .missing)
        #expect(instance.fields[2].value == .vector(digit, image: ImageShape(height: 8, width: 8)))
        #expect(instance.fields[3].value == .vector([3, -2, 1], image: nil))
        let html = HTMLReport.render(report)
        #expect(html.contains("<td class=\"long\">word word"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; </td>"))
        #expect(Self.count(html, "<polyline") == 2)
        let pixels = try #require(html.components(separatedBy: "<svg class=\"pixels\"").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(Self.count(pixels, "<rect") == 64)
        // Dark background, white strokes: the digit's pixel 0 is blank, pixel 3 is ink.
        #expect(digit[0] == 0 && pixels.contains("<rect x=\"0\" y=\"0\" width=\"1\" height=\"1\" fill=\"rgb(0,0,0)\"/>"))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("| score | *missing* |"))
        #expect(markdown.contains("pixels as a 8×8 image:"))
        // Without a saved row, the focused row, else the first filtered one.
        state.focusedRow = 0
        let focused = try Self.report(state, [ViewPane(kind: .instance)])
        #expect(focused.sections.last?.heading == "Instance: row 0")
        let unsaved = try Self.report(ExplorerState(dataset: dataset, roles: ColumnRoles()),
                                      [ViewPane(kind: .instance, settings: PaneSettings(row: 99))])
        #expect(unsaved.sections.last?.heading == "Instance: row 0")
    }
}
