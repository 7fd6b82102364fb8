/// What a prompt asks for.
public enum PromptPurpose: Sendable, Equatable {
    /// A file to export the selected (or filtered) rows to (`x`).
    case exportRows
    /// A file to save the view to (`w`).
    case saveView
    /// A Markdown or HTML file to write a report of the view to (`R`).
    case saveReport
    /// A value to search the rows pane for (`F`).
    case searchRows
    /// A row number for the rows pane to go to (`:`).
    case goToRow
    /// A derived column, `name = expression` (`=`).
    case deriveColumn
    /// The rows of a table in a SQL engine to pull into memory as a new sample (`P`).
    case sampleSize

    /// Whether the answer is a file path (checked for an existing file before it is written).
    public var asksForFile: Bool { self == .exportRows || self == .saveView || self == .saveReport }
}

/// A question asked in the bottom lines: a file path, then, when that file exists, whether to
/// replace it; or a value to search for, or a row number.
public struct Prompt: Sendable, Equatable {
    public let purpose: PromptPurpose
    /// The path being typed.
    public var editor: LineEditor
    /// Set while asking "replace it? y/n" for an existing file.
    public var confirmingOverwrite = false
    /// For exports: every column (true) or the columns the rows pane shows (false; Tab toggles).
    public var allColumns = true
    /// For searches: the text is a regular expression (Tab toggles).
    public var regex = false
    /// A problem with the last answer (shown until the next key); for a derived column, with
    /// every key.
    public var problem: String?
    /// Where in the text `problem` is, when it is about a part of it (a derived column's
    /// expression), for a caret under it.
    public var problemRange: Range<Int>?

    public init(purpose: PromptPurpose, path: String) {
        self.purpose = purpose
        editor = LineEditor(text: path)
    }

    /// The prompt again after an answer it could not take, saying why.
    func answered(with problem: String) -> Prompt {
        var again = self
        again.problem = problem
        return again
    }

    /// The question, for the prompt line.
    public var question: String {
        switch purpose {
        case .exportRows: "export to: "
        case .saveView: "save view to: "
        case .saveReport: "write report to: "
        case .searchRows: regex ? "find regex: " : "find: "
        case .goToRow: "go to row: "
        case .deriveColumn: "= "
        case .sampleSize: "sample size: "
        }
    }

    /// What the keys do, for the line under the prompt.
    public var hint: String {
        if confirmingOverwrite { return "\(editor.text) exists: replace it? y replaces · n or Esc goes back" }
        switch purpose {
        case .exportRows:
            return "\(allColumns ? "all columns" : "visible columns only") (Tab) · Enter writes .csv .tsv .jsonl (+ .gz) .parquet · Esc cancels"
        case .saveView:
            return "Enter saves filter, selection, panes and theme as JSON (tutti open FILE reopens it) · Esc cancels"
        case .saveReport:
            return "Enter writes every pane of the view: .html (one self-contained page) or .md · Esc cancels"
        case .searchRows:
            return "\(regex ? "regular expression" : "text") in any case (Tab) · Enter finds in the columns shown · n N next/previous · Esc cancels"
        case .goToRow:
            return "a row number (the # column) · Enter goes there · Esc cancels"
        case .deriveColumn:
            return "name = expression, such as margin = abs(score - 0.5) · Enter adds the column (u undoes) · Esc cancels"
        case .sampleSize:
            return "rows of the table to pull into memory (the first the engine returns) · Enter pulls them · Esc cancels"
        }
    }
}
