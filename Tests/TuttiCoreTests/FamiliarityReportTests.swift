import Foundation
import Testing
@testable import TuttiCore

/// Reports of the familiarity pane: the score histogram, the least familiar rows (planted noise
/// first), a table per group, the pane's and the state's settings, escaping.
@Suite struct FamiliarityReportTests {
    /// A value no report may pass through raw: markup, a control character, grapheme clusters.
    static let hostile = "<script>alert(1)</script>\u{7}e\u{301}👩‍👩‍👧"
    /// Digits first, then planted uniform noise.
    static let digitCount = 400, noiseCount = 6
    static let noiseRows = Set(digitCount..<(digitCount + noiseCount))

    /// The first digits and the planted noise in `emb`; `kind` puts the noise in a group of its
    /// own named `hostile`, `note` holds it as text too.
    static let planted: Dataset = {
        let vectors = Array(EmbeddingFixtures.digitVectors.prefix(digitCount))
            + EmbeddingFixtures.uniformNoise(noiseCount, width: 64, range: 0...16, seed: 11)
        let rows = vectors.indices
        return makeDataset([
            "emb": .vectors(vectors, width: 64),
            "kind": .categorical(rows.map { noiseRows.contains($0) ? hostile : ($0 % 2 == 0 ? "even" : "odd") }),
            "note": .text(rows.map { noiseRows.contains($0) ? hostile : "digit \($0)" }),
        ])
    }()

