import Foundation
import Testing
@testable import TuttiCore

/// Familiarity scores and the approximate neighbour index behind them.
@Suite struct FamiliarityTests {
    /// Tuning that sends even small data through the approximate index.
    static let approximate: NeighborGraph.Tuning = {
        var tuning = NeighborGraph.Tuning()
        tuning.exactLimit = 0
        return tuning
    }()

    /// The share of exact neighbours the approximate lists hold; a neighbour as similar as the
    /// exact k-th counts (ties between equal vectors are not misses).
    static func recall(_ approximate: Familiarity, _ exact: Familiarity, rows: Int) -> Double {
        var found = 0, wanted = 0
        for row in 0..<rows {
            let truth = exact.neighbors(ofRow: row)
            guard let kth = truth.last?.similarity else { continue }
            wanted += truth.count
            found += approximate.neighbors(ofRow: row).filter { $0.similarity >= kth - 1e-6 }.count
        }
        return Double(found) / Double(max(wanted, 1))
    }

    @Test(arguments: [5, 10])
    func theIndexRecallsNineTenthsOfTheDigitsExactNeighbours(k: Int) throws {
        let pixels = EmbeddingFixtures.pixels
        let exact = try Familiarity(columns: [pixels], k: k, context: WorkContext())
        let index = try Familiarity(columns: [pixels], k: k, tuning: Self.approximate, context: WorkContext())
        let recall = Self.recall(index, exact, rows: pixels.rowCount)
        #expect(recall >= 0.9, "recall \(recall)")
        // The scores follow: the index's neighbours are at most as similar as the exact ones.
        for row in 0..<pixels.rowCount { #expect(index.scores[row] <= exact.scores[row] + 1e-9) }
    }

    @Test(arguments: [false, true])
    func plantedNoiseVectorsAreTheLeastFamiliar(useIndex: Bool) throws {
        let digits = EmbeddingFixtures.digitVectors
        let noise = EmbeddingFixtures.uniformNoise(12, width: 64, range: 0...16, seed: 7)
        let column = EmbeddingFixtures.column(digits + noise)
        let familiarity = try Familiarity(columns: [column], k: 10,
                                          tuning: useIndex ? Self.approximate : NeighborGraph.Tuning(), context: WorkContext())
        let least = familiarity.rowsLeastFamiliarFirst().prefix(noise.count)
        #expect(Set(least) == Set(digits.count..<(digits.count + noise.count)))
        #expect(familiarity.scores.allSatisfy { $0 >= -1 && $0 <= 1 })
    }

    @Test func standardisedNumericColumnsFindTheOutlierWhateverTheScale() throws {
        var random = SplitMix64(seed: 3)
        let count = 300
        var a = (0..<count).map { _ in Double.random(in: 0...1, using: &random) }
        var b = (0..<count).map { _ in Double.random(in: 0...1, using: &random) }
        a[17] = 4
        b[17] = -3
        func scores(scale: Double) throws -> Familiarity {
            let columns = [Column(name: "a", data: .float(a.map { $0 * scale }), validity: RowSet(rowCount: count, allSet: true)),
                           Column(name: "b", data: .float(b), validity: RowSet(rowCount: count, allSet: true))]
            return try Familiarity(columns: columns, k: 5, context: WorkContext())
        }
        let plain = try scores(scale: 1), scaled = try scores(scale: 1000)
        #expect(plain.rowsLeastFamiliarFirst().first == 17)
        for row in 0..<count { #expect(abs(plain.scores[row] - scaled.scores[row]) < 1e-4) }
        #expect(plain.scores.allSatisfy { $0 > 0 && $0 <= 1 })
    }

    @Test func rowsWithoutAVectorHaveNoScore() throws {
        let vectors: [[Float]] = [[1, 0], [0.9, 0.1], [0, 0], [0.8, 0.3], [2, 2]]
        let familiarity = try Familiarity(columns: [EmbeddingFixtures.column(vectors, missing: [4])], k: 2, context: WorkContext())
        #expect(familiarity.scores[2].isNaN, "an all-zero vector has no direction")
        #expect(familiarity.scores[4].isNaN)
        #expect(familiarity.rowsLeastFamiliarFirst().count == 3)
        let column = familiarity.column(named: "familiarity")
        #expect(column.kind == .float && column.missingCount == 2)
        #expect(familiarity.neighbors(ofRow: 4).isEmpty)
    }

    @Test func tooLittleDataGetsAMessage() {
        #expect(throws: TuttiError.self) {
            try Familiarity(columns: [EmbeddingFixtures.column([[1, 2]])], context: WorkContext())
        }
        #expect(throws: TuttiError.self) {
            try Familiarity(columns: [EmbeddingFixtures.column([[1, 2], [2, 1]])], k: 0, context: WorkContext())
        }
    }
}
