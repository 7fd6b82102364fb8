/// A derived column (`--derive NAME=EXPR`) compiled to a SQL value expression that computes, in
/// the engine, the values `Dataset.adding(_:)` computes in memory (the rules of `SQLFilter`:
/// arithmetic in doubles, a division by zero missing, unknown conditions missing).
///
/// Its kind is the in-memory one: numbers whole by construction (`ColumnExpression`) are
/// integers (the value cast to `BIGINT`), other numbers floats, conditions booleans, strings
/// text (a source's summaries decide whether they are categorical, as for any string column).
public struct SQLDerivedColumn: Sendable {
    /// The new column's name and kind.
    public let column: SQLColumn
    /// The SQL computing its values from the columns, without an alias.
    public let value: String

    /// Checks `derived` against `columns` (with the messages of `Dataset.adding(_:)`) and
    /// compiles it. Throws a `TuttiError` for a name already taken, an invalid expression, or
    /// one the engine cannot compute with tutti's meaning (times, regular expressions,
    /// `familiarity(…)`).
    public init(_ derived: DerivedColumn, columns: [SQLColumn], quoting: some SQLQuoting) throws {
        guard !columns.contains(where: { $0.name == derived.name }) else {
            throw TuttiError("derived column '\(derived.name)': the table already has a column of that name")
        }
        let dataset = SQLColumn.emptyDataset(columns, source: "")
        let text = derived.expression
        do {
            _ = try ColumnExpression(text, dataset: dataset)
            guard let tree = try Parser.parse(text) else { throw TuttiError("no expression") }
            var checker = TypeChecker(dataset: dataset, text: text)
            let sql = try SQLExpressionCompiler(text: text, columns: columns, quoting: quoting).compile(tree).sql
            switch try checker.check(tree) {
            case .number(let plan) where plan.isIntegral:
                column = SQLColumn(name: derived.name, kind: .integer)
                value = "CAST(\(sql) AS BIGINT)"
            case .number:
                column = SQLColumn(name: derived.name, kind: .float)
                value = "CAST(\(sql) AS DOUBLE PRECISION)"
            case .truth:
                column = SQLColumn(name: derived.name, kind: .boolean)
                value = sql
            default:
                column = SQLColumn(name: derived.name, kind: .text)
                value = sql
            }
        } catch let error as ExpressionError {
            throw TuttiError("derived column '\(derived.name)': " + error.description)
        }
    }
}
