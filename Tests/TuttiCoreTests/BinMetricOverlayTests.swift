import Testing
@testable import TuttiCore

/// The metric per histogram bin against references computed here row by row, the reliability
/// curve and the ECE on the score's bins, and the overlay's scale.
@Suite struct BinMetricOverlayTests {
    static let dataset = makeDataset([
        "label": .integers([0, 0, 1, 1, 1, 0, 1, 0, 1, 1]),
        "prediction": .integers([0, 1, 1, 1, 0, 0, 1, 0, 1, nil]),
        "score": .floats([0.05, 0.15, 0.15, 0.85, 0.95, 0.95, 0.5, 0.3, 0.7, 0.6]),
        "age": .integers([20, 20, 30, 30, 40, 40, 50, 50, 60, nil]),
    ])
    static let roles = ColumnRoles.infer(from: dataset)
    static let labels: [Int?] = [0, 0, 1, 1, 1, 0, 1, 0, 1, 1]
    static let predictions: [Int?] = [0, 1, 1, 1, 0, 0, 1, 0, 1, nil]

    /// Per bin: wrong predictions over the rows of `rows` with a label and a prediction.
    static func errorRates(_ binning: ColumnBinning, rows: [Int]) -> [Double?] {
        var wrong = [Int](repeating: 0, count: binning.binCount), trials = wrong
        for row in rows where Int(binning.codes[row]) < binning.binCount {
            guard let label = labels[row], let prediction = predictions[row] else { continue }
            trials[Int(binning.codes[row])] += 1
            if label != prediction { wrong[Int(binning.codes[row])] += 1 }
        }
        return zip(wrong, trials).map { $1 > 0 ? Double($0) / Double($1) : nil }
    }

    @Test func errorRatePerBinOfAnyColumnFollowsTheFilter() throws {
        let evaluator = try SliceEvaluator(dataset: Self.dataset, roles: Self.roles)
        let binning = try ColumnBinning(dataset: Self.dataset, column: "age", bins: 5)
        #expect(BinMetricOverlay.defaultMetric(evaluator, column: "age", roles: Self.roles) == .error)
        let all = RowSet(rowCount: 10, allSet: true)
        let overlay = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: all, metric: .error, roles: Self.roles)
        #expect(overlay.values == Self.errorRates(binning, rows: Array(0..<10)))
        #expect(overlay.values.count == binning.binCount)
        #expect(overlay.values.contains { ($0 ?? 0) > 0 })
        #expect(overlay.measured.reduce(0, +) == 9, "the row without an age is in no bin")
        #expect(overlay.scale == 0...1)
        #expect(overlay.diagonal == nil && overlay.expectedCalibrationError == nil)
        let some = [0, 1, 4, 6, 8]
        let filtered = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: RowSet(rowCount: 10, rows: some),
                                        metric: .error, roles: Self.roles)
        #expect(filtered.values == Self.errorRates(binning, rows: some))
        #expect(filtered.values != overlay.values)
    }

    /// Rows 0–8 are measured (row 9 has no prediction); by score bin of ten, |positives − score
    /// sum|: 0.05, 0.7 (0.15 ×2, one positive), 0.3, 0.5, 0.3, 0.15, 0.9 (0.95 ×2, one positive);
    /// ECE = 2.9 / 9.
    @Test func theScoresBinsShowTheReliabilityCurveAndTheECE() throws {
        let evaluator = try SliceEvaluator(dataset: Self.dataset, roles: Self.roles)
        let binning = try ColumnBinning(dataset: Self.dataset, column: "score", bins: 4)
        #expect(BinMetricOverlay.defaultMetric(evaluator, column: "score", roles: Self.roles) == .baseRate)
        let all = RowSet(rowCount: 10, allSet: true)
        let overlay = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: all, metric: .baseRate, roles: Self.roles)
        var positives = [Int](repeating: 0, count: binning.binCount), trials = positives
        for row in 0..<10 {
            guard let label = Self.labels[row], Self.predictions[row] != nil else { continue }
            trials[Int(binning.codes[row])] += 1
            positives[Int(binning.codes[row])] += label
        }
        let shares: [Double?] = zip(positives, trials).map { positive, trial in trial > 0 ? Double(positive) / Double(trial) : nil }
        #expect(overlay.values == shares)
        guard case .numeric(let edges, _) = binning.scheme else { throw TuttiError("the score has numeric bins") }
        let middles: [Double] = (0..<binning.binCount).map { bin in (edges[bin] + edges[bin + 1]) / 2 }
        #expect(overlay.diagonal == middles)
        let ece = try #require(overlay.expectedCalibrationError)
        #expect(abs(ece - 2.9 / 9) < 1e-12)
        #expect(ece == evaluator.metrics(of: all, filteredCount: 10).value(.ece))
        // Another metric on the score's bins: no diagonal, the same ECE.
        let errors = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: all, metric: .error, roles: Self.roles)
        #expect(errors.diagonal == nil && errors.expectedCalibrationError == ece)
        // Under a filter the ECE is the filtered rows': rows 0 and 4 → (0.05 + 0.05) / 2.
        let two = RowSet(rowCount: 10, rows: [0, 4])
        let filtered = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: two, metric: .baseRate, roles: Self.roles)
        #expect(abs(filtered.expectedCalibrationError! - 0.05) < 1e-12)
    }

    @Test func aRegressionOverlaysTheAbsoluteErrorOnANiceScale() throws {
        let labels = (0..<40).map { Double($0) }
        let dataset = makeDataset([
            "label": .floats(labels),
            "prediction": .floats(labels.map { $0 + ($0 < 20 ? 0.5 : -3) }),
            "x": .integers((0..<40).map { $0 / 10 }),
        ])
        let roles = ColumnRoles.infer(from: dataset)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: roles)
        #expect(BinMetricOverlay.defaultMetric(evaluator, column: "x", roles: roles) == .mae)
        #expect(!BinMetricOverlay.metrics(evaluator).contains(.ece) && BinMetricOverlay.metrics(evaluator).contains(.meanError))
        let binning = try ColumnBinning(dataset: dataset, column: "x", bins: 4)
        let overlay = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: RowSet(rowCount: 40, allSet: true),
                                       metric: .mae, roles: roles)
        let maes: [Double?] = [0.5, 0.5, 3, 3]
        #expect(overlay.values == maes)
        #expect(overlay.measured == [10, 10, 10, 10])
        #expect(overlay.scale == 0...3)
        #expect(overlay.height(of: 1.5) == 0.5)
        let signed = BinMetricOverlay(evaluator: evaluator, binning: binning, filter: RowSet(rowCount: 40, allSet: true),
                                      metric: .meanError, roles: roles)
        let errors: [Double?] = [0.5, 0.5, -3, -3]
        #expect(signed.values == errors)
        #expect(signed.scale == -3...1)
    }

    @Test func scales() {
        #expect(BinMetricOverlay.scale(for: .mae, values: [0.3, 1.7]) == 0...2)
        #expect(BinMetricOverlay.scale(for: .meanError, values: [-0.7, 1.2]) == -1...1.5)
        #expect(BinMetricOverlay.scale(for: .error, values: [0.1, 0.2]) == 0...1)
        #expect(BinMetricOverlay.scale(for: .meanLoss, values: []) == 0...1)
        #expect(BinMetricOverlay.scale(for: .meanLoss, values: [0, 0]) == 0...1)
    }
}

