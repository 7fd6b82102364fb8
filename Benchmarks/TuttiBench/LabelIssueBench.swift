import Foundation
import TuttiCore

/// Confident learning on synthetic data: `rows` rows of `classes` classes, the model's
/// probabilities random with the true class boosted, 5% of the labels flipped. Times
/// `ConfidentLearning.issues` (the run of median wall time of 5, with its CPU time; generating
/// not timed) and prints one JSON line.
/// With `output`, writes the inputs for the Python peer (the labels as little-endian Int32, then
/// the probabilities as Float64, row-major) and the rows found next to it (`output.tutti`, one
/// per line).
enum LabelIssueBench {
    static let runs = 5

    static func run(rows: Int, classes: Int, output: String?) throws {
        var seeded = SplitMix64(seed: 2021)
        var labels = [Int32](repeating: 0, count: rows)
        var probabilities = [Double](repeating: 0, count: rows * classes)
        for row in 0..<rows {
            let truth = Int.random(in: 0..<classes, using: &seeded)
            var sum = 0.0
            for c in 0..<classes {
                let value = Double.random(in: 0..<1, using: &seeded) + (c == truth ? Double.random(in: 0..<4, using: &seeded) : 0)
                probabilities[row * classes + c] = value
                sum += value
            }
            for c in 0..<classes { probabilities[row * classes + c] /= sum }
            let flipped = Double.random(in: 0..<1, using: &seeded) < 0.05
            labels[row] = Int32(flipped ? (truth + Int.random(in: 1..<classes, using: &seeded)) % classes : truth)
        }
        let indexes = Array(0..<rows)
        var times: [(wall: Double, cpu: Double)] = []
        var issues: [ConfidentLearning.Issue] = []
        for _ in 0..<runs {
            times.append(try TuttiBench.wallAndCPU {
                issues = try ConfidentLearning.issues(rows: indexes, labels: labels, probabilities: probabilities, classCount: classes)
            })
        }
        let median = times.sorted { $0.wall < $1.wall }[runs / 2]
        if let output {
            var data = Data()
            labels.withUnsafeBytes { data.append(contentsOf: $0) }
            probabilities.withUnsafeBytes { data.append(contentsOf: $0) }
            try data.write(to: URL(fileURLWithPath: output))
            try issues.map { String($0.row) }.joined(separator: "\n").write(toFile: output + ".tutti", atomically: true, encoding: .utf8)
        }
        print("{\"rows\": \(rows), \"classes\": \(classes), \"issues\": \(issues.count), \"seconds\": \(median.wall), "
              + "\"cpu_seconds\": \(median.cpu)}")
    }
}
