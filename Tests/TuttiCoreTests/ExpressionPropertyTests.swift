import Testing
@testable import TuttiCore

/// Random expressions over random tables, checked against the row-by-row reference
/// evaluator (`ReferenceExpression`).
@Suite struct ExpressionPropertyTests {
    @Test(arguments: 0..<50)
    func randomExpressionsMatchTheReference(seed: Int) throws {
        var generator = ExpressionGenerator(random: ExpressionRandom(seed: UInt64(seed)))
        let rowCount = seed % 10 == 0 ? seed / 10 : Int.random(in: 1...300, using: &generator.random)
        let table = generator.table(rows: rowCount)
        for _ in 0..<10 {
            let expression = generator.condition(depth: 3)
            let filter: FilterExpression
            do {
                filter = try FilterExpression(expression.text, dataset: table)
            } catch {
                Issue.record("seed \(seed): \(expression.text) was rejected: \(error)")
                continue
            }
            #expect(try filter.evaluate(table).members == expression.rows(in: table), "seed \(seed): \(expression.text)")
        }
    }

    /// Enough rows for several chunks, a partial last word, and the parallel path.
    @Test func largeTablesMatchTheReference() throws {
        var generator = ExpressionGenerator(random: ExpressionRandom(seed: 2024))
        let rowCount = PlanRunner.parallelRows + PlanRunner.chunkRows + 37
        let table = generator.table(rows: rowCount)
        for _ in 0..<12 {
            let expression = generator.condition(depth: 2)
            let rows = try FilterExpression(expression.text, dataset: table).evaluate(table)
            #expect(rows.rowCount == rowCount)
            #expect(rows.members == expression.rows(in: table), "\(expression.text)")
        }
    }
}
