/// Escaping of text for GitHub-flavoured Markdown.
enum MarkdownEscaping {
    /// Characters that could start markup (emphasis, links, inline HTML, code, table cells).
    private static let special: Set<Character> = ["\\", "`", "*", "[", "]", "<", ">", "|", "~", "&", "!", "#"]

    /// `text` shown literally: markup characters backslash-escaped, line breaks as spaces. An
    /// underscore inside a word is left alone (it never makes emphasis there).
    static func text(_ text: String) -> String {
        let characters = Array(flattened(text))
        var out = ""
        out.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            if special.contains(character) {
                out.append("\\")
            } else if character == "_" {
                let before = index > 0 && isWordCharacter(characters[index - 1])
                let after = index + 1 < characters.count && isWordCharacter(characters[index + 1])
                if !(before && after) { out.append("\\") }
            }
            out.append(character)
        }
        return out
    }

    /// `text` as an inline code span, delimited by more backticks than it holds in a row.
    static func code(_ text: String) -> String {
        let flat = flattened(text)
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        let padding = flat.first == "`" || flat.last == "`" || flat.isEmpty ? " " : ""
        return fence + padding + flat + padding + fence
    }

    /// The fence of a code block holding `text`: at least three backticks, more than any run in it.
    static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
    }

    /// Line breaks and other control characters as spaces.
    static func flattened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == mark ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
