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

    /// Cells wider than this many cells stick out of their column instead of widening it, so that
    /// one huge cell lengthens its own line and not every line of the table.
    public static let alignmentLimit = 1_000

    /// Columns padded to their widest cell as `measure` counts cells (up to `alignmentLimit`),
    /// separated by two spaces: a table for a terminal, so control characters in headers and
    /// cells are escaped (`TerminalText`). Nothing is cut: a cell is as wide as it needs, and the
    /// last column is not padded.
    public func renderAligned<M: CellMeasure>(_ measure: M.Type) -> String {
        let lines = ([headers] + rows).map { $0.map(TerminalText.escaped) }
        let cellWidths = lines.map { $0.map { TextFit.width($0, measure) } }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cellWidths {
            for (i, width) in row.enumerated() where width <= Self.alignmentLimit { widths[i] = Swift.max(widths[i], width) }
        }
        func line(_ cells: [String], _ cellWidths: [Int]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { out += "  " }
                let padding = String(repeating: " ", count: Swift.max(0, widths[i] - cellWidths[i]))
                if rightAligned.contains(i) {
                    out += padding + cell
                } else {
                    out += cell
                    if i < cells.count - 1 { out += padding }
                }
            }
            return out.replacingTrailingSpaces()
        }
        return zip(lines, cellWidths).map(line).joined(separator: "\n") + "\n"
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
