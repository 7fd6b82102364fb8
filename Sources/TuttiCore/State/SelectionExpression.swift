import Foundation

/// Writes a selection's source as a filter expression, so "filter to selection" stays a
/// readable, saveable expression whenever it can.
public enum SelectionExpression {
    /// The expression selecting the same rows as `source`, or nil for sources that are row
    /// lists (hand-picked rows, duplicate clusters, rows a pane described).
    public static func text(for source: SelectionSource, dataset: Dataset) -> String? {
        switch source {
        case .brush(let column, .numeric(let lower, let upper, let includesUpper)):
            let name = quotedColumn(column)
            let isTime = dataset.column(named: column)?.kind == .datetime
            let literal = { (value: Double) in
                isTime ? quotedString(TimeFormatting.iso(Int64(value))) : NumberFormatting.shortest(value)
            }
            return "\(name) >= \(literal(lower)) and \(name) \(includesUpper ? "<=" : "<") \(literal(upper))"
        case .brush(let column, .values(let values)):
            let isBoolean = dataset.column(named: column)?.kind == .boolean
            let literals = values.map { isBoolean ? $0 : quotedString($0) }
            return "\(quotedColumn(column)) in (\(literals.joined(separator: ", ")))"
        case .slice(let predicates), .confusionCell(let predicates), .rectangle(let predicates):
            return predicates.map { "\(quotedColumn($0.column)) \($0.op) \($0.value)" }.joined(separator: " and ")
        case .duplicateCluster, .rows, .described:
            return nil
        }
    }

    /// A column name as an expression identifier (back-quoted unless a plain identifier).
    public static func quotedColumn(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            && Keyword(rawValue: name.lowercased()) == nil
        return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// A string literal in double quotes with backslash escapes.
    public static func quotedString(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
