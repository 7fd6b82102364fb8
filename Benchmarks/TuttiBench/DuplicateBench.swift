import Foundation
import TuttiCore

/// Duplicate search, loading not timed; each prints one JSON line (best of 3 runs):
///
///     duplicates exact FILE [COLUMN...]   exact duplicates and conflicts over the columns
///                                         (default: every column but id, split and model
///                                         outputs)
///     duplicates text FILE COLUMN         near-duplicate text (Jaccard ≥ 0.8) over a column
///     duplicates vectors ROWS WIDTH       near-duplicate vectors (cosine ≥ 0.95) over ROWS
///                                         generated Gaussian vectors, 1% of them planted copies
enum DuplicateBench {
    static let runs = 3

    static func run(arguments: [String]) throws {
        switch arguments.first {
        case "exact" where arguments.count >= 2:
            try exact(path: arguments[1], columns: Array(arguments.dropFirst(2)))
        case "text" where arguments.count == 3:
            try text(path: arguments[1], column: arguments[2])
        case "vectors" where arguments.count == 3:
            guard let rows = Int(arguments[1]), let width = Int(arguments[2]), rows > 0, width > 0 else {
                throw TuttiError("duplicates vectors needs a row count and a width")
            }
            try vectors(rows: rows, width: width)
        default:
            throw TuttiError("usage: tutti-bench duplicates exact FILE [COLUMN...] | text FILE COLUMN | vectors ROWS WIDTH")
        }
    }

    /// The best time of `runs` runs of `body`, and its last result.
    private static func best<T>(_ body: () throws -> T) rethrows -> (Double, T) {
        var times: [Double] = []
        var result: T?
        for _ in 0..<runs { times.append(try TuttiBench.seconds { result = try body() }) }
        return (times.min()!, result!)
    }

    private static func exact(path: String, columns: [String]) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let roles = ColumnRoles.infer(from: dataset)
        var options = DuplicateOptions(exact: true, conflicts: roles[.label] != nil)
        options.columns = columns.isEmpty ? nil : columns
        let search = try DuplicateSearch(dataset: dataset, roles: roles, options: options)
        let (time, report) = try best { try search.run() }
        let s = report.summary
        let conflictRows = report.clusters(of: .conflict).reduce(0) { $0 + $1.size }
        print("{\"rows\": \(dataset.rowCount), \"columns\": \(search.comparedColumns.count), \"seconds\": \(time), "
              + "\"exact_clusters\": \(s.exactClusters), \"exact_extra_rows\": \(s.exactExtraRows), "
              + "\"conflict_clusters\": \(s.conflictClusters), \"rows_in_conflicts\": \(conflictRows)}")
    }

    private static func text(path: String, column: String) throws {
        let dataset = try DatasetLoader.load(path, options: LoadOptions(textColumns: [column])).dataset
        let options = DuplicateOptions(exact: false, textColumn: column)
        let search = try DuplicateSearch(dataset: dataset, roles: ColumnRoles(), options: options)
        let (time, report) = try best { try search.run() }
        let clustered = report.clusters.reduce(0) { $0 + $1.size }
        let rate = Double(dataset.rowCount) / time
        print("{\"documents\": \(dataset.rowCount), \"seconds\": \(time), \"documents_per_second\": \(rate), "
              + "\"clusters\": \(report.summary.nearTextClusters), \"rows_in_clusters\": \(clustered)}")
    }

    private static func vectors(rows: Int, width: Int) throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            // xorshift64*: fast, and good enough for test data.
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return (Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) + 0.5) / Double(1 << 53)
        }
        var values = [Float](repeating: 0, count: rows * width)
        for index in values.indices {
            // Box–Muller: a standard normal sample.
            values[index] = Float((-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()))
        }
        let planted = rows / 100
        for copy in 0..<planted {
            // Row `copy` gets a noisy copy of a row from the second half: cosine about 0.99.
            let source = rows / 2 + copy
            for k in 0..<width {
                values[copy * width + k] = values[source * width + k] + 0.17 * Float(uniform() * 2 - 1)
            }
        }
        let embedding = Column(name: "embedding", data: .vector(width: width, values: values),
                               validity: RowSet(rowCount: rows, allSet: true))
        let dataset = Dataset(source: "generated", rowCount: rows, columns: [embedding])
        let options = DuplicateOptions(exact: false, vectorColumns: ["embedding"])
        let search = try DuplicateSearch(dataset: dataset, roles: ColumnRoles(), options: options)
        let (time, report) = try best { try search.run() }
        print("{\"rows\": \(rows), \"width\": \(width), \"seconds\": \(time), "
              + "\"clusters\": \(report.summary.nearVectorClusters), \"planted\": \(planted)}")
    }
}
