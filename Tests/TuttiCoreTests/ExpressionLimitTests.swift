import Foundation
import Testing
@testable import TuttiCore

/// Runs `body` on a thread with half the usual stack (4 MiB; the main thread and the worker
/// threads get 8 MiB) and waits for it: a stage that recursed without limit would crash the
/// test run here. (A debug build needs about 3 MiB at the limit, a release build far less.)
private func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 4 << 20
    thread.start()
    done.wait()
}

private let limit = FilterExpression.nestingLimit

/// `count` copies of `text`.
private func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

/// Expressions far past the limit, by shape.
private let tooDeep: [(String, String)] = [
    ("parentheses", repeated("(", 100_000) + "flag" + repeated(")", 100_000)),
    ("not", repeated("not ", 100_000) + "flag"),
    ("bang", repeated("!", 100_000) + "flag"),
    ("unary minus", repeated("-", 100_000) + "age > 0"),
    ("additions", "age" + repeated(" + age", 100_000) + " > 0"),
    ("products", "age" + repeated(" * age", 100_000) + " > 0"),
    ("or chain", "flag" + repeated(" or flag", 100_000)),
    ("and chain", "flag" + repeated(" && flag", 100_000)),
    ("calls", repeated("abs(", 100_000) + "age" + repeated(")", 100_000) + " > 0"),
    ("lists", "flag in " + repeated("(", 100_000) + "true" + repeated(")", 100_000)),
    ("comparisons", repeated("(", 100_000) + "flag" + repeated(" == flag)", 100_000)),
    ("unclosed", repeated("(", 100_000)),
]

/// Expressions exactly at the limit (a tree `limit` nodes tall, or `limit` nested parentheses).
private let deepestAllowed: [(String, String)] = [
    ("parentheses", repeated("(", limit) + "flag" + repeated(")", limit)),
    ("not", repeated("not ", limit - 1) + "flag"),
    ("unary minus", repeated("-", limit - 2) + "age > 0"),
    ("additions", "age" + repeated(" + age", limit - 2) + " > 0"),
    ("or chain", "flag" + repeated(" or flag", limit - 1)),
    ("comparisons", repeated("(", limit - 1) + "flag" + repeated(" == flag)", limit - 1)),
    ("calls", repeated("abs(", limit - 2) + "age" + repeated(")", limit - 2) + " > 0"),
    ("text", repeated("lower(", limit - 2) + "name" + repeated(")", limit - 2) + " ~ 'a'"),
]

@Suite struct ExpressionLimitTests {
    @Test(arguments: tooDeep)
    func deepNestingIsAnErrorOnASmallStack(shape: String, text: String) {
        onSmallStack {
            let error = expressionError(text, expressionTestTable)
            #expect(error?.message == "expression nested too deeply (limit \(limit))", "\(shape)")
            #expect(error.map { $0.range.upperBound <= text.count } == true, "\(shape)")
        }
    }

    @Test func theCaretMarksTheParenthesisPastTheLimit() throws {
        let text = repeated("(", 100_000) + "flag" + repeated(")", 100_000)
        let error = try #require(expressionError(text, expressionTestTable))
        #expect(error.range == limit..<(limit + 1))
        #expect(error.description.hasSuffix("\n  " + repeated(" ", limit) + "^"))
    }

    @Test func aLongChainPointsAtTheOperatorPastTheLimit() throws {
        let text = "age" + repeated(" + age", 100_000) + " > 0"
        let error = try #require(expressionError(text, expressionTestTable))
        // Each " + age" is 6 characters; the operator of the first term too many is marked.
        #expect(culprit(error) == "+")
        #expect(error.range.lowerBound < 6 * (limit + 1))
    }

    /// The deepest expressions allowed parse, check, evaluate (on one chunk and on all cores)
    /// and print back on a small stack.
    @Test(arguments: deepestAllowed)
    func theDeepestAllowedExpressionsRunOnASmallStack(shape: String, text: String) throws {
        let tree = try #require(try Parser.parse(text))
        #expect(tree.height == (shape == "parentheses" ? 1 : limit), "\(shape)")
        let wide = makeDataset([
            "age": .integers((0..<PlanRunner.parallelRows).map { Int64($0 % 90) }),
            "flag": .booleans((0..<PlanRunner.parallelRows).map { $0 % 3 == 0 }),
            "name": .text((0..<PlanRunner.parallelRows).map { $0 % 5 == 0 ? "Ada" : "Bob" }),
        ])
        onSmallStack {
            do {
                #expect(try Parser.parse(text)?.description.isEmpty == false)
                for dataset in [expressionTestTable, wide] {
                    let rows = try FilterExpression(text, dataset: dataset).evaluate(dataset)
                    #expect(rows.rowCount == dataset.rowCount, "\(shape)")
                }
            } catch {
                Issue.record("\(shape): \(error)")
            }
        }
    }

    @Test func longListsOfBooleansStayShallow() throws {
        let text = "flag in (" + Array(repeating: "true, false", count: 50_000).joined(separator: ", ") + ")"
        onSmallStack {
            #expect((try? filterRows(text, expressionTestTable)) == [0, 1, 3])
        }
    }
}
