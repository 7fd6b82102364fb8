import Foundation
import Synchronization
import TuttiCore

/// The embedding analyses over a vector column, loading not timed; prints JSON lines:
///
///     embeddings FILE COLUMN K SAMPLE   PCA to 2-D (best of 3), familiarity with K neighbours
///                                       (best of 2), and the recall of the familiarity index
///                                       against exact search for SAMPLE rows spread over the data
///
/// Besides wall-clock seconds each line gives the CPU seconds of the timed run (user and system,
/// all threads), which a machine shared with other work does not inflate.
enum EmbeddingBench {
    /// Wall-clock and CPU seconds of `body`.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        func cpu() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let start = cpu()
        let wall = try TuttiBench.seconds(body)
        return (wall, cpu() - start)
    }

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
            try measure { projection = try PrincipalComponents.project(column, context: WorkContext()) }
        }.min { $0.wall < $1.wall }!
        let ratios = projection!.explainedVarianceRatio.map { ($0 * 1e6).rounded() / 1e6 }
        print("{\"tutti\": \"PCA\", \"rows\": \(dataset.rowCount), \"width\": \(width), \"seconds\": \(pcaTimes.wall), "
              + "\"cpu_seconds\": \(pcaTimes.cpu), \"explained_variance_ratio\": \(ratios)}")

        var familiarity: Familiarity?
        let phases = PhaseClock()
        let times = try (0..<2).map { _ in
            try measure {
                phases.reset()
                familiarity = try Familiarity(columns: [column], k: k, context: WorkContext(progress: { phases.saw($0.phase) }))
            }
        }.min { $0.wall < $1.wall }!
        let scores = familiarity!.scores.filter { !$0.isNaN }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        let recall = try recall(familiarity!, column: column, k: k, sample: sample, rowCount: dataset.rowCount)
        print("{\"tutti\": \"familiarity\", \"rows\": \(dataset.rowCount), \"k\": \(k), \"seconds\": \(times.wall), "
              + "\"cpu_seconds\": \(times.cpu), \"recall\": \(recall), \"recall_sample\": \(sample), \"mean_familiarity\": \(mean), "
              + "\"phase_starts\": \(phases.description)}")
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

/// When each phase of the last run was first reported, in seconds from the reset.
private final class PhaseClock: Sendable, CustomStringConvertible {
    private let state = Mutex<(start: Double, seen: [(String, Double)])>((0, []))

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func reset() { state.withLock { $0 = (Self.now(), []) } }

    func saw(_ phase: String) {
        state.withLock { state in
            if !state.seen.contains(where: { $0.0 == phase }) { state.seen.append((phase, Self.now() - state.start)) }
        }
    }

    var description: String {
        "{" + state.withLock { $0.seen }.map { "\"\($0.0)\": \(($0.1 * 1000).rounded() / 1000)" }.joined(separator: ", ") + "}"
    }
}
