import Foundation
import TuttiCore

/// One brush step = the selected counts of every other view for a new brushed range, read
/// from the brush tables. Measures the table build (once per brush start) and the steps.
enum BrushBench {
    static let bins = 50
    static let steps = 2000

    static func run(path: String, brushed: String, views: [String]) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let brushedBinning = try ColumnBinning(dataset: dataset, column: brushed, bins: bins)
        let viewBinnings = try views.map { try ColumnBinning(dataset: dataset, column: $0, bins: bins) }
        let filter = RowSet(rowCount: dataset.rowCount, allSet: true)
        var tables: BrushTables?
        let build = TuttiBench.seconds { tables = BrushTables(brushed: brushedBinning, views: viewBinnings, filter: filter) }
        var random = SystemRandomNumberGenerator()
        let ranges = (0..<steps).map { _ -> ClosedRange<Int> in
            let a = Int.random(in: 0..<brushedBinning.binCount, using: &random)
            return a...Int.random(in: a..<brushedBinning.binCount, using: &random)
        }
        var checksum = 0
        var times: [Double] = []
        for range in ranges {
            times.append(TuttiBench.seconds {
                checksum &+= tables!.selectedTotal(bins: range)
                for view in 0..<tables!.viewCount {
                    checksum &+= tables!.selectedCounts(view: view, bins: range).reduce(0, +)
                }
            })
        }
        times.sort()
        // For comparison: materialising the selection and recounting every view by scanning rows.
        var scanTimes: [Double] = []
        for range in ranges.prefix(20) {
            scanTimes.append(TuttiBench.seconds {
                let selection = brushedBinning.rows(in: range, within: filter)
                for view in viewBinnings { checksum &+= HistogramCounts(view, filter: filter, selection: selection).selected[0] }
            })
        }
        scanTimes.sort()
        print("{\"rows\": \(dataset.rowCount), \"views\": \(views.count), \"table_build_s\": \(build), "
              + "\"step_median_ms\": \(times[times.count / 2] * 1000), \"step_p99_ms\": \(times[times.count * 99 / 100] * 1000), "
              + "\"rescan_step_median_ms\": \(scanTimes[scanTimes.count / 2] * 1000), \"checksum\": \(checksum)}")
    }
}
