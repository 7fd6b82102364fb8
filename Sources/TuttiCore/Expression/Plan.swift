// A checked expression, bound to the columns of a dataset and ready to run column at a time.
// Built by `TypeChecker`, run chunk by chunk by `ChunkEvaluator`. Every plan node holds its
// column arrays directly (copy-on-write, so nothing is copied); a validity of nil means
// "no missing value".

/// An expression whose values are numbers.
indirect enum NumberPlan: Sendable {
    /// A constant; nil stands for a missing value (say `1 / 0`).
    case constant(NumberConstant?)
    case integers([Int64], validity: RowSet?)
    case doubles([Double], validity: RowSet?)
    /// One number per dictionary code of a categorical column (`len` of a categorical):
    /// row `r` is `values[codes[r]]`; `values` has a slot for every code, missing included.
    case codeLookup(codes: [UInt32], values: [Double], validity: RowSet?)
    case negate(NumberPlan)
    case arithmetic(ArithmeticOperator, NumberPlan, NumberPlan)
    case absolute(NumberPlan)
    /// Natural logarithm; missing for values ≤ 0.
    case logarithm(NumberPlan)
    /// The length of each string, in Unicode scalars.
    case length(StringPlan)
    /// A calendar field (UTC) of times in microseconds.
    case calendar(CalendarField, NumberPlan)
    /// Rounded to the nearest whole number, halves away from zero.
    case rounded(NumberPlan)
    /// `if(condition, a, b)`: `a` where the condition is true, else (false or unknown) `b`.
    case choose(TruthPlan, NumberPlan, NumberPlan)
}

/// An expression whose values are strings.
indirect enum StringPlan: Sendable {
    case constant(String)
    case categorical(CategoricalValues)
    case text(StringTable, validity: RowSet?)
    /// Lower-cased strings, computed per row (lower-casing a categorical column or a
    /// constant is done once, when checking).
    case lowercased(StringPlan)
    /// `if(condition, a, b)`: `a` where the condition is true, else (false or unknown) `b`;
    /// a nil branch is a missing value (`null`).
    case choose(TruthPlan, StringPlan?, StringPlan?)
}

/// The codes, dictionary and validity of a categorical column (or of a function of one,
/// such as `lower(col)`, whose dictionary may then hold an entry twice).
struct CategoricalValues: Sendable {
    let codes: [UInt32]
    let dictionary: StringTable
    let validity: RowSet?
}

/// Codes of a categorical column with a rank per code, so that comparing ranks compares the
/// strings: ranks of two columns are drawn from their common sorted dictionary.
struct RankedCodes: Sendable {
    let codes: [UInt32]
    /// A rank for every code, missing code included.
    let ranks: [UInt32]
    let validity: RowSet?
}

/// How two per-row strings are related in `TruthPlan.compareStrings`.
enum StringRelation: Sendable {
    case compare(ComparisonOperator)
    /// The left string contains the right one.
    case contains
}

/// An expression whose values are true, false or unknown (three-valued logic, as in SQL).
indirect enum TruthPlan: Sendable {
    /// A constant; nil stands for unknown.
    case constant(Bool?)
    case booleans([Bool], validity: RowSet?)
    case not(TruthPlan)
    case logical(LogicalOperator, TruthPlan, TruthPlan)
    /// Both sides have the same truth value (unknown when either is unknown).
    case equal(TruthPlan, TruthPlan)
    case compareNumbers(ComparisonOperator, NumberPlan, NumberPlan)
    case numberIn(NumberPlan, [NumberConstant])
    /// `codes[r] == code` (`code` may match no row at all).
    case codeEquals(codes: [UInt32], code: UInt32, validity: RowSet?)
    /// `table[codes[r]]`; the table has a slot for every code, missing included.
    case codeTable(codes: [UInt32], table: [Bool], validity: RowSet?)
    case codeRanks(ComparisonOperator, RankedCodes, RankedCodes)
    /// A test of each string against constants, row by row.
    case textTest(StringPlan, TextTest)
    case compareStrings(StringRelation, StringPlan, StringPlan)
    /// True where the value is missing, false elsewhere (never unknown).
    case isMissing(ValuePlan)
    /// `if(condition, a, b)`: `a` where the condition is true, else (false or unknown) `b`.
    case choose(TruthPlan, TruthPlan, TruthPlan)
}

/// Any expression, for `is null`.
enum ValuePlan: Sendable {
    case number(NumberPlan)
    case string(StringPlan)
    case truth(TruthPlan)
    /// Just a validity (a vector column, whose values no expression reads).
    case validity(RowSet?)
}
