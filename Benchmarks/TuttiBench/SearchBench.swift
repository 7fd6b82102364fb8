import Foundation
import TuttiCore

/// Times the rows pane's search (`F`): one `CellSearch` over every row and every column.
enum SearchBench {
    static func run(path: String, queries: [String]) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let rows = RowSet(rowCount: dataset.rowCount, allSet: true)
        for query in queries {
            let regex = query.hasPrefix("re:")
            let search = try CellSearch(regex ? String(query.dropFirst(3)) : query, regex: regex)
            var times: [Double] = []
            var matched = 0
            for _ in 0..<5 {
                times.append(try TuttiBench.seconds {
                    matched = try search.matches(in: dataset.columns, among: rows).reduce(RowSet(rowCount: rows.rowCount)) { $0.union($1) }.count
                })
            }
            times.sort()
            print("{\"rows\": \(dataset.rowCount), \"columns\": \(dataset.columns.count), \"query\": \"\(query)\", "
                  + "\"matched_rows\": \(matched), \"median_ms\": \(times[2] * 1000), \"best_ms\": \(times[0] * 1000)}")
        }
    }
}
