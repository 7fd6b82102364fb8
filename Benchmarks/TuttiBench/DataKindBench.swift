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

    /// Loads `path` once, then adds the derived column `NAME=EXPR` 30 times; prints the median
    /// and best wall-clock time, and the median and best CPU time (user and system, all threads),
    /// which a machine busy with other work inflates less.
    static func derive(path: String, definition: String) throws {
        let dataset = try DatasetLoader.load(path).dataset
        let derived = try DerivedColumn(parsing: definition)
        var walls: [Double] = [], cpus: [Double] = []
        var kind = ""
        for _ in 0..<30 {
            let (wall, cpu) = try EmbeddingBench.measure { kind = try dataset.adding(derived).columns.last!.kind.rawValue }
            walls.append(wall)
            cpus.append(cpu)
        }
        walls.sort()
        cpus.sort()
        print("{\"rows\": \(dataset.rowCount), \"kind\": \"\(kind)\", \"derive_median_ms\": \(walls[15] * 1000), "
              + "\"derive_best_ms\": \(walls[0] * 1000), \"cpu_median_ms\": \(cpus[15] * 1000), "
              + "\"cpu_best_ms\": \(cpus[0] * 1000)}")
    }
}
