/// The tables of the report's slices section: one per section of `SliceSections`, its first row
/// the section's rows (all filtered rows, or a group), then its slices with their gaps to it;
/// shares are of all filtered rows.
struct SliceTables {
    let model: SliceSections
    /// The selected rows that pass the filter, if any.
    let selection: RowSet?
    /// Slices listed per table.
    let shown: Int

    /// The table of `section`, whose rows are called `name` ("all rows", `sex == "Male"`).
    func table(_ section: SliceSections.Section, name: String) -> ReportTable {
        let metric = model.sortMetric
        let isRate = model.evaluator.isRate(metric)
        var headers = ["slice", "rows", "share"]
        if selection != nil { headers.append("selected") }
        headers.append(metric.title)
        if isRate { headers.append("95% interval") }
        headers.append("gap")
        func line(_ name: String, _ metrics: SliceMetrics, rows: RowSet, isBaseline: Bool) -> [String] {
            var cells = [name, NumberFormatting.grouped(metrics.size), NumberFormatting.percent(metrics.size, of: model.overall.size)]
            if let selection { cells.append(NumberFormatting.grouped(rows.intersectionCount(selection))) }
            cells.append(NumberFormatting.metric(metrics.value(metric)))
            if isRate {
                cells.append(metrics.interval(metric).map { "\(NumberFormatting.fixed($0.lower, decimals: 3)) – \(NumberFormatting.fixed($0.upper, decimals: 3))" } ?? "")
            }
            cells.append(isBaseline ? "" : NumberFormatting.signed(metrics.gap(metric, to: section.metrics)))
            return cells
        }
        let listed = section.slices.prefix(shown)
        let rows = [line(name, section.metrics, rows: section.rows, isBaseline: true)]
            + listed.map { line($0.entry.expression, $0.entry.metrics, rows: $0.rows, isBaseline: false) }
        let grouped = !model.groupColumns.isEmpty
        var caption = "The gap is the slice's \(metric.title) minus that of \(grouped ? "the group" : name)."
        if section.slices.count > listed.count {
            caption = "The first \(listed.count) of \(section.slices.count) slices. " + caption
        }
        if grouped { caption += " Shares are of the filtered rows, not of the group." }
        if grouped, let search = section.search {
            caption += " Slices of at least \(NumberFormatting.rows(search.minimumSupport)), "
                + "\(NumberFormatting.grouped(search.evaluated)) candidates evaluated."
        }
        return ReportTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count), codeColumns: [0],
                           caption: caption)
    }
}
