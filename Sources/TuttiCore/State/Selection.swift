/// A range brushed on one column's histogram.
public enum BrushRange: Sendable, Equatable, Codable {
    /// Numbers in `lower ..< upper` (`lower ... upper` when `includesUpper`).
    case numeric(lower: Double, upper: Double, includesUpper: Bool)
    /// Categorical values (or, for other columns, displayed values) in the set.
    case values([String])
}

/// One `column op value` condition of a slice.
public struct SlicePredicate: Sendable, Equatable, Codable, Hashable {
    public let column: String
    /// `==`, `<`, `>=`, … as in the expression language.
    public let op: String
    /// The value, as written in an expression (a quoted string or a number).
    public let value: String

    public init(column: String, op: String, value: String) {
        self.column = column
        self.op = op
        self.value = value
    }

    private enum CodingKeys: String, CodingKey { case column, op, value, literal }

    /// Written as `{"column", "op", "value": <the JSON value>, "literal": <the expression text>}`;
    /// older files, without `literal`, held the expression text in `value`, and still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        column = try container.decode(String.self, forKey: .column)
        op = try container.decode(String.self, forKey: .op)
        value = try container.decodeIfPresent(String.self, forKey: .literal) ?? container.decode(String.self, forKey: .value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(op, forKey: .op)
        if let jsonValue { try container.encode(jsonValue, forKey: .value) } else { try container.encode(value, forKey: .value) }
        try container.encode(value, forKey: .literal)
    }
}

/// Where a selection came from, so it can be shown, saved and turned into a filter.
public enum SelectionSource: Sendable, Equatable, Codable {
    /// A brush on a histogram.
    case brush(column: String, range: BrushRange)
    /// The rows of a slice.
    case slice([SlicePredicate])
    /// A cluster of duplicates: its kind and index in the duplicates report (index -1: every
    /// cluster of the kind).
    case duplicateCluster(kind: String, index: Int)
    /// A confusion-matrix cell, as its label and prediction conditions.
    case confusionCell([SlicePredicate])
    /// A rectangle brushed on a scatter plot of two columns, as its x and y range conditions.
    case rectangle([SlicePredicate])
    /// Rows picked by hand.
    case rows
    /// Rows a pane picked by a computed measure, as it describes them: "10 rows like #123" (a
    /// row and its nearest neighbours), "familiarity 0.20 to 0.35".
    case described(String)
}

/// The selected rows and where they came from. Highlighted in every pane; restricts nothing.
public struct Selection: Sendable, Equatable {
    public let rows: RowSet
    public let source: SelectionSource

    public init(rows: RowSet, source: SelectionSource) {
        self.rows = rows
        self.source = source
    }
}
