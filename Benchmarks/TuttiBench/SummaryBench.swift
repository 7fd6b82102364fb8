import Foundation
import TuttiCore

/// The column statistics of `tutti info` on a loaded file: each column summarized alone on one
/// core (its kind and the best of three runs, in this thread's CPU seconds, which a machine
/// shared with other work disturbs less than wall time), then all of them as `info` computes
/// them (on all cores; best wall and CPU seconds of three runs).
enum SummaryBench {
    static func run(path: String) throws {
        var result: LoadResult?
        let load = try TuttiBench.seconds { result = try DatasetLoader.load(path) }
        let dataset = result!.dataset
        let roles = ColumnRoles.infer(from: dataset)
        print("{\"rows\": \(dataset.rowCount), \"load_s\": \(load)}")
        var total = 0.0
        for column in dataset.columns {
            let time = (0..<3).map { _ in threadSeconds { _ = ColumnSummary.summarize(column, role: nil) } }.min()!
            total += time
            print("{\"column\": \"\(column.name)\", \"kind\": \"\(column.kind.rawValue)\", \"cpu_s\": \(time)}")
        }
        let runs = (0..<3).map { _ in TuttiBench.wallAndCPU { _ = ColumnSummary.compute(dataset, roles: roles) } }
        print("{\"columns_cpu_s\": \(total), \"summaries_wall_s\": \(runs.map(\.wall).min()!), "
              + "\"summaries_cpu_s\": \(runs.map(\.cpu).min()!)}")
    }

    /// The CPU seconds this thread spends in `body`.
    static func threadSeconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        body()
        return now() - start
    }
}
