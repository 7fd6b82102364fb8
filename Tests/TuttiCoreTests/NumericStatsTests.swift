import Foundation
import Testing
@testable import TuttiCore

/// The moments of a column: exact to the last digit where a running update was not, NaN where
/// a NaN was counted, and right for every length (the lanes' tail).
@Suite struct NumericStatsTests {
    private func stats(_ values: [Double], nans: Int = 0) -> NumericStats {
        let patterns = values.map(\.bitPattern)
        return patterns.withUnsafeBufferPointer { NumericStats(bitPatterns: $0, nanCount: nans) }
    }

    /// The sample deviation computed exactly over rationals (the values are small integers).
    private func exactDeviation(_ values: [Int]) -> Double {
        let n = values.count
        let sum = values.reduce(0, +)
        let squares = values.reduce(0) { $0 + $1 * $1 }
        // (n Σx² − (Σx)²) / (n (n − 1)), held exactly in integers before the one division.
        let numerator = n * squares - sum * sum
        return (Double(numerator) / Double(n * (n - 1))).squareRoot()
    }

    @Test(arguments: 1...9)
    func everyLengthOfTailCountsEveryValue(length: Int) {
        let values = (0..<length).map { Double($0 * 3 - 7) }
        let result = stats(values)
        #expect(result.count == length)
        #expect(result.min == values.min())
        #expect(result.max == values.max())
        #expect(result.mean == values.reduce(0, +) / Double(length))
        if length > 1 {
            let deviation = exactDeviation((0..<length).map { $0 * 3 - 7 })
            #expect(abs(result.standardDeviation - deviation) <= deviation * 1e-15)
        } else {
            #expect(result.standardDeviation.isNaN)
        }
    }

    @Test func aMillionAgesAreExactToTheLastDigit() {
        let ages = (0..<1_000_003).map { 17 + ($0 &* 7919 &+ $0 / 13) % 74 }
        let result = stats(ages.map(Double.init))
        let mean = Double(ages.reduce(0, +)) / Double(ages.count)
        #expect(result.mean == mean)
        #expect(abs(result.standardDeviation - exactDeviation(ages)) <= exactDeviation(ages) * 1e-15)
    }

    @Test func aLargeOffsetDoesNotSwampTheDeviation() {
        // A mean of 10^9 and deviations of ±1 (one more +1): the squares of the values would
        // lose them. Exactly, the variance is (n + 1) / n.
        let values = (0..<10_001).map { 1e9 + Double($0 % 2 == 0 ? 1 : -1) }
        let result = stats(values)
        #expect(abs(result.standardDeviation - (10_002.0 / 10_001).squareRoot()) < 1e-12)
    }

    @Test func aNaNMakesTheMomentsNaNButNotTheExtremes() {
        let result = stats([1, 2, 3], nans: 1)
        #expect(result.count == 4)
        #expect(result.mean.isNaN)
        #expect(result.standardDeviation.isNaN)
        #expect(result.hasExtremes && result.min == 1 && result.max == 3)
        #expect(!stats([], nans: 2).hasExtremes)
    }

    @Test func noValuesHaveNoMean() {
        let result = stats([])
        #expect(result.count == 0 && result.mean.isNaN && !result.hasExtremes)
    }

    @Test func aColumnOfOnlyNaNHasNoExtremesInItsSummary() throws {
        let dataset = Dataset(source: "t", rowCount: 2, columns: [
            Column(name: "x", data: .float([.nan, .nan]), validity: RowSet(rowCount: 2, allSet: true)),
        ])
        let summary = ColumnSummary.compute(dataset, roles: ColumnRoles()).first
        #expect(summary?.min == nil && summary?.max == nil)
        #expect(summary?.distinct == 1)
    }

    @Test func infinitiesGiveAnInfiniteOrUndefinedMean() {
        #expect(stats([1, .infinity]).mean == .infinity)
        #expect(stats([.infinity, 1, 2, 3, 4, 5]).mean == .infinity)
        #expect(stats([-.infinity, 1, 2]).mean == -.infinity)
        #expect(stats([.infinity, -.infinity, 1]).mean.isNaN)
        #expect(stats([1, .infinity]).max == .infinity)
    }
}
