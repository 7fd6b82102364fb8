import Foundation
import Testing
@testable import TuttiCore

/// The Adult state of the report tests: filter `age >= 30`, a brush on `hours_per_week` ≥ 50.
func reportAdultState() throws -> ExplorerState {
    var explorer = Explorer(state: ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult)))
    try explorer.apply(.setFilter("age >= 30"))
    let rows = try FilterExpression("hours_per_week >= 50", dataset: adult).evaluate(adult)
    try explorer.apply(.select(rows, .brush(column: "hours_per_week", range: .numeric(lower: 50, upper: 99, includesUpper: true))))
    return explorer.state
}

/// The panes of the report tests' view.
let reportAdultPanes = [ViewPane(kind: .summary), ViewPane(kind: .histogram, settings: PaneSettings(column: "age")),
                        ViewPane(kind: .confusion), ViewPane(kind: .slices, settings: PaneSettings(sortMetric: "error")),
                        ViewPane(kind: .duplicates)]

/// The Adult report, computed once (slices and duplicates take a moment).
let reportAdult: Report = {
    let state = try! reportAdultState()
    return try! ReportBuilder.build(ReportInput(state: state, datasetName: "adult_scored.csv", panes: reportAdultPanes))
}()

@Suite struct ReportTests {
    static let headings = ["At a glance", "Dataset", "Filter and selection", "Histogram: age", "Confusion matrix", "Slices", "Duplicates"]

    /// The slices section of `report`.
    static func slices(_ report: Report) throws -> ReportSection {
        try #require(report.sections.first { $0.heading == "Slices" })
    }

    @Test func sectionsFollowTheView() {
        // The summary pane's column table is the dataset section's, not repeated.
        #expect(reportAdult.sections.map(\.heading) == Self.headings)
        #expect(reportAdult.title == "tutti report: adult_scored.csv")
    }

