/// `familiarity(…)` as a derived column's expression: each row's `Familiarity` score.
///
/// Unlike the row-at-a-time functions it compares every row with the others, so it can only be
/// the whole expression of a derived column (`--derive familiarity=familiarity(embedding)`);
/// filters and other expressions then use the derived column. Forms:
/// `familiarity(vector_column)`, `familiarity(col1, col2, …)` for standardised numeric columns,
/// each optionally with a last whole-number argument `k` (default 10): `familiarity(embedding, 20)`.
struct FamiliarityCall: Sendable {
    /// The function's name.
    static let name = "familiarity"
    /// How it is called, for messages.
    static let signature = "familiarity(vector column or numeric columns[, k])"

    let columns: [Column]
    let k: Int

    /// The call `tree` is, or nil when it is not a call of `familiarity`. Throws for bad
    /// arguments.
    init?(_ tree: SyntaxNode, dataset: Dataset, text: String) throws(ExpressionError) {
        guard case .call(let name, _, var arguments) = tree.kind, name.lowercased() == Self.name else { return nil }
        func error(_ message: String, _ range: Range<Int>) -> ExpressionError {
            ExpressionError(message, range: range, expression: text)
        }
        var k = Familiarity.defaultK
        if let last = arguments.last, case .number(let constant) = last.kind {
            guard let value = constant.integer, value >= 1, value <= 1_000 else {
                throw error("\(Self.signature): k must be a whole number from 1 to 1000", last.range)
            }
            k = Int(value)
            arguments.removeLast()
        }
        guard !arguments.isEmpty else {
            throw error("\(Self.signature) needs a vector column or numeric columns", tree.range)
        }
        var columns: [Column] = []
        for argument in arguments {
            guard case .column(let columnName) = argument.kind else {
                throw error("\(Self.signature) takes column names, not \(argument)", argument.range)
            }
            guard let column = dataset.column(named: columnName) else {
                var message = "unknown column '\(columnName)'"
                if let suggestion = NameSuggestion.nearest(to: columnName, in: dataset.columnNames) {
                    message += " — did you mean '\(suggestion)'?"
                }
                throw error(message, argument.range)
            }
            let usable = column.kind == .vector ? arguments.count == 1 : column.kind.isNumeric || column.kind == .boolean
            guard usable else {
                throw error("\(Self.signature) needs one vector column or numeric columns, but '\(columnName)' holds "
                            + column.kind.rawValue + (column.kind == .vector ? " beside other columns" : ""), argument.range)
            }
            columns.append(column)
        }
        self.columns = columns
        self.k = k
    }

    /// The scores as a float column called `name`.
    func column(named name: String, text: String, range: Range<Int>) throws(ExpressionError) -> Column {
        do {
            return try Familiarity(columns: columns, k: k, context: WorkContext()).column(named: name)
        } catch {
            throw ExpressionError("\(error)", range: range, expression: text)
        }
    }
}
