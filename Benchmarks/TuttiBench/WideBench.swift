import Foundation
import TuttiCore

/// A wide table: `columns` columns × `rows` rows of small integers, written to a temporary CSV,
/// then loaded as `tutti info` does (load, roles, column summaries). Twice: with distinct
/// names, and with every name the same (each renamed `x_2`, `x_3`, …).
enum WideBench {
    static func run(columns: Int, rows: Int) throws {
        for duplicates in [false, true] {
            let path = NSTemporaryDirectory() + "tutti-wide-\(ProcessInfo.processInfo.processIdentifier).csv"
            defer { try? FileManager.default.removeItem(atPath: path) }
            var text = (0..<columns).map { duplicates ? "x" : "c\($0)" }.joined(separator: ",") + "\n"
            for row in 0..<rows { text += (0..<columns).map { String(($0 + row) % 10) }.joined(separator: ",") + "\n" }
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            var result: LoadResult?
            let load = try TuttiBench.seconds { result = try DatasetLoader.load(path) }
            let dataset = result!.dataset
            var roles = ColumnRoles()
            let inferRoles = TuttiBench.seconds { roles = ColumnRoles.infer(from: dataset) }
            let summarize = TuttiBench.seconds { _ = ColumnSummary.compute(dataset, roles: roles) }
            let warningBytes = result!.warnings.reduce(0) { $0 + $1.message.utf8.count }
            print("{\"columns\": \(dataset.columns.count), \"rows\": \(dataset.rowCount), \"duplicate_names\": \(duplicates), "
                  + "\"load_s\": \(load), \"roles_s\": \(inferRoles), \"summaries_s\": \(summarize), "
                  + "\"warning_bytes\": \(warningBytes)}")
        }
    }
}
