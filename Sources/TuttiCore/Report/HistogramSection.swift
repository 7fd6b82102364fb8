/// A histogram pane: its column's bins with the filtered and selected counts, and for numbers the
/// statistics of the filtered and selected rows.
enum HistogramSection {
    /// Bins of a numeric histogram whose view does not say.
    static let defaultBins = 20
    /// Values shown of a categorical column before "other".
    static let topValues = 12

    static func make(state: ExplorerState, settings: PaneSettings) -> ReportSection {
        guard let name = settings.column else {
            return ReportSection(heading: "Histogram", blocks: [.note("This histogram pane names no column.")])
        }
        var heading = "Histogram: \(name)"
        let dataset = state.dataset
        let binning: ColumnBinning
        do {
            let categorical = dataset.column(named: name)?.kind == .categorical
            binning = try ColumnBinning(dataset: dataset, column: name, bins: categorical ? topValues + 1 : settings.bins ?? defaultBins,
                                        mode: settings.binMode ?? .even)
        } catch {
            return ReportSection(heading: heading, blocks: [.note("Cannot draw this histogram: \(error).")])
        }
        let selection = state.selection?.rows
        let counts = HistogramCounts(binning, filter: state.filter.rows, selection: selection)
        var bins = (0..<binning.binCount).map { bin in
            ReportHistogram.Bin(label: label(binning, bin: bin), detail: detail(binning, bin: bin), all: counts.all[bin],
                                filtered: counts.filtered[bin], selected: counts.selected[bin])
        }
        let missing = binning.binCount
        if counts.all[missing] > 0 {
            bins.append(ReportHistogram.Bin(label: "missing", detail: "\(name) is missing", all: counts.all[missing],
                                            filtered: counts.filtered[missing], selected: counts.selected[missing]))
        }
        let overlay = settings.overlay.flatMap(SliceMetric.init(rawValue:)).flatMap { metricOverlay($0, state: state, binning: binning) }
        if let ece = overlay?.expectedCalibrationError { heading += " · ECE \(NumberFormatting.fixed(ece))" }
        var blocks: [ReportBlock] = [
            .paragraph([.plain(explanation(binning, hasSelection: selection != nil) + (overlay.map(overlayExplanation) ?? ""))]),
            .histogram(ReportHistogram(column: name, bins: bins, hasSelection: selection != nil, overlay: overlay)),
        ]
        if let table = statistics(state, column: name) { blocks.append(.table(table)) }
        return ReportSection(heading: heading, blocks: blocks)
    }

    /// `metric` per bin of `binning` over the filtered rows, when the roles allow it.
    private static func metricOverlay(_ metric: SliceMetric, state: ExplorerState, binning: ColumnBinning) -> BinMetricOverlay? {
        guard let evaluator = try? SliceEvaluator(dataset: state.dataset, roles: state.roles),
              BinMetricOverlay.metrics(evaluator).contains(metric) else { return nil }
        return BinMetricOverlay(evaluator: evaluator, binning: binning, filter: state.filter.rows, metric: metric, roles: state.roles)
    }

    /// What the overlay's markers show.
    private static func overlayExplanation(_ overlay: BinMetricOverlay) -> String {
        guard overlay.diagonal == nil else {
            return " The markers are the share of positive labels per score bin (the reliability curve) against the dashed"
                + " diagonal, on the right scale; the title gives the expected calibration error over 10 equal-width bins."
        }
        return " The markers are the \(overlay.metric.title) per bin, on the right scale."
    }

    private static func explanation(_ binning: ColumnBinning, hasSelection: Bool) -> String {
        let bins: String
        switch binning.scheme {
        case .numeric(let edges, let integral):
            let step = edges.count > 1 ? edges[1] - edges[0] : 1
            switch binning.mode {
            case .quantile: bins = "\(binning.binCount) bins cut at quantiles (about equal row counts; tied values share a bin)"
            case .log: bins = "\(binning.binCount) bins on a log scale" + (edges[0] <= 0 ? " (the first holds the values ≤ 0)" : "")
            case .even: bins = integral && step == 1 ? "One bar per value" : "\(binning.binCount) bins of width \(NumberFormatting.number(step))"
            }
        case .values(_, let other):
            bins = other.isEmpty ? "One bar per value" : "The \(binning.binCount - 1) most frequent values, then the other \(other.count)"
        }
        return bins + "; each bar is the number of filtered rows"
            + (hasSelection ? ", its ▓ (hatched) part the selected ones among them." : ".")
    }

    /// The short label of bin `bin`: a category, or a bin's lower edge written as reports write values.
    static func label(_ binning: ColumnBinning, bin: Int) -> String {
        guard case .numeric(let edges, _) = binning.scheme, bin != binning.nonPositiveBin else { return binning.labels[bin] }
        return NumberFormatting.number(edges[bin])
    }

    /// What bin `bin` holds, in words.
    static func detail(_ binning: ColumnBinning, bin: Int) -> String {
        let name = binning.column
        switch binning.scheme {
        case .numeric(let edges, let integral):
            let low = NumberFormatting.number(edges[bin], exact: true)
            if bin == binning.nonPositiveBin { return edges[bin] == 0 ? "\(name) = 0" : "\(low) ≤ \(name) ≤ 0" }
            if integral {
                let high = NumberFormatting.number(edges[bin + 1] - 1, exact: true)
                return low == high ? "\(name) = \(low)" : "\(low) ≤ \(name) ≤ \(high)"
            }
            let isLast = bin == binning.binCount - 1
            return "\(low) ≤ \(name) \(isLast ? "≤" : "<") \(NumberFormatting.number(edges[bin + 1], exact: true))"
        case .values(let values, let other):
            if bin < values.count { return "\(name) = \(values[bin])" }
            let shown = other.prefix(5).joined(separator: ", ") + (other.count > 5 ? ", …" : "")
            return "\(other.count) other values of \(name): \(shown)"
        }
    }

    /// Count, mean, spread and range of a numeric column over the filtered and the selected rows.
    private static func statistics(_ state: ExplorerState, column name: String) -> ReportTable? {
        guard let column = state.dataset.column(named: name), column.kind.isNumeric,
              let filtered = ColumnStatistics.compute(column, rows: state.filter.rows) else { return nil }
        var lines = [(state.filter.isEmpty ? "all rows" : "filtered rows", filtered)]
        if let visible = state.visibleSelection, let selected = ColumnStatistics.compute(column, rows: visible) {
            lines.append(("selected rows", selected))
        }
        let number = { (value: Double?) in value.map { NumberFormatting.number($0) } ?? "–" }
        return ReportTable(
            headers: ["rows", "count", "missing", "mean", "std. dev.", "min", "max"],
            rows: lines.map { title, stats in
                [title, NumberFormatting.grouped(stats.count), NumberFormatting.grouped(stats.missing), number(stats.mean),
                 number(stats.standardDeviation), number(stats.min), number(stats.max)]
            },
            rightAligned: Set(1...6))
    }
}