    static func section(_ state: ExplorerState, _ settings: PaneSettings = PaneSettings()) throws -> (Report, ReportSection) {
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "planted.jsonl",
                                                         panes: [ViewPane(kind: .familiarity, settings: settings)]))
        return (report, try #require(report.sections.last))
    }

    static func tables(_ section: ReportSection) -> [ReportTable] {
        section.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// `markdown` without its code spans and code blocks (whose text is literal).
    static func outsideCode(_ markdown: String) -> String {
        markdown.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
    }

    @Test func theHistogramAndThePlantedNoiseFirst() throws {
        let state = ExplorerState(dataset: Self.planted, roles: ColumnRoles())
        let (report, section) = try Self.section(state)
        #expect(section.heading == "Familiarity: k 10 · cosine in emb")
        let histogram = try #require(section.blocks.compactMap { if case .histogram(let h) = $0 { h } else { nil } }.first)
        #expect(histogram.column == "familiarity" && histogram.bins.count > 1 && !histogram.hasSelection)
        #expect(histogram.bins.map(\.filtered).reduce(0, +) == Self.planted.rowCount)
        let table = try #require(Self.tables(section).first)
        #expect(table.headers == ["row", "familiarity", "kind", "note"])
        #expect(table.rows.count == FamiliaritySection.listed)
        #expect(Set(table.rows.prefix(Self.noiseCount).map { Int($0[0]) }) == Set(Self.noiseRows.map { Optional($0) }))
        let scores = table.rows.compactMap { Double($0[1]) }
        #expect(scores.count == table.rows.count && scores == scores.sorted())
        let html = HTMLReport.render(report)
        let part = try #require(html.components(separatedBy: "<h2>Familiarity: k 10").dropFirst().first)
        #expect(part.contains("<svg") && part.contains("<table"))
        let markdown = MarkdownReport.render(report)
        let text = try #require(markdown.components(separatedBy: "## Familiarity: k 10").dropFirst().first)
        #expect(text.contains("```text\n") && text.contains("█"))
        #expect(text.contains("| \(Self.digitCount) | "))
    }

    @Test func groupsGetATableEachAndHostileValuesAreEscaped() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.planted, roles: ColumnRoles()))
        try explorer.apply(.select(RowSet(rowCount: Self.planted.rowCount, rows: Array(Self.noiseRows)), .rows))
        let (report, section) = try Self.section(explorer.state, PaneSettings(column: "kind"))
        #expect(section.heading == "Familiarity: k 10 · cosine in emb · by kind")
        let tables = Self.tables(section)
        // A summary line per group, then a table per group of its least familiar rows.
        #expect(tables.count == 4)
        #expect(tables[0].headers == ["group", "rows", "median", "lowest", "scores"])
        #expect(tables[0].rows.map { $0[1] } .sorted() == ["200", "200", "6"])
        let subheadings = section.blocks.compactMap { if case .subheading(let runs) = $0 { runs } else { nil } }
        #expect(subheadings.count == 3)
        #expect(tables.dropFirst().allSatisfy { $0.rows.count == FamiliaritySection.listedPerGroup })
        #expect(tables.dropFirst().allSatisfy { $0.headers == ["row", "selected", "familiarity", "kind", "note"] })
        // The noise's group lists only noise rows, all selected; the others none.
        let noise = tables.dropFirst().filter { $0.rows.allSatisfy { Self.noiseRows.contains(Int($0[0]) ?? -1) } }
        #expect(noise.count == 1)
        #expect(noise.first?.caption?.hasPrefix("The 5 rows least familiar of 6") == true)
        #expect(noise.first?.rows.allSatisfy { $0[1] == "▓ yes" } == true)
        #expect(tables.dropFirst().flatMap(\.rows).filter { $0[1] == "▓ yes" }.count == FamiliaritySection.listedPerGroup)
        let html = HTMLReport.render(report)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; e\u{301}👩‍👩‍👧"))
        #expect(!html.unicodeScalars.contains("\u{7}"))
        let markdown = MarkdownReport.render(report)
        #expect(!Self.outsideCode(markdown).replacingOccurrences(of: "\\<", with: "").contains("<script"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> e\u{301}👩‍👩‍👧"))
        #expect(!markdown.unicodeScalars.contains("\u{7}"))
    }

    @Test func kAndTheFilterComeFromTheState() throws {
        var explorer = Explorer(state: ExplorerState(dataset: Self.planted, roles: ColumnRoles()))
        try explorer.apply(.setFilter("kind != \"odd\""))
        try explorer.apply(.setNeighborCount(5))
        let (_, section) = try Self.section(explorer.state)
        #expect(section.heading == "Familiarity: k 5 · cosine in emb")
        let histogram = try #require(section.blocks.compactMap { if case .histogram(let h) = $0 { h } else { nil } }.first)
        #expect(histogram.bins.map(\.filtered).reduce(0, +) == Self.digitCount / 2 + Self.noiseCount)
        let rows = try #require(Self.tables(section).first).rows.compactMap { Int($0[0]) }
        #expect(rows.allSatisfy { $0 % 2 == 0 || Self.noiseRows.contains($0) })
    }

    @Test func numericColumnsAreComparedAndShownFirst() throws {
        let count = 60
        let dataset = makeDataset([
            "name": .text((0..<count).map { "r\($0)" }),
            "label": .integers((0..<count).map { Int64($0 % 2) }),
            "a": .floats((0..<count).map { $0 == 7 ? 90 : Double($0 % 10) }),
            "b": .floats((0..<count).map { $0 == 7 ? -40 : Double($0 % 6) }),
        ])
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let (_, section) = try Self.section(state)
        #expect(section.heading == "Familiarity: k 10 · 2 standardised numeric columns")
        let table = try #require(Self.tables(section).first)
        #expect(table.headers == ["row", "familiarity", "a", "b", "label", "name"])
        #expect(table.rows.first?.first == "7")
    }

    @Test func dataWithoutAnythingToCompareSaysWhy() throws {
        let state = ExplorerState(dataset: makeDataset(["t": .text(["a", "b"])]), roles: ColumnRoles())
        let (_, section) = try Self.section(state)
        #expect(section.blocks == [.note("No familiarity: \(NeighborColumns.missing).")])
        let one = ExplorerState(dataset: makeDataset(["x": .floats([1])]), roles: ColumnRoles())
        let (_, lonely) = try Self.section(one)
        guard case .note(let text)? = lonely.blocks.first else {
            Issue.record("no note: \(lonely.blocks)")
            return
        }
        #expect(text.hasPrefix("Cannot score familiarity: familiarity needs at least 2 rows"))
    }
}
