/// The report's first section, "At a glance": how many rows there are, pass the filter and are
/// selected, the score threshold the predictions were re-derived at, and how the model does on the filtered rows, measured as the slices are
/// (`SliceEvaluator`): error with its 95% interval, accuracy, F1 (macro F1 for many classes),
/// FPR and FNR for two classes, and the mean loss.
enum HeadlineSection {
    static func make(state: ExplorerState) -> ReportSection {
        let total = state.dataset.rowCount, filtered = state.filteredCount
        var facts: [[ReportText]] = [[.plain("Rows: \(NumberFormatting.grouped(total))")]]
        facts.append([.plain("Filtered rows: " + (state.filter.isEmpty ? "all (no filter)"
            : "\(NumberFormatting.grouped(filtered)) (\(NumberFormatting.percent(filtered, of: total)))"))])
        let selected = state.selectedCount
        facts.append([.plain("Selected rows: " + (state.selection == nil ? "none"
            : "\(NumberFormatting.grouped(selected)) (\(NumberFormatting.percent(selected, of: filtered)) of the filtered rows)"))])
        if let threshold = state.threshold {
            let cut = NumberFormatting.shortest(threshold.value)
            facts.append([.plain("Predictions: re-derived at the score threshold \(cut): "), .code(threshold.prediction),
                          .plain(" is \(threshold.positive) where "), .code("\(threshold.score) >= \(cut)"),
                          .plain(", else \(threshold.negative).")])
        }
        var blocks: [ReportBlock] = [.list(facts)]
        let roles = state.roles
        if roles[.label] != nil && roles[.prediction] != nil || roles[.loss] != nil {
            do {
                blocks.append(.table(try model(state)))
            } catch {
                blocks.append(.note("Cannot measure the model: \(error)."))
            }
        }
        return ReportSection(heading: "At a glance", blocks: blocks)
    }

    /// The model's metrics over the filtered rows, with the intervals of rates.
    private static func model(_ state: ExplorerState) throws -> ReportTable {
        let evaluator = try SliceEvaluator(dataset: state.dataset, roles: state.roles)
        let metrics = evaluator.metrics(of: state.filter.rows, filteredCount: state.filteredCount)
        var measures: [(String, SliceMetric)] = []
        if let classes = evaluator.classes {
            measures += [("error", .error), ("accuracy", .accuracy), (classes.isBinary ? "F1" : "macro F1", .f1)]
        }
        let available = evaluator.availableMetrics
        measures += [("false-positive rate (FPR)", .fpr), ("false-negative rate (FNR)", .fnr), ("mean loss", .meanLoss)]
            .filter { available.contains($0.1) }
        let rows = measures.map { name, metric in
            [name, NumberFormatting.metric(metrics.value(metric)),
             metrics.interval(metric).map { "\(NumberFormatting.fixed($0.lower, decimals: 3)) – \(NumberFormatting.fixed($0.upper, decimals: 3))" } ?? ""]
        }
        var caption = "The model on the \(NumberFormatting.rows(state.filteredCount))"
            + (state.filter.isEmpty ? "" : " passing the filter")
        if let classes = evaluator.classes, let positive = classes.positive {
            caption += "; positive class: \(classes.classes[positive])"
        }
        return ReportTable(headers: ["measure", "value", "95% interval"], rows: rows, rightAligned: [1, 2],
                           caption: caption + ".")
    }
}