    @Test func markdownShowsEveryPane() throws {
        let markdown = MarkdownReport.render(reportAdult)
        for heading in Self.headings { #expect(markdown.contains("\n## \(heading)\n"), "\(heading)") }
        #expect(markdown.contains("`age >= 30`"))
        let state = try reportAdultState()
        #expect(markdown.contains("\(NumberFormatting.grouped(state.selectedCount)) selected rows pass the filter"))
        #expect(markdown.contains("`hours_per_week >= 50 and hours_per_week <= 99`"))
        // The histogram: bars of block characters, the selected part in ▓, in a fenced block.
        let histogram = try #require(markdown.range(of: "## Histogram: age").map { String(markdown[$0.upperBound...]) })
        let block = try #require(histogram.components(separatedBy: "```").dropFirst().first)
        #expect(block.contains("█") && block.contains("▓"))
        #expect(block.components(separatedBy: "\n").contains { $0.hasPrefix("30 ") })
        // A slice row: its expression in code, then its numbers.
        let slices = try #require(reportAdult.sections.first { $0.heading == "Slices" })
        let table = try #require(slices.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows.count > 1)
        let slice = table.rows[1]
        #expect(markdown.contains("| " + MarkdownEscaping.code(slice[0]).replacingOccurrences(of: "|", with: "\\|") + " | "
                                  + slice[1...].map { MarkdownEscaping.text($0) }.joined(separator: " | ") + " |"))
        #expect(markdown.contains("| --- | ---: |"))
        #expect(!markdown.contains("Generated"))
    }

    @Test func sectionsHoldTheirNumbers() throws {
        let state = try reportAdultState()
        let histogram = try #require(reportAdult.sections[3].blocks.compactMap { if case .histogram(let h) = $0 { h } else { nil } }.first)
        #expect(histogram.bins.map(\.filtered).reduce(0, +) == state.filteredCount)
        #expect(histogram.bins.map(\.selected).reduce(0, +) == state.selectedCount)
        #expect(histogram.bins.map(\.all).reduce(0, +) == adult.rowCount)
        #expect(histogram.bins.prefix(3).allSatisfy { $0.filtered == 0 })  // ages under 30 are filtered out
        let confusion = try #require(reportAdult.sections[4].blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(confusion.headers == ["label ╲ prediction", "0", "1", "total"])
        let totals = confusion.rows.map { $0.last ?? "" }
        #expect(totals.count == 2 && totals.allSatisfy { $0.contains("(") })
        let duplicates = reportAdult.sections[6]
        let lists = duplicates.blocks.compactMap { if case .list(let items) = $0 { items } else { nil } }
        guard case .plain(let exact)? = lists.first?.first?.first else {
            Issue.record("no duplicate counts")
            return
        }
        #expect(exact.hasPrefix("Exact duplicates: "))
        #expect(duplicates.blocks.contains { if case .table(let t) = $0 { t.caption?.hasPrefix("Exact duplicates") == true } else { false } })
    }

    @Test func htmlIsSelfContained() throws {
        let html = HTMLReport.render(reportAdult)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        for heading in Self.headings { #expect(html.contains("<h2>\(HTMLEscaping.text(heading))</h2>"), "\(heading)") }
        #expect(html.contains("<code>age &gt;= 30</code>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("url(http"))
        #expect(html.contains("<style>"))
        // The selected part is hatched and of another colour, and every bar has a tooltip.
        #expect(html.contains("fill=\"url(#hatch-1)\""))
        #expect(html.contains("<g><title>30 ≤ age ≤ 34: "))
    }

    @Test func valuesAreEscaped() throws {
        let dataset = makeDataset([
            "name": .categorical(["<b>x</b> & co", "plain|pipe", "<b>x</b> & co", "plain|pipe", "<b>x</b> & co", "plain|pipe"]),
            "label": .integers([1, 0, 1, 0, 1, 1]),
            "prediction": .integers([1, 0, 0, 0, 1, 0]),
        ])
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let input = ReportInput(state: state, datasetName: "odd <name>.csv", panes: [
            ViewPane(kind: .histogram, settings: PaneSettings(column: "name")), ViewPane(kind: .rows),
        ])
        let report = try ReportBuilder.build(input)
        let html = HTMLReport.render(report)
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; co"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("odd &lt;name&gt;.csv"))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("| \\<b\\>x\\</b\\> \\& co |"))
        #expect(markdown.contains("plain\\|pipe"))
        #expect(!markdown.contains("# tutti report: odd <name>"))
    }

    @Test func panesThatCannotShowSayWhy() throws {
        let dataset = makeDataset(["x": .floats([1, 2, 3]), "t": .text(["a", "b", "c"])])
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles())
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "t.csv", panes: [
            ViewPane(kind: .histogram, settings: PaneSettings(column: "nope")), ViewPane(kind: .histogram, settings: PaneSettings(column: "t")),
            ViewPane(kind: .confusion), ViewPane(kind: .slices), ViewPane(kind: PaneKind(rawValue: "sankey")),
        ]))
        let notes = report.sections.dropFirst(3).map { section in
            section.blocks.contains { if case .note = $0 { true } else { false } }
        }
        #expect(notes == [true, true, true, true, true])
    }

    @Test func rowsPutTheSelectionFirst() throws {
        let state = try reportAdultState()
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "adult", panes: [
            ViewPane(kind: .rows, settings: PaneSettings(sortColumn: "age", descending: true)),
        ]))
        let table = try #require(report.sections[3].blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows.count == 20)
        #expect(table.headers.prefix(3) == ["row", "selected", "age"])
        #expect(table.rows.allSatisfy { $0[1] == "▓ yes" })
        #expect(table.rows.first?[2] == "90")
        #expect(table.rows.allSatisfy { Int($0[0]).map { state.visibleSelection!.contains($0) } == true })
    }

    @Test func cancellationStopsTheReport() throws {
        let flag = CancellationFlag()
        flag.cancel()
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        #expect(throws: TuttiError("report cancelled")) {
            try ReportBuilder.build(ReportInput(state: state, datasetName: "adult"), work: WorkContext(cancellation: flag))
        }
    }

    @Test func generatedDateIsPrintedWhenGiven() {
        let report = Report(title: "T", generated: Date(timeIntervalSince1970: 0), sections: [])
        #expect(MarkdownReport.render(report).contains("*Generated 1970-01-01T00:00:00Z by tutti.*"))
        #expect(HTMLReport.render(report).contains("Generated 1970-01-01T00:00:00Z by tutti."))
    }

    @Test func formatFollowsTheExtension() throws {
        #expect(try ReportFormat(path: "out/Report.MD") == .markdown)
        #expect(try ReportFormat(path: "r.markdown") == .markdown)
        #expect(try ReportFormat(path: "a.b/r.html") == .html)
        #expect(try ReportFormat(path: "r.HTM") == .html)
        for bad in ["r.pdf", "md", "dir.md/report", "report."] {
            #expect(throws: TuttiError.self) { try ReportFormat(path: bad) }
        }
    }

    @Test func writingRefusesToOverwrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("report.md").path
        let first = Report(title: "first", sections: [])
        try ReportFormat.write(first, to: path, format: .markdown, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# first\n")
        #expect(throws: TuttiError("exists; use --force to overwrite", file: path)) {
            try ReportFormat.write(Report(title: "second", sections: []), to: path, format: .markdown, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# first\n")
        try ReportFormat.write(Report(title: "second", sections: []), to: path, format: .html, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<h1>second</h1>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.md"])
        #expect(throws: TuttiError.self) {
            try ReportFormat.write(first, to: folder.url.path + "/missing/r.md", format: .markdown, overwrite: false)
        }
    }

    @Test func markdownEscaping() {
        #expect(MarkdownEscaping.text("hours_per_week") == "hours_per_week")
        #expect(MarkdownEscaping.text("_x_ *y* a|b <i>") == "\\_x\\_ \\*y\\* a\\|b \\<i\\>")
        #expect(MarkdownEscaping.text("two\nlines") == "two lines")
        #expect(MarkdownEscaping.code("a`b") == "``a`b``")
        #expect(MarkdownEscaping.code("`x") == "`` `x ``")
        #expect(MarkdownEscaping.fence(for: "a ```` b") == "`````")
    }

    @Test func textBars() {
        #expect(TextBars.bar(value: 1, selected: 0.5, width: 4) == "▓▓██")
        #expect(TextBars.bar(value: 0.5, selected: 0, width: 4) == "██  ")
        #expect(TextBars.bar(value: 0.55, selected: 0.01, width: 4) == "▓█▎ ")
        #expect(TextBars.bar(value: 0, selected: 0, width: 2) == "  ")
        #expect(TextBars.sparkline([0, 1, 8]) == " ▂█")
    }
}

