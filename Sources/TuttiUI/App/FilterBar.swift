import Foundation
import TuttiCore

/// The line editor opened by `/`: the filter expression being typed, validated on every key,
/// with a history of applied filters (↑/↓).
public struct FilterBar: Sendable {
    /// The expression being typed.
    public var editor: LineEditor
    /// The problem with the text, if any: a message and the character range it concerns.
    public private(set) var problem: (message: String, range: Range<Int>)?
    /// Rows the text would keep, when it is valid.
    public private(set) var preview: Int?

    /// A bar starting with `text` (the current filter) and the history of applied filters.
    public init(text: String, history: [String]) {
        editor = LineEditor(text: text, history: history)
    }

    /// The text typed so far.
    public var text: String { editor.text }

    /// Checks the text against the dataset: sets `problem`, or `preview` to the rows it keeps.
    public mutating func validate(_ dataset: Dataset) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            problem = nil
            preview = dataset.rowCount
            return
        }
        do {
            let expression = try FilterExpression(text, dataset: dataset)
            problem = nil
            preview = dataset.rowCount <= 2_000_000 ? try expression.evaluate(dataset).count : nil
        } catch {
            problem = (error.message, error.range)
            preview = nil
        }
    }
}
