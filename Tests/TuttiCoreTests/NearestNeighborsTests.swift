import Foundation
import Testing
@testable import TuttiCore

/// "Rows like this": the nearest neighbours of one row.
@Suite struct NearestNeighborsTests {
    /// The digits with a near-copy of row 42 (one pixel changed) appended.
    static let withCopy: (column: Column, copy: Int) = {
        var digits = EmbeddingFixtures.digitVectors
        var copy = digits[42]
        copy[20] += 1
        digits.append(copy)
        return (EmbeddingFixtures.column(digits), digits.count - 1)
    }()

    @Test func aPlantedNearCopyIsTheNearestNeighbour() throws {
        let (column, copy) = Self.withCopy
        let neighbors = try NearestNeighbors(columns: [column]).neighbors(ofRow: 42, k: 5)
        #expect(neighbors.count == 5)
        #expect(neighbors.first?.row == copy)
        #expect(neighbors.first.map { $0.similarity > 0.99 } == true)
        #expect(zip(neighbors, neighbors.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
        // The familiarity index finds it too.
        let familiarity = try Familiarity(columns: [column], k: 5, tuning: FamiliarityTests.approximate, context: WorkContext())
        #expect(familiarity.neighbors(ofRow: 42).map(\.row).contains(copy))
    }

    @Test func neighboursMatchABruteForceSearch() throws {
        let vectors = EmbeddingFixtures.digitVectors
        let search = try NearestNeighbors(columns: [EmbeddingFixtures.pixels])
        func cosine(_ a: [Float], _ b: [Float]) -> Double {
            let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            let na = a.reduce(0.0) { $0 + Double($1) * Double($1) }, nb = b.reduce(0.0) { $0 + Double($1) * Double($1) }
            return dot / (na * nb).squareRoot()
        }
        for row in [0, 500, 1796] {
            let expected = (0..<vectors.count).filter { $0 != row }.map { (row: $0, similarity: cosine(vectors[row], vectors[$0])) }
                .sorted { $0.similarity > $1.similarity }.prefix(10)
            let found = try search.neighbors(ofRow: row, k: 10)
            for (a, b) in zip(found, expected) { #expect(abs(a.similarity - b.similarity) < 1e-5) }
        }
    }

    @Test func badRowsGetAMessage() throws {
        let search = try NearestNeighbors(columns: [EmbeddingFixtures.column([[1, 0], [0, 1], [1, 1]], missing: [1])])
        #expect(throws: TuttiError("row 3 is out of range: the data has 3 rows (0-based)")) {
            try search.neighbors(ofRow: 3, k: 2)
        }
        #expect(throws: TuttiError.self) { try search.neighbors(ofRow: 1, k: 2) }
        #expect(try search.neighbors(ofRow: 0, k: 5).map(\.row) == [2])
    }
}
