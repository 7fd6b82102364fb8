import ArgumentParser
import TuttiCore

/// `--where EXPR`: the rows a headless command works on.
struct WhereOption: ParsableArguments {
    @Option(name: .customLong("where"),
            help: ArgumentHelp("Use only the rows passing this filter expression, e.g. 'split == \"test\"'.", valueName: "expr"))
    var expression: String?

    /// The rows passing the expression (every row when none or blank). Throws the expression
    /// error with a caret under the culprit.
    func rows(in dataset: Dataset) throws -> RowSet {
        guard let expression, !expression.allSatisfy(\.isWhitespace) else {
            return RowSet(rowCount: dataset.rowCount, allSet: true)
        }
        do {
            return try FilterExpression(expression, dataset: dataset).evaluate(dataset)
        } catch {
            throw TuttiError("--where: " + error.description)
        }
    }

    /// `body` given the expression (empty when none), with an expression error turned into the
    /// `--where` message with a caret under the culprit.
    func asking<T>(_ body: (String) throws -> T) throws -> T {
        do {
            return try body(expression ?? "")
        } catch let error as ExpressionError {
            throw TuttiError("--where: " + error.description)
        }
    }
}