/// Reports show what the panes show: with group columns, a part per group; a headline; numbers
/// written as the panes write them.
@Suite struct ReportPanesTests {
    /// Adult grouped by `sex`, every row, nothing selected.
    static let grouped = try! Explorer.reduce(ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult)),
                                              .setGroupColumns(["sex"])).0
    static let settings = PaneSettings(sortMetric: "fnr", descending: true, minimumSize: 200)
    static let report = try! ReportBuilder.build(ReportInput(state: grouped, datasetName: "adult", panes: [
        ViewPane(kind: .confusion), ViewPane(kind: .slices, settings: settings),
    ]))

    static func section(_ report: Report, _ heading: String) throws -> ReportSection {
        try #require(report.sections.first { $0.heading == heading })
    }

    static func tables(_ section: ReportSection) -> [ReportTable] {
        section.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    static func subheadings(_ section: ReportSection) -> [[ReportText]] {
        section.blocks.compactMap { if case .subheading(let runs) = $0 { runs } else { nil } }
    }

    @Test func slicesHaveASectionPerGroupAsInThePane() throws {
        let slices = try Self.section(Self.report, "Slices")
        let markdown = MarkdownReport.render(Self.report)
        let part = try #require(markdown.components(separatedBy: "## Slices\n").last)
        #expect(part.contains("\n### `sex == \"Male\"`: 32,650 rows, fnr "))
        #expect(part.contains("\n### `sex == \"Female\"`: 16,192 rows, fnr "))
        #expect(HTMLReport.render(Self.report).contains("<h3><code>sex == &quot;Male&quot;</code>: 32,650 rows, fnr "))
        // The same computation as the pane's, sorted by the view's metric, at its minimum size.
        var model = try SliceSections.compute(state: Self.grouped, options: SliceSectionOptions(minimumSize: 200))
        model.sort(by: .fnr, descending: true)
        let tables = Self.tables(slices)
        #expect(tables.count == model.sections.count && tables.count == 2)
        for (table, section) in zip(tables, model.sections) {
            #expect(table.rows[0][0] == SliceReport.expression(section.group))
            #expect(Array(table.rows.dropFirst().map { $0[0] }) == section.slices.prefix(10).map(\.entry.expression))
            #expect(table.rows.dropFirst().allSatisfy { !$0[0].contains("sex") && $0.last?.isEmpty == false })
            #expect(table.rows.dropFirst().allSatisfy { Int($0[1].replacingOccurrences(of: ",", with: ""))! >= 200 })
            #expect(table.headers.contains("fnr") && table.caption?.contains("minus that of the group") == true)
        }
    }

    @Test func confusionHasAMatrixPerGroup() throws {
        let confusion = try Self.section(Self.report, "Confusion matrix")
        let headings = Self.subheadings(confusion)
        #expect(headings == [[.code("sex == \"Male\""), .plain(": 32,650 rows")],
                             [.code("sex == \"Female\""), .plain(": 16,192 rows")]])
        let tables = Self.tables(confusion)
        #expect(tables.count == 2)
        let totals = tables.map { $0.rows.map { Int($0.last!.replacingOccurrences(of: ",", with: ""))! }.reduce(0, +) }
        #expect(totals == [32_650, 16_192])
        #expect(MarkdownReport.render(Self.report).contains("\n### `sex == \"Female\"`: 16,192 rows\n"))
    }

    @Test func withoutGroupsTheSlicesAreOneTable() throws {
        let slices = try ReportTests.slices(reportAdult)
        #expect(Self.subheadings(slices).isEmpty && Self.tables(slices).count == 1)
        #expect(Self.tables(slices)[0].rows[0][0] == "all filtered rows")
    }

    @Test func theHeadlineHoldsTheCountsAndTheOverallError() throws {
        let state = try reportAdultState()
        let headline = try Self.section(reportAdult, "At a glance")
        #expect(reportAdult.sections.first?.heading == "At a glance")
        let metrics = try SliceEvaluator(dataset: adult, roles: state.roles)
            .metrics(of: state.filter.rows, filteredCount: state.filteredCount)
        let table = try #require(Self.tables(headline).first)
        #expect(table.rows.map { $0[0] } == ["error", "accuracy", "F1", "false-positive rate (FPR)",
                                             "false-negative rate (FNR)", "mean loss"])
        let interval = try #require(metrics.interval(.error))
        #expect(table.rows[0] == ["error", NumberFormatting.metric(metrics.value(.error)),
                                  String(format: "%.3f – %.3f", interval.lower, interval.upper)])
        let markdown = MarkdownReport.render(reportAdult)
        #expect(markdown.contains("- Filtered rows: \(NumberFormatting.grouped(state.filteredCount)) ("))
        #expect(markdown.contains("- Selected rows: \(NumberFormatting.grouped(state.selectedCount)) ("))
        #expect(markdown.contains("| error | \(NumberFormatting.metric(metrics.value(.error))) |"))
    }

    @Test func largeNumbersAreGroupedLikeCounts() throws {
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "adult", panes: [
            ViewPane(kind: .histogram, settings: PaneSettings(column: "fnlwgt")),
        ]))
        let histogram = try Self.section(report, "Histogram: fnlwgt")
        let stats = try #require(Self.tables(histogram).first?.rows.first)
        #expect(stats[3] == "189,664" && stats[5] == "12,285" && stats[6] == "1,490,400")
        let html = HTMLReport.render(report)
        #expect(html.contains(">100,000</text>") && !html.contains(">100000</text>"))
        #expect(!html.contains("189664") && !MarkdownReport.render(report).contains("1490400"))
        #expect(NumberFormatting.number(1990) == "1990" && NumberFormatting.number(0.25) == "0.25")
        #expect(NumberFormatting.number(12_345.6) == "12,346" && NumberFormatting.number(12_345.5, exact: true) == "12345.5")
        #expect(NumberFormatting.signed(-0.00001) == "±0.0000" && NumberFormatting.signed(0.034) == "+0.0340")
    }
}
