import Foundation

/// The output formats of headless commands.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, markdown
}

/// A simple table of text cells rendered as aligned text, CSV or Markdown.
public struct TextTable: Sendable {
    /// Column headers.
    public var headers: [String]
    /// Rows of cells (each as many as `headers`).
    public var rows: [[String]]
    /// Columns to align right (numbers).
    public var rightAligned: Set<Int>

    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// Columns padded to their widest cell as `measure` counts cells, separated by two spaces: a
    /// table for a terminal, so control characters in headers and cells are escaped
    /// (`TerminalText`). Nothing is cut: a cell is as wide as it needs.
    public func renderAligned<M: CellMeasure>(_ measure: M.Type) -> String {
        let headers = headers.map(TerminalText.escaped)
        let rows = rows.map { $0.map(TerminalText.escaped) }
        var widths = headers.map { TextFit.width($0, measure) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = Swift.max(widths[i], TextFit.width(cell, measure)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                TextFit.pad(cell, widths[i], measure, right: rightAligned.contains(i))
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV.
    public func renderCSV() -> String {
        ([headers] + rows).map { $0.map { CSVQuoting.quoted($0) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table (pipes escaped).
    public func renderMarkdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + headers.indices.map { rightAligned.contains($0) ? " ---: |" : " --- |" }.joined()
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// Quoting of CSV cells.
public enum CSVQuoting {
    /// The cell, quoted (with doubled quotes) if it holds a comma, quote, CR or LF, or spaces at an end.
    public static func quoted(_ cell: String, delimiter: Character = ",") -> String {
        let needs = cell.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || cell.first == " " || cell.last == " "
        return needs ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
