import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// A regression's figures counted by PostgreSQL (one `GROUP BY` of residual bins) are those of
/// memory: the same rows measured, the same residual bins, the same sums to rounding — with
/// missing values, integer and float columns, bins made elsewhere that some residuals pass, and
/// filters.
@Suite struct RegressionEquivalenceTests {
    private func expectSame(_ engine: RegressionFigures, _ memory: RegressionFigures) {
        #expect(engine.residuals == memory.residuals)
        #expect(engine.sums.count == memory.sums.count)
        let pairs = [(engine.sums.meanAbsoluteError, memory.sums.meanAbsoluteError),
                     (engine.sums.rootMeanSquaredError, memory.sums.rootMeanSquaredError),
                     (engine.sums.meanError, memory.sums.meanError), (engine.sums.r2, memory.sums.r2)]
        for (a, b) in pairs {
            #expect((a == nil) == (b == nil))
            if let a, let b { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(a) against \(b)") }
        }
    }

    @Test(arguments: ["", "sex == \"Female\" and age > 40", "age > 200"])
    func adultAgeAgainstHoursGivesTheFiguresOfMemory(_ filter: String) throws {
        let engine = try PostgresTables.source("adult")
        let memory = PostgresTables.memory(AdultFixture.dataset)
        // Bins narrower than the residuals: the largest fall in the end bins.
        for bins in [ResidualBins(largest: 30, bins: 12), ResidualBins(largest: 80, bins: 40)] {
            expectSame(try engine.regressionFigures(label: "age", prediction: "hours_per_week", center: 38, bins: bins, where: filter),
                       try memory.regressionFigures(label: "age", prediction: "hours_per_week", center: 38, bins: bins, where: filter))
        }
    }

    @Test func missingValuesFallInTheMissingBin() throws {
        let engine = try PostgresTables.source("nulls")
        let memory = PostgresTables.memory(PostgresTables.nulls)
        let bins = ResidualBins(largest: 4, bins: 8)
        let figures = try engine.regressionFigures(label: "x", prediction: "f", center: 0, bins: bins, where: "")
        expectSame(figures, try memory.regressionFigures(label: "x", prediction: "f", center: 0, bins: bins, where: ""))
        // Rows 1 to 7: x and f both present in rows 1, 3, 4, 6 and 7; rows 2 and 5 lack one.
        #expect(figures.sums.count == 5 && figures.residuals.counts.last == 2)
        #expect(throws: TuttiError.self) {
            try engine.regressionFigures(label: "s", prediction: "f", center: 0, bins: bins, where: "")
        }
    }
}
