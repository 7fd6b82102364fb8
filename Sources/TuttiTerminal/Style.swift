/// A terminal colour.
public enum TerminalColor: Sendable, Equatable, Hashable {
    /// The terminal's own default foreground or background.
    case standard
    /// One of the 256 indexed colours (0–7 basic, 8–15 bright, 16–255 the 6×6×6 cube and greys).
    case indexed(UInt8)
}

/// Text attributes.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

/// How a cell looks: colours and attributes.
public struct CellStyle: Sendable, Equatable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .standard, background: TerminalColor = .standard,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = CellStyle()

    /// The same style with extra attributes.
    public func adding(_ extra: TextAttributes) -> CellStyle {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
