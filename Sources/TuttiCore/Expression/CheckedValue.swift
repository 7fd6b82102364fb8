/// The type of a checked expression, with its plan.
enum CheckedValue {
    case number(NumberPlan)
    case string(StringPlan)
    case truth(TruthPlan)
    /// The `null` literal.
    case null
    /// A vector column: only `is null` / `is not null` apply to it.
    case vector(validity: RowSet?)
    /// Points in time, as microseconds since 1970 (UTC): they compare with each other and
    /// with ISO 8601 string literals, and the calendar functions read them.
    case time(NumberPlan)

    /// The type in words, for messages ("is a number").
    var typeName: String {
        switch self {
        case .number: "a number"
        case .string: "a string"
        case .truth: "a condition (true or false)"
        case .null: "null"
        case .vector: "a vector"
        case .time: "a time"
        }
    }

    /// The value as a plan for `is null`.
    var valuePlan: ValuePlan {
        switch self {
        case .number(let plan): .number(plan)
        case .string(let plan): .string(plan)
        case .truth(let plan): .truth(plan)
        case .null: .truth(.constant(nil))
        case .vector(let validity): .validity(validity)
        case .time(let plan): .number(plan)
        }
    }
}
