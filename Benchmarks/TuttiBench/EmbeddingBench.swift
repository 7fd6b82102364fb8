import Foundation
import TuttiCore

/// The embedding analyses over a vector column, loading not timed; prints JSON lines:
///
///     embeddings FILE COLUMN K SAMPLE   PCA to 2-D (best of 3), familiarity with K neighbours
///                                       (best of 2), and the recall of the familiarity index
///                                       against exact search for SAMPLE rows spread over the data
enum EmbeddingBench {
    static func run(arguments: [String]) throws {
        guard arguments.count == 4, let k = Int(arguments[2]), let sample = Int(arguments[3]), k > 0, sample > 0 else {
            throw TuttiError("usage: tutti-bench embeddings FILE COLUMN K SAMPLE")
        }
        let dataset = try DatasetLoader.load(arguments[0]).dataset
        guard let column = dataset.column(named: arguments[1]), case .vector(let width, _) = column.data else {
            throw TuttiError("no vector column '\(arguments[1])'")
        }
        var projection: Projection2D?
        let pcaTimes = try (0..<3).map { _ in
            try TuttiBench.seconds { projection = try PrincipalComponents.project(column, context: WorkContext()) }
        }
        let ratios = projection!.explainedVarianceRatio.map { ($0 * 1e6).rounded() / 1e6 }
        print("{\"tutti\": \"PCA\", \"rows\": \(dataset.rowCount), \"width\": \(width), \"seconds\": \(pcaTimes.min()!), "
              + "\"explained_variance_ratio\": \(ratios)}")

        var familiarity: Familiarity?
        let times = try (0..<2).map { _ in
            try TuttiBench.seconds { familiarity = try Familiarity(columns: [column], k: k, context: WorkContext()) }
        }
        let scores = familiarity!.scores.filter { !$0.isNaN }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        let recall = try recall(familiarity!, column: column, k: k, sample: sample, rowCount: dataset.rowCount)
        print("{\"tutti\": \"familiarity\", \"rows\": \(dataset.rowCount), \"k\": \(k), \"seconds\": \(times.min()!), "
              + "\"recall\": \(recall), \"recall_sample\": \(sample), \"mean_familiarity\": \(mean)}")
    }

    /// The share of exact neighbours (by `NearestNeighbors`) the index found for `sample` rows; a
    /// neighbour as similar as the exact k-th counts.
    private static func recall(_ familiarity: Familiarity, column: Column, k: Int, sample: Int, rowCount: Int) throws -> Double {
        let exact = try NearestNeighbors(columns: [column])
        var found = 0, wanted = 0
        for index in 0..<min(sample, rowCount) {
            let row = index * rowCount / min(sample, rowCount)
            let truth = try exact.neighbors(ofRow: row, k: k)
            guard let kth = truth.last?.similarity else { continue }
            wanted += truth.count
            found += familiarity.neighbors(ofRow: row).filter { $0.similarity >= kth - 1e-6 }.count
        }
        return Double(found) / Double(max(wanted, 1))
    }
}
