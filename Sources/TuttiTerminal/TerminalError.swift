/// Why the terminal could not be used, with a message for the user.
public struct TerminalError: Error, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The advice that ends every "no terminal" message.
    static let headlessAdvice = "Use the headless commands instead: tutti info, tutti count, tutti export …"
}
