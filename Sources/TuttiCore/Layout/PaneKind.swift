/// A kind of pane, by the name view files and reports use for it. An open set: a view file may
/// name a kind this tutti does not know (one written by a newer tutti); it is read and kept, and
/// `isKnown` tells it apart.
public struct PaneKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The name in view files: `summary`, `histogram`, …
    public let rawValue: String

    /// The kind named `rawValue`, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static let summary = PaneKind(rawValue: "summary")
    public static let histogram = PaneKind(rawValue: "histogram")
    public static let rows = PaneKind(rawValue: "rows")
    public static let confusion = PaneKind(rawValue: "confusion")
    public static let slices = PaneKind(rawValue: "slices")
    public static let duplicates = PaneKind(rawValue: "duplicates")
    public static let scatter = PaneKind(rawValue: "scatter")
    public static let instance = PaneKind(rawValue: "instance")
    public static let familiarity = PaneKind(rawValue: "familiarity")

    public static let labelIssues = PaneKind(rawValue: "label_issues")

    public static let comparison = PaneKind(rawValue: "comparison")

    /// The kinds this tutti shows.
    public static let known: [PaneKind] = [.summary, .histogram, .rows, .confusion, .slices, .duplicates, .scatter, .instance, .comparison,
                                           .familiarity, .labelIssues]

    /// Whether this tutti shows panes of this kind.
    public var isKnown: Bool { Self.known.contains(self) }
}
