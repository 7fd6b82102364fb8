import Foundation
import TuttiCore

/// Times what issue 12 added to loading and to the expression engine.
enum DataKindBench {
    /// Loads `path` alternately with time recognition and with `column` kept as text (no
    /// recognition), 5 times each; prints the medians and their ratio.
    static func timeLoad(path: String, column: String) throws {
        var recognised: [Double] = [], plain: [Double] = []
        var kind = ""
        for _ in 0..<5 {
            recognised.append(try TuttiBench.seconds {
                kind = try DatasetLoader.load(path).dataset.column(named: column)?.kind.rawValue ?? "none"
            })
            plain.append(try TuttiBench.seconds { _ = try DatasetLoader.load(path, options: LoadOptions(textColumns: [column])) })
        }
        recognised.sort()
        plain.sort()
        print("{\"kind\": \"\(kind)\", \"with_times_median_s\": \(recognised[2]), \"as_text_median_s\": \(plain[2]), "
              + "\"overhead\": \(recognised[2] / plain[2] - 1)}")
    }

    /// Loads `path` once, then adds the derived column `NAME=EXPR` 30 times; prints the median.
    static func derive(path: String, definition: String) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let derived = try DerivedColumn(parsing: definition)
        var times: [Double] = []
        var kind = ""
        for _ in 0..<30 {
            times.append(try TuttiBench.seconds { kind = try dataset.adding(derived).columns.last!.kind.rawValue })
        }
        times.sort()
        print("{\"rows\": \(dataset.rowCount), \"kind\": \"\(kind)\", \"derive_median_ms\": \(times[15] * 1000), "
              + "\"derive_best_ms\": \(times[0] * 1000)}")
    }
}
