import Foundation
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The confusion pane of a regression: label and prediction bins on one scale, the metrics of
/// the filtered rows and of the selection, the residual histogram, and cells that select the
/// rows their expression names.
@Suite struct ConfusionRegressionTests {
    /// 400 rows: `label` = 2·i mod 200, `prediction` = label + (i mod 21) − 10, `city` a or b.
    static let state: ExplorerState = {
        var csv = "city,label,prediction\n"
        for i in 0..<400 {
            let label = Double((2 * i) % 200)
            csv += "\(i % 2 == 0 ? "a" : "b"),\(label),\(label + Double(i % 21 - 10) + 0.5)\n"
        }
        let data = try! DatasetLoader.load(bytes: Array(csv.utf8), name: "regression.csv").dataset
        return ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data))
    }()

    /// MAE, RMSE, R² and mean error of `rows`, from the definitions.
    static func reference(_ rows: [Int]) -> String {
        let pairs = rows.map { i -> (Double, Double) in
            let label = Double((2 * i) % 200)
            return (label, label + Double(i % 21 - 10) + 0.5)
        }
        let n = Double(pairs.count)
        let errors = pairs.map { $0.1 - $0.0 }
        let squared = errors.map { $0 * $0 }.reduce(0, +)
        let mean = pairs.map(\.0).reduce(0, +) / n
        let total = pairs.map { ($0.0 - mean) * ($0.0 - mean) }.reduce(0, +)
        return "MAE \(NumberFormatting.fixed(errors.map(abs).reduce(0, +) / n))"
            + " · RMSE \(NumberFormatting.fixed((squared / n).squareRoot())) · R² \(NumberFormatting.fixed(1 - squared / total))"
            + " · mean error \(NumberFormatting.signed(errors.reduce(0, +) / n)) · \(NumberFormatting.rows(rows.count))"
    }

    @Test func sharesOneScaleAndShowsTheMetricsAndResiduals() throws {
        var pane = ConfusionPane()
        let canvas = render(&pane, paneContext(Self.state), width: 100, height: 40)
        let lines = canvas.lines
        #expect(pane.title == "Regression: label × prediction")
        // The prediction header lists the same bin edges as the label rows, in order.
        let header = lines[0].split(separator: " ").dropFirst(3).map(String.init).filter { Double($0) != nil }
        let labelRows = lines.dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { Double($0) != nil }
        #expect(header.count >= 3 && Array(labelRows.prefix(header.count)) == header)
        #expect(lines.contains(Self.reference(Array(0..<400))))
        let heading = try #require(lines.firstIndex { $0.hasPrefix(ConfusionRegression.residualHeading) })
        let axis = try #require(lines[heading...].firstIndex { $0.hasPrefix("-") && $0.contains(" 0 ") && $0.contains("+") })
        #expect(axis - heading >= 3)
        // Residuals run from −9.5 to +10.5: the bars stay near the middle of a symmetric axis.
        #expect(lines[heading + 1..<axis].allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test func selectionGetsItsOwnMetricsAndACellSelectsItsExpression() throws {
        var pane = ConfusionPane()
        let context = paneContext(Self.state)
        _ = render(&pane, context, width: 100, height: 40)
        _ = pane.send(.down, context: context)
        _ = pane.send(.right, context: context)
        guard case .dispatch(.select(let rows, .confusionCell(let predicates))) = pane.send(.enter, context: context).first else {
            Issue.record("enter did not select a cell")
            return
        }
        let expression = SliceReport.expression(predicates)
        #expect(expression.contains("label >=") && expression.contains("prediction >="))
        #expect(try FilterExpression(expression, dataset: Self.state.dataset).evaluate(Self.state.dataset) == rows)
        #expect(rows.count > 0)
        let selected = try Explorer.reduce(Self.state, .select(rows, .confusionCell(predicates))).0
        let lines = render(&pane, paneContext(selected), width: 100, height: 40).lines
        let members = (0..<400).filter { rows.contains($0) }
        #expect(lines.contains("● " + Self.reference(members)))
    }

    @Test func classesKeepTheirPerClassTable() throws {
        var pane = ConfusionPane()
        let lines = render(&pane, paneContext(ExplorerState(dataset: adult, roles: adultRoles)), width: 80, height: 20).lines
        #expect(pane.title == "Confusion: label × prediction")
        #expect(!lines.contains { $0.hasPrefix("MAE ") } && lines.contains { $0.hasPrefix("class ") })
    }
}
