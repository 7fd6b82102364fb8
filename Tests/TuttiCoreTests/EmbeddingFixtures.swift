import Foundation
@testable import TuttiCore

/// Data for the embedding tests: sklearn's digits (see Fixtures/README.md) and vectors planted
/// among them.
enum EmbeddingFixtures {
    /// The digits' `pixels` column (1,797 vectors of 64 grey levels).
    static let pixels: Column = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/digits.jsonl.gz").path
        return try! DatasetLoader.load(path).dataset.column(named: "pixels")!
    }()

    /// The pixels as one array per row.
    static var digitVectors: [[Float]] {
        guard case .vector(let width, let values) = pixels.data else { return [] }
        return (0..<pixels.rowCount).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// A vector column of `vectors`, missing at `missing`.
    static func column(_ vectors: [[Float]], name: String = "v", missing: Set<Int> = []) -> Column {
        let width = vectors.first?.count ?? 0
        let values = vectors.enumerated().flatMap { missing.contains($0.offset) ? [Float](repeating: 0, count: width) : $0.element }
        let validity = RowSet(rowCount: vectors.count, rows: (0..<vectors.count).filter { !missing.contains($0) })
        return Column(name: name, data: .vector(width: width, values: values), validity: validity)
    }

    /// `count` vectors of `width` components drawn uniformly from `range`.
    static func uniformNoise(_ count: Int, width: Int, range: ClosedRange<Float>, seed: UInt64) -> [[Float]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<width).map { _ in Float.random(in: range, using: &random) } }
    }

    /// The covariance matrix of `vectors` (divided by n − 1), in `Double`, by the textbook
    /// formula; row-major, `width` × `width`.
    static func covariance(_ vectors: [[Float]]) -> [Double] {
        let n = Double(vectors.count), width = vectors[0].count
        var mean = [Double](repeating: 0, count: width)
        for vector in vectors { for k in 0..<width { mean[k] += Double(vector[k]) / n } }
        var matrix = [Double](repeating: 0, count: width * width)
        var centred = [Double](repeating: 0, count: width)
        for vector in vectors {
            for k in 0..<width { centred[k] = Double(vector[k]) - mean[k] }
            for i in 0..<width { for j in 0..<width { matrix[i * width + j] += centred[i] * centred[j] / (n - 1) } }
        }
        return matrix
    }

    /// The leading eigenvalues and eigenvectors of a symmetric positive semi-definite matrix
    /// (row-major), by power iteration with deflation (a method unlike the code's Jacobi
    /// rotations).
    static func leadingEigenpairs(_ matrix: [Double], width: Int, count: Int) -> [(value: Double, vector: [Double])] {
        var a = matrix
        var pairs: [(Double, [Double])] = []
        for index in 0..<count {
            var vector = (0..<width).map { 1 + Double(($0 * 7 + index) % 5) }
            var next = [Double](repeating: 0, count: width)
            var value = 0.0
            for _ in 0..<20_000 {
                for i in 0..<width {
                    var sum = 0.0
                    for j in 0..<width { sum += a[i * width + j] * vector[j] }
                    next[i] = sum
                }
                let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                var change = 0.0
                for i in 0..<width {
                    change = max(change, abs(next[i] / norm - vector[i]))
                    vector[i] = next[i] / norm
                }
                value = norm
                if change < 1e-13 { break }
            }
            pairs.append((value, vector))
            for i in 0..<width { for j in 0..<width { a[i * width + j] -= value * vector[i] * vector[j] } }
        }
        return pairs
    }
}
