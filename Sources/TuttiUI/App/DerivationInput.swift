import Foundation
import TuttiCore

/// The text of the `=` prompt, `name = expression`, checked against the data: the column it
/// asks for, or what is wrong and where (character offsets in the text, for a caret).
enum DerivationInput {
    /// What is wrong with the text, and the characters it is about.
    struct Problem: Error, Equatable {
        let message: String
        let range: Range<Int>
    }

    /// The derivation `text` asks for, checked (parsed and typed, not computed) against
    /// `dataset`.
    static func check(_ text: String, dataset: Dataset) -> Result<DerivedColumn, Problem> {
        let characters = Array(text)
        guard let equals = characters.firstIndex(of: "=") else {
            return .failure(Problem(message: "type a name, then = and an expression, such as margin = abs(score - 0.5)",
                                    range: characters.count..<characters.count))
        }
        let name = String(characters[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(Problem(message: "the new column needs a name before =", range: 0..<equals)) }
        if dataset.columnIndex(named: name) != nil {
            let start = characters.firstIndex { !$0.isWhitespace } ?? 0
            return .failure(Problem(message: "the data already has a column '\(name)'", range: start..<(start + name.count)))
        }
        let expression = String(characters[(equals + 1)...])
        do {
            _ = try ColumnExpression(expression, dataset: dataset)
        } catch {
            let offset = equals + 1
            return .failure(Problem(message: error.message,
                                    range: (error.range.lowerBound + offset)..<(error.range.upperBound + offset)))
        }
        return .success(DerivedColumn(name: name, expression: expression))
    }
}

extension Prompt {
    /// For the `=` prompt: checks the text as it is typed and sets `problem` and
    /// `problemRange`; nothing is said before the `=` is typed (the hint says what to type).
    mutating func checkDerivation(_ dataset: Dataset) {
        guard purpose == .deriveColumn else { return }
        guard editor.text.contains("="), case .failure(let problem) = DerivationInput.check(editor.text, dataset: dataset) else {
            problem = nil
            problemRange = nil
            return
        }
        self.problem = problem.message
        problemRange = problem.range
    }
}
