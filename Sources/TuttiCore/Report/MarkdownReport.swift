import Foundation

/// Renders a report as GitHub-flavoured Markdown: tables as GFM tables, histograms as bars of
/// Unicode block characters in code blocks (`█` filtered rows, `▓` the selected ones), scatter
/// plots in Braille, a row's image-shaped vectors in shade characters.
public enum MarkdownReport {
    /// The Markdown text of `report`.
    public static func render(_ report: Report) -> String {
        var parts = ["# " + MarkdownEscaping.text(report.title)]
        if let generated = report.generated {
            parts.append("*Generated \(generated.formatted(.iso8601)) by tutti.*")
        }
        for section in report.sections {
            parts.append("## " + MarkdownEscaping.text(section.heading))
            parts += section.blocks.map(block)
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func block(_ block: ReportBlock) -> String {
        switch block {
        case .subheading(let runs): return "### " + inline(runs)
        case .paragraph(let runs): return inline(runs)
        case .note(let text): return "> " + MarkdownEscaping.text(text)
        case .list(let items): return items.map { "- " + inline($0) }.joined(separator: "\n")
        case .table(let table): return self.table(table)
        case .histogram(let histogram): return MarkdownHistogram.render(histogram)
        case .scatter(let scatter): return MarkdownScatter.render(scatter)
        case .instance(let instance): return MarkdownInstance.render(instance)
        }
    }

    private static func inline(_ runs: [ReportText]) -> String {
        runs.map { run in
            switch run {
            case .plain(let text): MarkdownEscaping.text(text)
            case .code(let text): MarkdownEscaping.code(text)
            }
        }.joined()
    }

    private static func table(_ table: ReportTable) -> String {
        func line(_ cells: [String], code: Set<Int>) -> String {
            let shown = cells.enumerated().map { index, cell in
                if cell.isEmpty { return "" }
                // GFM splits cells at pipes even inside code spans; an escaped pipe stays in the code.
                return code.contains(index) ? MarkdownEscaping.code(cell).replacingOccurrences(of: "|", with: "\\|")
                                            : MarkdownEscaping.text(cell)
            }
            return "| " + shown.joined(separator: " | ") + " |"
        }
        let rule = "|" + table.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined()
        let lines = [line(table.headers, code: [])] + [rule] + table.rows.map { line($0, code: table.codeColumns) }
        let caption = table.caption.map { "*" + MarkdownEscaping.text($0) + "*\n\n" } ?? ""
        return caption + lines.joined(separator: "\n")
    }
}
