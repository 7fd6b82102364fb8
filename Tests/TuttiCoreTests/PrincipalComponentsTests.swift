import Foundation
import Testing
@testable import TuttiCore

/// PCA of a vector column, against a reference computed here by another method.
@Suite struct PrincipalComponentsTests {
    /// The digits' covariance's two leading eigenpairs and its trace, by power iteration.
    static let reference: (pairs: [(value: Double, vector: [Double])], trace: Double) = {
        let width = 64
        let covariance = EmbeddingFixtures.covariance(EmbeddingFixtures.digitVectors)
        let trace = (0..<width).reduce(0.0) { $0 + covariance[$1 * width + $1] }
        return (EmbeddingFixtures.leadingEigenpairs(covariance, width: width, count: 2), trace)
    }()

    /// The absolute correlation of two series.
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var ab = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) {
            ab += (x - ma) * (y - mb)
            aa += (x - ma) * (x - ma)
            bb += (y - mb) * (y - mb)
        }
        return abs(ab) / (aa * bb).squareRoot()
    }

    /// Exact decomposition (64 ≤ 256 components) and randomized SVD (forced).
    @Test(arguments: [(PrincipalComponents.exactWidthLimit, 1e-9), (0, 1e-3)])
    func digitsExplainedVarianceMatchesPowerIteration(limit: Int, tolerance: Double) throws {
        let projection = try PrincipalComponents.project(EmbeddingFixtures.pixels, context: WorkContext(),
                                                         exactWidthLimit: limit)
        let reference = Self.reference
        #expect(projection.explainedVarianceRatio.count == 2)
        for axis in 0..<2 {
            let expected = reference.pairs[axis].value / reference.trace
            #expect(abs(projection.explainedVarianceRatio[axis] - expected) < tolerance,
                    "axis \(axis): \(projection.explainedVarianceRatio[axis]) against \(expected)")
        }
        // The coordinates are the centred vectors on the reference directions.
        let vectors = EmbeddingFixtures.digitVectors
        for (axis, coordinates) in [projection.x, projection.y].enumerated() {
            let direction = reference.pairs[axis].vector
            let expected = vectors.map { v in zip(v, direction).reduce(0.0) { $0 + Double($1.0) * $1.1 } }
            #expect(Self.correlation(coordinates, expected) > 1 - tolerance)
            // Their variance is the eigenvalue.
            let mean = coordinates.reduce(0, +) / Double(coordinates.count)
            let variance = coordinates.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(coordinates.count - 1)
            #expect(abs(variance / reference.pairs[axis].value - 1) < tolerance * 10)
        }
    }

    @Test func rowsWithoutAVectorGetNaN() throws {
        let vectors: [[Float]] = [[1, 2, 3], [2, 4, 6.5], [0, 0, 0], [3, 1, 2], [5, 5, 5]]
        let column = EmbeddingFixtures.column(vectors, missing: [2])
        let projection = try PrincipalComponents.project(column, context: WorkContext())
        #expect(projection.x.count == 5 && projection.y.count == 5)
        #expect(projection.x[2].isNaN && projection.y[2].isNaN)
        #expect([0, 1, 3, 4].allSatisfy { projection.x[$0].isFinite && projection.y[$0].isFinite })
        let ratios = projection.explainedVarianceRatio
        #expect(ratios[0] >= ratios[1] && ratios[0] + ratios[1] <= 1 + 1e-12)
    }

    @Test func pointsOnALineHaveAllTheirVarianceOnTheFirstAxis() throws {
        let column = EmbeddingFixtures.column((0..<10).map { [Float($0), 2 * Float($0), -Float($0)] })
        let projection = try PrincipalComponents.project(column, context: WorkContext())
        #expect(abs(projection.explainedVarianceRatio[0] - 1) < 1e-9)
        #expect(projection.explainedVarianceRatio[1] < 1e-9)
        // x grows along the line (the largest loading is made positive) at √6 per step.
        for row in 1..<10 { #expect(abs(projection.x[row] - projection.x[row - 1] - 6.0.squareRoot()) < 1e-5) }
    }

    @Test func badInputGetsAMessage() {
        let numbers = Column(name: "n", data: .float([1, 2]), validity: RowSet(rowCount: 2, allSet: true))
        #expect(throws: TuttiError.self) { try PrincipalComponents.project(numbers, context: WorkContext()) }
        let one = EmbeddingFixtures.column([[1, 2]])
        #expect(throws: TuttiError.self) { try PrincipalComponents.project(one, context: WorkContext()) }
    }

    @Test func cancellationStopsTheWork() {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TuttiError("projection cancelled")) {
            try PrincipalComponents.project(EmbeddingFixtures.pixels, context: WorkContext(cancellation: flag))
        }
    }
}
