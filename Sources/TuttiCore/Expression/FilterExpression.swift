/// A filter expression, parsed and type-checked against a dataset, ready to select rows.
///
/// ```swift
/// let filter = try FilterExpression("split == \"test\" and label != prediction", dataset: dataset)
/// let rows = try filter.evaluate(dataset)   // a RowSet
/// ```
///
/// **Language.** Literals: numbers (`3`, `2.5`, `1e-3`), strings in single or double quotes
/// (a backslash escapes the quote or a backslash; other backslashes stay, for regular
/// expressions), `true`, `false`, `null`. Columns: bare names (letters, digits, `_`, `.`, not
/// starting with a digit) or back-quoted (`` `hours per week` ``, a doubled back quote for a
/// back quote). Operators, loosest first: `or` / `||`; `and` / `&&`; `not` / `!`; one
/// comparison — `== != < <= > >=` (`=` means `==`, `<>` means `!=`), `in (…)`, `not in (…)`,
/// `between a and b` (bounds included), `not between`, `is null`, `is not null`, `~` (a regular
/// expression in PCRE2 syntax found anywhere in a string; `(?i)` ignores case; a search that
/// takes more than `RegexPattern.matchLimit` steps on one value is an error); `+ -`; `* / %`;
/// unary `-`. At most `nestingLimit` levels of nesting.
/// Functions: `abs(x)`, `log(x)`, `len(s)`, `lower(s)`, `contains(s, sub)`. Keywords and
/// function names ignore case; column names do not.
///
/// **Types** are checked before anything runs: numbers (integer and float columns),
/// strings (categorical and text columns), conditions (boolean columns and comparisons);
/// vector columns only take `is null`. Errors point at the characters at fault and suggest
/// near column and function names (`ExpressionError`).
///
/// **Missing values** follow SQL: a comparison with a missing value is unknown, `not unknown`
/// is unknown, `false and unknown` is false, `true or unknown` is true, and a row is kept only
/// where the whole condition is true. So `x != 5` and `not (x == 5)` both drop rows where `x`
/// is missing; `x is null` finds them. Arithmetic with a missing value is missing, and so is
/// a division or remainder by zero, `log` of a number ≤ 0, and any NaN result.
///
/// **Values**: integers and floats compare numerically (integers exactly against integer
/// literals); arithmetic is in 64-bit floating point; `%` takes the sign of the dividend.
/// Strings (categorical or text alike) compare by their UTF-8 bytes: code-point order, no
/// locale, no Unicode normalisation; `len` counts Unicode scalars.
///
/// **Evaluation** is vectorised: column at a time over chunks of 16,384 rows, each node a
/// tight loop producing bitsets (true rows and false rows), chunks spread over all cores
/// for large inputs. Comparisons of a categorical column with string literals are decided
/// once per dictionary entry, then run over the codes.
public struct FilterExpression: Sendable {
    /// How deeply an expression may nest: parentheses, `not`, unary minus, lists, function
    /// calls, and chains of operators (`a or b or c` is two levels deep). Deeper expressions
    /// get "expression nested too deeply", so that no stage (parsing, checking, evaluating,
    /// printing) can exhaust a thread's stack.
    public static let nestingLimit = 256

    /// The expression as written.
    public let text: String
    /// The names of the columns the expression reads.
    public let referencedColumns: Set<String>
    /// The dataset the plan was built for.
    private let dataset: Dataset
    private let plan: TruthPlan

    /// Parses and checks `text` against the columns of `dataset`. Empty or blank text selects
    /// every row. Throws an `ExpressionError` for a syntax or type error.
    public init(_ text: String, dataset: Dataset) throws(ExpressionError) {
        self.text = text
        self.dataset = dataset
        guard let tree = try Parser.parse(text) else {
            referencedColumns = []
            plan = .constant(true)
            return
        }
        var checker = TypeChecker(dataset: dataset, text: text)
        plan = try checker.condition(tree)
        referencedColumns = checker.referencedColumns
    }

    /// Whether the expression selects every row without reading anything (blank text).
    public var isEmpty: Bool { text.allSatisfy(\.isWhitespace) }

    /// The rows where the expression is true. `dataset` is normally the one the expression
    /// was checked against; another one must have the referenced columns, of the same kinds.
    /// Throws when a regular expression exceeds its budget on a value (the error points at
    /// the pattern), or when the expression does not fit another `dataset`.
    public func evaluate(_ dataset: Dataset) throws(ExpressionError) -> RowSet {
        guard dataset !== self.dataset else { return try PlanRunner.rows(where: plan, rowCount: dataset.rowCount) }
        return try FilterExpression(text, dataset: dataset).evaluate(dataset)
    }
}