/// Reports draw a histogram's overlay when the view has it on.
@Suite struct HistogramOverlayReportTests {
    @Test func theReportDrawsTheReliabilityCurveWithTheECEInTheHeading() throws {
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "adult", panes: [
            ViewPane(kind: .histogram, settings: PaneSettings(column: "score", overlay: "base_rate")),
            ViewPane(kind: .histogram, settings: PaneSettings(column: "age")),
        ]))
        let evaluator = try SliceEvaluator(dataset: adult, roles: state.roles)
        let ece = try #require(evaluator.metrics(of: state.filter.rows, filteredCount: adult.rowCount).value(.ece))
        let heading = "Histogram: score · ECE \(NumberFormatting.fixed(ece))"
        let section = try #require(report.sections.first { $0.heading == heading }, "\(report.sections.map(\.heading))")
        guard case .histogram(let histogram) = section.blocks[1], let overlay = histogram.overlay else {
            Issue.record("the score's histogram has no overlay")
            return
        }
        #expect(overlay.metric == .baseRate && overlay.diagonal != nil)
        let html = HTMLReport.render(report)
        let markers = html.components(separatedBy: "r=\"3.5\"").count - 1
        #expect(markers == overlay.values.compactMap { $0 }.count, "one marker per bin with rows")
        #expect(html.contains("stroke-dasharray") && html.contains("share of positive labels per bin (right scale)"))
        // The age histogram's view has no overlay: no markers, no ECE.
        #expect(report.sections.contains { $0.heading == "Histogram: age" })
    }
}

/// Reports list the label issues pane's likely label errors.
@Suite struct LabelIssuesReportTests {
    @Test func theSectionCountsTheIssuesAndListsTheFirst() throws {
        var explorer = Explorer(state: ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult)))
        try explorer.apply(.setFilter("sex == \"Female\""))
        let state = explorer.state
        let report = try ReportBuilder.build(ReportInput(state: state, datasetName: "adult", panes: [ViewPane(kind: .labelIssues)]))
        let section = try #require(report.sections.first { $0.heading == "Likely label errors" })
        let issues = try LabelIssueSource(dataset: adult, roles: state.roles).issues(in: adult, filter: state.filter.rows)
        guard case .paragraph(let text) = section.blocks[0], case .table(let table) = section.blocks[1] else {
            Issue.record("\(section.blocks)")
            return
        }
        #expect(text == [.plain("\(NumberFormatting.grouped(issues.count)) likely label errors among 16,192 rows by confident "
                                + "learning from the score column 'score' (positive class 1), ranked by self-confidence "
                                + "(lowest first); the first 20:")])
        #expect(table.rows.count == 20 && table.rows.map { Int($0[0]) } == issues.prefix(20).map(\.row))
    }
}
