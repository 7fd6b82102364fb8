/// A slice predicate's value as data rather than as expression text: `"Male"`, `40`, `true`,
/// `null` (for `is null`), or a list (for `in (…)`). Encodes as the plain JSON value.
public enum PredicateValue: Sendable, Equatable, Codable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    case null
    case list([PredicateValue])

    /// The value of an expression literal as `SlicePredicate` writes it (a quoted string, a
    /// number, `true`/`false`, `null`, or a parenthesised list of those); nil for other text.
    public init?(literal: String) {
        guard let tokens = try? Lexer.tokens(literal), tokens.count >= 2 else { return nil }
        if tokens.first?.kind == .leftParenthesis {
            var items: [PredicateValue] = []
            var index = 1
            while index < tokens.count - 1, tokens[index].kind != .rightParenthesis {
                guard let item = Self.single(tokens[index]) else { return nil }
                items.append(item)
                index += 1
                if tokens[index].kind == .comma { index += 1 }
            }
            self = .list(items)
            return
        }
        guard tokens.count == 2, let value = Self.single(tokens[0]) else { return nil }
        self = value
    }

    private static func single(_ token: Token) -> PredicateValue? {
        switch token.kind {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number.value)
        default:
            switch token.keyword {
            case .true: return .boolean(true)
            case .false: return .boolean(false)
            case .null: return .null
            default: return nil
            }
        }
    }

    /// Reads the plain JSON value `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .list(try container.decode([PredicateValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number):
            if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .list(let items): try container.encode(items)
        }
    }
}

extension SlicePredicate {
    /// The value as data (`"Male"` rather than `"\"Male\""`); nil if it is no literal.
    public var jsonValue: PredicateValue? { PredicateValue(literal: value) }
}
