import Foundation
import Testing

/// `tutti slices` on a regression, and the calibration error of a binary score.
@Suite struct SlicesRegressionCommandTests {
    /// 60 rows: the prediction is 1 too high where `region` is "north", 6 too low elsewhere
    /// where `region` is "south".
    private static let csv = "region,price,predicted_price\n" + (0..<60).map { index in
        let region = ["north", "south", "east"][index % 3]
        let price = 100 + index
        let predicted = price + (region == "south" ? -6 : 1)
        return "\(region),\(price),\(predicted)"
    }.joined(separator: "\n") + "\n"

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try CommandRunner.run(["slices", "-", "--label", "price", "--prediction", "predicted_price", "--format", "json"]
                                            + arguments, stdin: Data(Self.csv.utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    @Test func regressionMetricsInOverallAndSlices() throws {
        let object = try json(["--by", "region"])
        #expect(object["metric"] as? String == "mae")
        let overall = try #require(object["overall"] as? [String: Any])
        // 40 rows off by 1, 20 by 6: MAE 160/60, mean error (40 − 120)/60, RMSE sqrt((40 + 720)/60).
        #expect(abs((overall["mae"] as? Double ?? 0) - 160.0 / 60) < 1e-12)
        #expect(abs((overall["mean_error"] as? Double ?? 0) + 80.0 / 60) < 1e-12)
        #expect(abs((overall["rmse"] as? Double ?? 0) - (760.0 / 60).squareRoot()) < 1e-12)
        #expect(overall["r2"] is Double && overall["error"] == nil)
        let slices = try #require(object["slices"] as? [[String: Any]])
        // Sorted by MAE: south first.
        #expect(slices.first?["expression"] as? String == "region == \"south\"")
        let south = try #require(slices.first?["metrics"] as? [String: Any])
        #expect(south["mae"] as? Double == 6 && south["mean_error"] as? Double == -6)
    }

    @Test func sliceLineFindsTheWorstRegion() throws {
        let object = try json(["--discover", "--min-size", "5"])
        let slices = try #require(object["slices"] as? [[String: Any]])
        #expect(slices.first?["expression"] as? String == "region == \"south\"")
        let table = try CommandRunner.run(["slices", "-", "--label", "price", "--prediction", "predicted_price", "--by", "region"],
                                          stdin: Data(Self.csv.utf8))
        #expect(table.stdout.contains("regression (numeric label and prediction)"))
        #expect(table.stdout.contains("MAE") && table.stdout.contains("RMSE"))
    }

    @Test func calibrationErrorOfTheDemoScore() throws {
        let outcome = try CommandRunner.run(["slices", "--demo", "--by", "sex", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let ece = try #require((object["overall"] as? [String: Any])?["ece"] as? Double)
        #expect(ece > 0 && ece < 0.1)
        let table = try CommandRunner.run(["slices", "--demo", "--by", "sex"])
        #expect(table.stdout.contains("expected calibration error (ECE) of the score: "))
        let markdown = try CommandRunner.run(["slices", "--demo", "--by", "sex", "--format", "markdown"])
        #expect(markdown.stdout.contains("expected calibration error (ECE) of the score: "))
    }
}
