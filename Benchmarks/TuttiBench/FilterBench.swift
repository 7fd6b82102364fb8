import Foundation
import TuttiCore

/// Times the evaluation of a filter expression (parse and check once, then evaluate).
enum FilterBench {
    static func run(path: String, expression: String) throws {
        let dataset = try DatasetLoader.load(path).dataset
        var compiled: FilterExpression?
        let check = try TuttiBench.seconds { compiled = try FilterExpression(expression, dataset: dataset) }
        var times: [Double] = []
        var matched = 0
        for _ in 0..<30 {
            times.append(try TuttiBench.seconds { matched = try compiled!.evaluate(dataset).count })
        }
        times.sort()
        print("{\"rows\": \(dataset.rowCount), \"matched\": \(matched), \"check_ms\": \(check * 1000), "
              + "\"evaluate_median_ms\": \(times[times.count / 2] * 1000), \"evaluate_best_ms\": \(times[0] * 1000)}")
    }
}
