import TuttiCore

/// A histogram's bins as the engine counts them: where they lie, not which sample rows they hold
/// (two binnings with the same edges or values count the same rows of the table).
struct EngineBinKey: Hashable, Sendable, CustomStringConvertible {
    let column: String
    /// The numeric bins' edges (empty for value bins).
    let edges: [Double]
    /// The value bins' values (empty for numeric bins).
    let values: [String]
    /// Whether the value bins end with "other".
    let hasOther: Bool

    init(_ binning: ColumnBinning) {
        column = binning.column
        switch binning.scheme {
        case .numeric(let edges, _):
            self.edges = edges
            values = []
            hasOther = false
        case .values(let values, let other):
            edges = []
            self.values = values
            hasOther = !other.isEmpty
        }
    }

    var description: String {
        edges.isEmpty ? "\(column)[\(values.joined(separator: "\u{1F}"))\(hasOther ? "+other" : "")]"
            : "\(column)[\(edges.map { "\($0)" }.joined(separator: ","))]"
    }
}

/// A histogram's counts asked of the engine: its bins over the rows passing an expression.
public struct EngineBinQuery: Hashable, Sendable {
    let bins: EngineBinKey
    let expression: String
}
