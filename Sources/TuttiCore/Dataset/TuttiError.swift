/// An error a user can act on: what went wrong, and where (file, line, column) when known.
public struct TuttiError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or "-" for standard input) the error is about, if any.
    public var file: String?
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column (in characters or cells, as the message says), if known.
    public var column: Int?
    /// What went wrong, in words a user understands.
    public var message: String

    /// An error with an optional location.
    public init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: message`, leaving out what is unknown.
    public var description: String {
        var location = ""
        if let file { location += file }
        if let line { location += (location.isEmpty ? "line " : ":") + String(line) }
        if let column, line != nil { location += ":" + String(column) }
        return location.isEmpty ? message : location + ": " + message
    }

    /// Loading was cancelled by the user.
    public static func cancelled(file: String?) -> TuttiError { TuttiError("loading cancelled", file: file) }

    /// A column name that does not exist, with a suggestion when one is close.
    public static func unknownColumn(_ name: String, suggestion: String?, context: String? = nil) -> TuttiError {
        var message = "unknown column '\(name)'"
        if let context { message = context + ": " + message }
        if let suggestion { message += " — did you mean '\(suggestion)'?" }
        return TuttiError(message)
    }
}
