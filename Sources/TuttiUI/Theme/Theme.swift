import TuttiTerminal

/// Named styles for every part of the interface.
public struct Theme: Sendable, Equatable {
    /// The theme's name (its file name without `.toml`).
    public let name: String
    /// A one-line description.
    public let description: String
    /// The colours the theme was made for: 256, 16, 8, or 0 (none).
    public let colors: Int
    private let styles: [ThemeRole: CellStyle]

    public init(name: String, description: String, colors: Int, styles: [ThemeRole: CellStyle]) {
        self.name = name
        self.description = description
        self.colors = colors
        self.styles = styles
    }

    /// The style for `role` (the plain style when the theme leaves it out).
    public subscript(role: ThemeRole) -> CellStyle { styles[role] ?? .plain }

    /// The same theme with every colour removed (for `NO_COLOR` and monochrome terminals):
    /// attributes stay, and bars and selections keep their distinct glyphs.
    public func withoutColor() -> Theme {
        Theme(name: name, description: description, colors: 0, styles: styles.mapValues {
            CellStyle(foreground: .standard, background: .standard, attributes: $0.attributes)
        })
    }

    /// A theme built into the program, used when no theme file can be read: attributes only.
    public static let fallback = Theme(name: "fallback", description: "built in; attributes only", colors: 0, styles: [
        .muted: CellStyle(attributes: .dim), .title: CellStyle(attributes: .bold),
        .titleFocused: CellStyle(attributes: [.reverse, .bold]), .border: CellStyle(attributes: .dim),
        .borderFocused: CellStyle(attributes: .bold), .header: CellStyle(attributes: [.bold, .underline]),
        .cursor: CellStyle(attributes: .reverse), .selected: CellStyle(attributes: .bold),
        .barSelected: CellStyle(attributes: .bold), .brush: CellStyle(attributes: .underline),
        .status: CellStyle(attributes: .reverse), .statusAccent: CellStyle(attributes: [.reverse, .bold]),
        .message: CellStyle(attributes: .bold), .error: CellStyle(attributes: [.bold, .underline]),
        .filterBar: CellStyle(attributes: .reverse), .key: CellStyle(attributes: .bold),
    ])
}
