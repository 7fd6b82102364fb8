import Foundation
import Testing
import TuttiTestSupport

/// A regression in a real terminal: `3` shows label × prediction on one scale with the MAE of
/// the file's rows (computed here from the text), and Enter on a cell selects its rows, whose
/// metrics then show on a second line.
@Suite(.serialized) struct RegressionEndToEndTests {
    @Test func theConfusionPaneShowsTheRegressionAndSelectsACell() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-regression-\(UUID().uuidString).csv").path
        var csv = "city,label,prediction\n"
        var absoluteSum = 0.0
        for i in 0..<300 {
            let label = Double((7 * i) % 150), error = Double(i % 13) - 5.5
            csv += "\(i % 3 == 0 ? "north" : "south"),\(label),\(label + error)\n"
            absoluteSum += abs(error)
        }
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try TmuxSession(width: 120, height: 44)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) \(TmuxSession.shellQuoted(path))")
        #expect(session.waitFor("300 filtered"), "\(session.screen())")
        try session.keys("3", "z")
        #expect(session.waitFor("Regression: label × prediction"), "\(session.screen())")
        let mae = String(format: "%.4f", absoluteSum / 300)
        #expect(session.waitFor("MAE \(mae) · RMSE"), "\(session.screen())")
        #expect(session.screen().contains("residuals (prediction − label)"), "\(session.screen())")
        try session.keys("Down", "Enter")
        #expect(session.waitForStatus { !$0.contains(" 0 selected") }, "\(session.statusLine)")
        #expect(session.waitFor("● MAE "), "\(session.screen())")
        try session.keys("q")
    }
}
