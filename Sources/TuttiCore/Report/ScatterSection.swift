/// A scatter pane: its axes (two columns, or the PCA of a vector column, computed here), its
/// colouring and its zoom, the points counted into a grid of `columns` × `rows` bins.
///
/// The grid is the thinning: a report holds at most one mark per bin and kind (filtered,
/// selected, filtered out), whatever the number of rows, so a plot of a million rows is as
/// small as one of ten thousand. Its size matches the text form: each bin is one Braille dot
/// of a `columns / 2` × `rows / 4` cell plot.
enum ScatterSection {
    /// Bins across and up.
    static let columns = 120, rows = 80

    static func make(state: ExplorerState, settings: PaneSettings, work: WorkContext) throws -> ReportSection {
        guard let axes = ScatterAxes(settings: settings) ?? ScatterAxes.defaultAxes(state, vectors: true) else {
            return note("Scatter", "There is no numeric column to plot: a scatter plot needs two numeric columns or a vector column.")
        }
        let heading = "Scatter: " + axes.title
        let points: ScatterPoints, titles: (x: String, y: String)
        switch axes {
        case .columns(let x, let y):
            guard let xColumn = state.dataset.column(named: x), let yColumn = state.dataset.column(named: y),
                  let read = ScatterPoints(x: xColumn, y: yColumn) else {
                return note(heading, "'\(x)' and '\(y)' are not both numeric columns of the data.")
            }
            points = read
            titles = (x, y)
        case .projection(let vector):
            guard let column = state.dataset.column(named: vector), column.kind == .vector else {
                return note(heading, "'\(vector)' is not a vector column of the data.")
            }
            let projection = try PrincipalComponents.project(column, context: work)
            points = ScatterPoints(projected: ProjectedPoints(x: projection.x, y: projection.y), rowCount: state.dataset.rowCount)
            let ratios = projection.explainedVarianceRatio.map { " (\(NumberFormatting.percent($0)) of the variance)" }
            titles = ("PCA 1 of \(vector)" + (ratios.first ?? ""), "PCA 2 of \(vector)" + (ratios.dropFirst().first ?? ""))
        }
        try work.check("report")
        guard let bounds = points.bounds else { return note(heading, "No row has both coordinates.") }
        var blocks: [ReportBlock] = []
        var coloring: ScatterColoring?
        if let key = settings.colorBy {
            switch ScatterColoring.make(key, state: state) {
            case .success(let made): coloring = made
            case .failure(let error): blocks.append(.note("The points are not coloured by \(key): \(error.message)."))
            }
        }
        var shown = bounds, zoomed = false
        if let zoom = settings.zoom, zoom.count == 4, zoom.allSatisfy(\.isFinite), zoom[0] < zoom[1], zoom[2] < zoom[3] {
            shown = (zoom[0]...zoom[1], zoom[2]...zoom[3])
            zoomed = true
        }
        let scatter = plot(points, shown: shown, titles: titles, coloring: coloring, state: state)
        blocks.append(.paragraph([.plain(caption(scatter, points: points, state: state, zoomed: zoomed))]))
        blocks.append(.scatter(scatter))
        return ReportSection(heading: heading, blocks: blocks)
    }

    /// The points counted into the grid over `shown`.
    static func plot(_ points: ScatterPoints, shown: (x: ClosedRange<Double>, y: ClosedRange<Double>), titles: (x: String, y: String),
                     coloring: ScatterColoring?, state: ExplorerState) -> ReportScatter {
        let xAxis = PlaneAxis(lower: shown.x.lowerBound, upper: shown.x.upperBound, count: columns)
        let yAxis = PlaneAxis(lower: shown.y.lowerBound, upper: shown.y.upperBound, count: rows)
        let cells = PlaneCells(xs: points.xs, ys: points.ys, present: points.present, x: xAxis, y: yAxis)
        let binCount = columns * rows
        let categories = coloring?.names.count ?? 0
        var filtered = [Int](repeating: 0, count: binCount), selected = filtered, faint = filtered
        var votes = [Int](repeating: 0, count: binCount * max(categories, 1))
        var categoryFiltered = [Int](repeating: 0, count: categories), categorySelected = categoryFiltered
        let filter = state.filter.rows, selection = state.selection?.rows
        for (row, code) in cells.codes.enumerated() where code != PlaneCells.outside {
            let bin = Int(code)
            guard filter.contains(row) else {
                faint[bin] += 1
                continue
            }
            filtered[bin] += 1
            let isSelected = selection?.contains(row) ?? false
            if isSelected { selected[bin] += 1 }
            if let coloring, coloring.codes[row] != ScatterColoring.missing {
                let category = Int(coloring.codes[row])
                votes[bin * categories + category] += 1
                categoryFiltered[category] += 1
                if isSelected { categorySelected[category] += 1 }
            }
        }
        var bins: [ReportScatter.Bin] = []
        for bin in 0..<binCount where filtered[bin] > 0 || faint[bin] > 0 {
            var category: Int?
            if categories > 0 {
                let tally = votes[bin * categories..<(bin + 1) * categories]
                if let best = tally.indices.max(by: { tally[$0] < tally[$1] || (tally[$0] == tally[$1] && $0 > $1) }), tally[best] > 0 {
                    category = best - bin * categories
                }
            }
            bins.append(ReportScatter.Bin(column: bin % columns, row: bin / columns, filtered: filtered[bin], selected: selected[bin],
                                          filteredOut: faint[bin], category: category))
        }
        let legend = (coloring?.names ?? []).enumerated().map {
            ReportScatter.Category(name: $0.element, filtered: categoryFiltered[$0.offset], selected: categorySelected[$0.offset])
        }
        return ReportScatter(xTitle: titles.x, yTitle: titles.y, x: xAxis.lower...xAxis.upper, y: yAxis.lower...yAxis.upper,
                             columns: columns, rows: rows, bins: bins, colorTitle: coloring?.title, categories: legend,
                             hasSelection: state.selection != nil)
    }

    /// What the plot shows and how to read it.
    private static func caption(_ scatter: ReportScatter, points: ScatterPoints, state: ExplorerState, zoomed: Bool) -> String {
        let drawn = scatter.bins.reduce(0) { $0 + $1.filtered }
        let missing = state.filter.rows.count - state.filter.rows.intersectionCount(points.present)
        var text = "\(NumberFormatting.grouped(drawn)) of the \(NumberFormatting.grouped(state.filteredCount)) filtered rows drawn"
        var left: [String] = []
        if missing > 0 { left.append("\(NumberFormatting.grouped(missing)) without both coordinates") }
        let outside = state.filteredCount - missing - drawn
        if zoomed, outside > 0 { left.append("\(NumberFormatting.grouped(outside)) outside the zoomed ranges") }
        if !left.isEmpty { text += " (" + left.joined(separator: "; ") + ")" }
        text += ", counted in a grid of \(scatter.columns) × \(scatter.rows) bins: a mark stands for the rows of its bin, larger"
            + " and darker for more of them"
        if let title = scatter.colorTitle { text += ", coloured by the \(title) most of them have" }
        if scatter.hasSelection { text += "; bins holding selected rows are ringed in the selection's colour" }
        return text + "; rows that do not pass the filter are pale grey."
    }

    private static func note(_ heading: String, _ text: String) -> ReportSection {
        ReportSection(heading: heading, blocks: [.note(text)])
    }
}
