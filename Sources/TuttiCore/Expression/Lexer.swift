/// Cuts an expression into tokens, with character ranges.
///
/// - Numbers: `12`, `1.5`, `.5`, `1e-3` (an integer that fits in 64 bits stays exact).
/// - Strings in single or double quotes; a backslash escapes the quote, or a backslash; any
///   other backslash is kept as written, so regular expressions read naturally (`"\d+"`).
/// - Identifiers: letters, digits, `_` and `.`, starting with a letter or `_`; or any text
///   in back quotes, with a doubled back quote standing for one (`` `hours per week` ``).
struct Lexer {
    private let characters: [Character]
    private let text: String
    private var position = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    /// Every token, ending with `.end`.
    static func tokens(_ text: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard position < characters.count else { return Token(kind: .end, range: start..<start) }
        let character = characters[position]
        if Lexer.isDigit(character) || character == "." && position + 1 < characters.count
            && Lexer.isDigit(characters[position + 1]) {
            return try number()
        }
        if character.isLetter || character == "_" { return identifier() }
        switch character {
        case "\"", "'": return try string(quote: character)
        case "`": return try quotedIdentifier()
        default: return try symbol()
        }
    }

    private mutating func identifier() -> Token {
        let start = position
        while position < characters.count, Lexer.isIdentifierCharacter(characters[position]) { position += 1 }
        return Token(kind: .identifier(String(characters[start..<position])), range: start..<position)
    }

    static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "."
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = position
        skipDigits()
        if peek(is: ".") {
            position += 1
            skipDigits()
        }
        if peek(is: "e") || peek(is: "E") {
            position += 1
            if peek(is: "+") || peek(is: "-") { position += 1 }
            skipDigits()
        }
        let wellFormed = position == characters.count || !Lexer.isIdentifierCharacter(characters[position])
        while position < characters.count, Lexer.isIdentifierCharacter(characters[position]) { position += 1 }
        let written = String(characters[start..<position])
        let range = start..<position
        if wellFormed {
            if let integer = Int64(written) { return Token(kind: .number(NumberConstant(integer: integer)), range: range) }
            if let value = Double(written), let number = NumberConstant(value) {
                return Token(kind: .number(number), range: range)
            }
        }
        throw ExpressionError("invalid number '\(written)'", range: range, expression: text)
    }

    private mutating func skipDigits() {
        while position < characters.count, Lexer.isDigit(characters[position]) { position += 1 }
    }

    private func peek(is character: Character) -> Bool {
        position < characters.count && characters[position] == character
    }

    private mutating func string(quote: Character) throws(ExpressionError) -> Token {
        let start = position
        position += 1
        var value = ""
        while position < characters.count {
            let character = characters[position]
            if character == quote {
                position += 1
                return Token(kind: .string(value), range: start..<position)
            }
            if character == "\\", position + 1 < characters.count {
                let escaped = characters[position + 1]
                if escaped == quote || escaped == "\\" {
                    value.append(escaped)
                } else {
                    value.append(character)
                    value.append(escaped)
                }
                position += 2
            } else {
                value.append(character)
                position += 1
            }
        }
        throw ExpressionError("unterminated string: add the closing \(quote)", range: start..<characters.count,
                              expression: text)
    }

    private mutating func quotedIdentifier() throws(ExpressionError) -> Token {
        let start = position
        position += 1
        var name = ""
        while position < characters.count {
            if characters[position] == "`" {
                if peek(at: position + 1, is: "`") {
                    name.append("`")
                    position += 2
                    continue
                }
                position += 1
                return Token(kind: .quotedIdentifier(name), range: start..<position)
            }
            name.append(characters[position])
            position += 1
        }
        throw ExpressionError("unterminated column name: add the closing `", range: start..<characters.count,
                              expression: text)
    }

    private func peek(at index: Int, is character: Character) -> Bool {
        index < characters.count && characters[index] == character
    }

    private mutating func symbol() throws(ExpressionError) -> Token {
        let start = position
        let character = characters[position]
        let following = position + 1 < characters.count ? characters[position + 1] : nil
        let kind: TokenKind
        var length = 1
        switch (character, following) {
        case ("=", "="): kind = .comparison(.equal); length = 2
        case ("=", _): kind = .comparison(.equal)
        case ("!", "="): kind = .comparison(.notEqual); length = 2
        case ("!", _): kind = .bang
        case ("<", "="): kind = .comparison(.lessOrEqual); length = 2
        case ("<", ">"): kind = .comparison(.notEqual); length = 2
        case ("<", _): kind = .comparison(.less)
        case (">", "="): kind = .comparison(.greaterOrEqual); length = 2
        case (">", _): kind = .comparison(.greater)
        case ("&", "&"): kind = .logical(.and); length = 2
        case ("|", "|"): kind = .logical(.or); length = 2
        case ("+", _): kind = .arithmetic(.add)
        case ("-", _): kind = .arithmetic(.subtract)
        case ("*", _): kind = .arithmetic(.multiply)
        case ("/", _): kind = .arithmetic(.divide)
        case ("%", _): kind = .arithmetic(.remainder)
        case ("~", _): kind = .tilde
        case ("(", _): kind = .leftParenthesis
        case (")", _): kind = .rightParenthesis
        case (",", _): kind = .comma
        case ("&", _), ("|", _):
            throw ExpressionError("unexpected '\(character)' — did you mean '\(character)\(character)'?",
                                  range: start..<start + 1, expression: text)
        default:
            throw ExpressionError("unexpected character '\(character)'", range: start..<start + 1, expression: text)
        }
        position += length
        return Token(kind: kind, range: start..<position)
    }
}
