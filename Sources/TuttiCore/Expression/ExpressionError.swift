/// A filter expression that cannot be parsed or type-checked: what is wrong, and where.
///
/// `range` counts characters (Swift `Character`s) from the start of the expression, so a
/// front-end can underline the culprit; `description` shows the message, the expression and
/// carets under the culprit:
///
/// ```text
/// unknown column 'sexx' — did you mean 'sex'?
///   sexx == "Female"
///   ^^^^
/// ```
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words a user understands (one line, without the expression).
    public let message: String
    /// The characters the error is about, as offsets into `expression`. An empty range marks
    /// a position (for example the end of the text, where something is missing).
    public let range: Range<Int>
    /// The expression the error was found in.
    public let expression: String

    /// An error about `range` of `expression`.
    public init(_ message: String, range: Range<Int>, expression: String) {
        self.message = message
        self.range = range
        self.expression = expression
    }

    /// The message, then the line of `expression` holding the error, indented by two spaces,
    /// then carets (`^`) under the characters of `range` (one caret when the range is empty).
    public func rendered(expression: String) -> String {
        let characters = Array(expression)
        let start = min(max(range.lowerBound, 0), characters.count)
        var lineStart = start
        while lineStart > 0, !characters[lineStart - 1].isNewline { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < characters.count, !characters[lineEnd].isNewline { lineEnd += 1 }
        let end = min(max(range.upperBound, start + 1), max(lineEnd, start + 1))
        let padding = characters[lineStart..<start].map { $0 == "\t" ? "\t" : " " }.joined()
        let line = String(characters[lineStart..<lineEnd])
        return message + "\n  " + line + "\n  " + padding + String(repeating: "^", count: end - start)
    }

    /// The rendered error (message, expression, carets).
    public var description: String { rendered(expression: expression) }

    /// The error as a `TuttiError`: the rendered text, and the 1-based character column
    /// where the error starts.
    public var tuttiError: TuttiError {
        TuttiError(description, column: range.lowerBound + 1)
    }
}
