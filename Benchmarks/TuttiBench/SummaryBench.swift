import Foundation
import TuttiCore

/// The column statistics of `tutti info` on a loaded file: each column summarized alone on one
/// core (its kind and seconds), then all of them as `info` computes them (on all cores).
enum SummaryBench {
    static func run(path: String) throws {
        var result: LoadResult?
        let load = try TuttiBench.seconds { result = try DatasetLoader.load(path) }
        let dataset = result!.dataset
        let roles = ColumnRoles.infer(from: dataset)
        print("{\"rows\": \(dataset.rowCount), \"load_s\": \(load)}")
        for column in dataset.columns {
            let time = TuttiBench.seconds { _ = ColumnSummary.summarize(column, role: nil) }
            print("{\"column\": \"\(column.name)\", \"kind\": \"\(column.kind.rawValue)\", \"seconds\": \(time)}")
        }
        let (wall, cpu) = TuttiBench.wallAndCPU { _ = ColumnSummary.compute(dataset, roles: roles) }
        print("{\"summaries_wall_s\": \(wall), \"summaries_cpu_s\": \(cpu)}")
    }
}
