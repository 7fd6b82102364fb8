import Foundation

/// Renders a report as one self-contained HTML file: an inline style sheet, no scripts, nothing
/// fetched from anywhere; tables as HTML tables, histograms as inline SVG bar charts (with their
/// counts in a table beside). Every text from the data is escaped.
public enum HTMLReport {
    /// The HTML document of `report`.
    public static func render(_ report: Report) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(report.title))</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <header>
        <h1>\(e(report.title))</h1>

        """
        if let generated = report.generated {
            out += "<p class=\"generated\">Generated \(e(generated.formatted(.iso8601))) by tutti.</p>\n"
        }
        out += "</header>\n<nav aria-label=\"Contents\"><strong>Contents</strong><ol>\n"
        for (index, section) in report.sections.enumerated() {
            out += "<li><a href=\"#section-\(index + 1)\">\(e(section.heading))</a></li>\n"
        }
        out += "</ol></nav>\n<main>\n"
        var charts = 0
        for (index, section) in report.sections.enumerated() {
            out += "<section id=\"section-\(index + 1)\">\n<h2>\(e(section.heading))</h2>\n"
            for block in section.blocks {
                if case .histogram = block { charts += 1 }
                out += render(block, chart: charts) + "\n"
            }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    private static func render(_ block: ReportBlock, chart: Int) -> String {
        switch block {
        case .subheading(let runs): return "<h3>" + inline(runs) + "</h3>"
        case .paragraph(let runs): return "<p>" + inline(runs) + "</p>"
        case .note(let text): return "<p class=\"note\">" + e(text) + "</p>"
        case .list(let items): return "<ul>\n" + items.map { "<li>" + inline($0) + "</li>\n" }.joined() + "</ul>"
        case .table(let table): return self.table(table)
        case .histogram(let histogram):
            return "<figure>\n" + SVGHistogram(histogram: histogram, identifier: chart).svg + "\n</figure>\n"
                + counts(histogram)
        case .scatter(let scatter):
            return "<figure>\n" + SVGScatter(scatter: scatter).svg + "\n</figure>\n" + counts(scatter)
        case .instance(let instance):
            return HTMLInstance.render(instance)
        }
    }

    private static func inline(_ runs: [ReportText]) -> String {
        runs.map { run in
            switch run {
            case .plain(let text): e(text)
            case .code(let text): "<code>" + e(text) + "</code>"
            }
        }.joined()
    }

    private static func table(_ table: ReportTable) -> String {
        // The caption as a paragraph: a <caption> wraps to the table's width, narrow for small tables.
        var out = table.caption.map { "<p class=\"caption\">\(e($0))</p>\n" } ?? ""
        out += "<div class=\"table-wrap\(table.headers.count > wideTable ? " wide" : "")\"><table>\n"
        out += "<thead><tr>"
        for (index, header) in table.headers.enumerated() {
            let number = table.alignments[index] == .right ? " class=\"num\"" : ""
            out += "<th scope=\"col\"\(number)>\(e(header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                var classes: [String] = []
                if table.alignments[index] == .right { classes.append("num") }
                if table.codeColumns.contains(index) { classes.append("code") }
                out += (classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">") + e(cell) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>"
    }

    /// Tables with more columns than this keep each cell on one line (and scroll sideways).
    private static let wideTable = 10

    /// The chart's numbers, folded away under the chart.
    private static func counts(_ histogram: ReportHistogram) -> String {
        var headers = ["bin", "all rows", "filtered"]
        if histogram.hasSelection { headers.append("selected") }
        if let overlay = histogram.overlay { headers.append(overlay.metric.title) }
        let rows = histogram.bins.enumerated().map { index, bin in
            [bin.detail, NumberFormatting.grouped(bin.all), NumberFormatting.grouped(bin.filtered)]
                + (histogram.hasSelection ? [NumberFormatting.grouped(bin.selected)] : [])
                + (histogram.overlay.map { [NumberFormatting.metric(index < $0.values.count ? $0.values[index] : nil)] } ?? [])
        }
        return "<details><summary>Counts per bin</summary>\n"
            + table(ReportTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count))) + "\n</details>"
    }

    /// The rows of each colour of a scatter plot, folded away under the chart.
    private static func counts(_ scatter: ReportScatter) -> String {
        guard !scatter.categories.isEmpty else { return "" }
        var headers = [scatter.colorTitle ?? "category", "filtered rows"]
        if scatter.hasSelection { headers.append("selected") }
        let rows = scatter.categories.map { category in
            [category.name, NumberFormatting.grouped(category.filtered)]
                + (scatter.hasSelection ? [NumberFormatting.grouped(category.selected)] : [])
        }
        return "<details><summary>Rows per colour</summary>\n"
            + table(ReportTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count))) + "\n</details>"
    }

    private static func e(_ text: String) -> String { HTMLEscaping.text(text) }
}
