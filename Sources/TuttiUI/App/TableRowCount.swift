import TuttiCore

/// How many rows the table behind a sample holds, as far as the explorer knows: the engine's
/// exact count once it answered, its estimate until then (the count scans the whole table; the
/// explorer opens without waiting for it).
public struct TableRowCount: Sendable, Equatable {
    /// The exact rows, once counted.
    public let exact: Int?
    /// The engine's estimate; nil when it gave none.
    public let estimate: Int?

    /// A count known `exact`ly, or else `estimate`d.
    public init(exact: Int?, estimate: Int?) {
        self.exact = exact
        self.estimate = estimate
    }

    /// The exact count ("10,000,000"), else the estimate marked as one ("≈10,000,000"), else "?".
    public var text: String {
        if let exact { return NumberFormatting.grouped(exact) }
        if let estimate { return "≈" + NumberFormatting.grouped(estimate) }
        return "?"
    }
}
