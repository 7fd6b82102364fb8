import Foundation

/// A scatter plot as an inline SVG: one circle per non-empty bin of the report's grid, its
/// size and opacity growing with the bin's rows and its colour the bin's most common category;
/// the bins of rows that fail the filter as pale grey circles beneath, the bins holding
/// selected rows ringed in the selection's colour above; axes with ticks and titles, and a
/// legend beside the plot. The points are grouped by colour and opacity (`<g class="points">`),
/// so a circle costs a few dozen bytes and the chart stays small whatever the row count.
struct SVGScatter {
    let scatter: ReportScatter

    private let left = 72.0, top = 16.0
    private let plotWidth = 600.0, plotHeight = 400.0
    private let legendWidth = 190.0
    /// Characters of a legend label before an ellipsis.
    private let labelLimit = 22
    /// Opacity steps of the points, from the sparsest bins to the densest.
    private static let opacities = ["0.45", "0.65", "0.85", "1"]
    /// The colours of up to eight categories (none close to the selection's orange).
    static let palette = ["#4c78a8", "#72b7b2", "#54a24b", "#e45756", "#b279a2", "#9d755d", "#eeca3b", "#79706e"]
    /// Correct and incorrect.
    static let correctnessPalette = ["#54a24b", "#e45756"]
    /// The colour of the points of rows that fail the filter.
    static let fadedColour = "#c4c9d0"

    var svg: String {
        let width = left + plotWidth + 24 + legendWidth
        let height = top + plotHeight + 56
        let title = "Scatter plot of \(scatter.yTitle) against \(scatter.xTitle)"
        var out = "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" "
            + "aria-label=\"\(e(title))\">\n<title>\(e(title))</title>\n"
        out += axes(height: height)
        out += marks()
        out += legend(x: left + plotWidth + 24)
        return out + "</svg>"
    }

    /// The colour of category `index` (nil: no colouring).
    func colour(_ index: Int?) -> String {
        guard let index else { return HTMLStyle.filteredColour }
        let palette = scatter.colorTitle == ScatterColoring.correctnessTitle ? Self.correctnessPalette : Self.palette
        return palette[index % palette.count]
    }

    /// The bin's centre in the plot.
    private func centre(_ bin: ReportScatter.Bin) -> (x: Double, y: Double) {
        let width = plotWidth / Double(scatter.columns), height = plotHeight / Double(scatter.rows)
        return (left + (Double(bin.column) + 0.5) * width, top + plotHeight - (Double(bin.row) + 0.5) * height)
    }

    /// A circle's radius for `count` rows: from under a third of a bin for one row to a little
    /// over half a bin for the densest.
    private func radius(_ count: Int) -> Double {
        let bin = plotWidth / Double(scatter.columns)
        let share = Double(count) / Double(max(scatter.densest, 1))
        return bin * (0.3 + 0.32 * share.squareRoot())
    }

    private func circle(_ bin: ReportScatter.Bin, count: Int) -> String {
        let (x, y) = centre(bin)
        return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(radius(count)))\"/>"
    }

    /// The faded, filtered and selected bins, in that order from the bottom.
    private func marks() -> String {
        var out = ""
        let faded = scatter.bins.filter { $0.filteredOut > 0 }
        if !faded.isEmpty {
            out += "<g class=\"filtered-out\" fill=\"\(Self.fadedColour)\" fill-opacity=\"0.7\">"
            for bin in faded { out += circle(bin, count: 1) }
            out += "</g>\n"
        }
        let densest = Double(max(scatter.densest, 1))
        var groups: [String: [ReportScatter.Bin]] = [:]
        var order: [String] = []
        for bin in scatter.bins where bin.filtered > 0 {
            let step = Int((log1p(Double(bin.filtered)) / log1p(densest) * Double(Self.opacities.count)).rounded(.up))
            let key = "fill=\"\(colour(bin.category))\" fill-opacity=\"\(Self.opacities[min(max(step, 1), Self.opacities.count) - 1])\""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(bin)
        }
        for key in order {
            out += "<g class=\"points\" \(key)>"
            for bin in groups[key] ?? [] { out += circle(bin, count: bin.filtered) }
            out += "</g>\n"
        }
        let selected = scatter.bins.filter { $0.selected > 0 }
        if !selected.isEmpty {
            out += "<g class=\"selected\" fill=\"\(HTMLStyle.selectedColour)\" stroke=\"\(HTMLStyle.hatchColour)\" stroke-width=\"0.9\">"
            for bin in selected { out += circle(bin, count: bin.selected) }
            out += "</g>\n"
        }
        return out
    }

    /// The axis lines, their ticks and values, and their titles.
    private func axes(height: Double) -> String {
        let bottom = top + plotHeight, right = left + plotWidth
        var out = "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"#fbfbfc\"/>\n"
        for value in ticks(scatter.x) {
            let x = left + (value - scatter.x.lowerBound) / span(scatter.x) * plotWidth
            out += "<line class=\"grid\" x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\"/>"
            out += "<text x=\"\(f(x))\" y=\"\(f(bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(e(NumberFormatting.compact(value)))</text>\n"
        }
        for value in ticks(scatter.y) {
            let y = bottom - (value - scatter.y.lowerBound) / span(scatter.y) * plotHeight
            out += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(right))\" y2=\"\(f(y))\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(e(NumberFormatting.compact(value)))</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\"/>"
        out += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\"/>\n"
        out += "<text class=\"x-title\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 10))\" font-size=\"12\" text-anchor=\"middle\" "
            + "font-weight=\"600\">\(e(TextFit.fit(scatter.xTitle, 90, CharacterCells.self)))</text>\n"
        let middle = top + plotHeight / 2
        out += "<text class=\"y-title\" x=\"16\" y=\"\(f(middle))\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"600\" "
            + "transform=\"rotate(-90 16 \(f(middle)))\">\(e(TextFit.fit(scatter.yTitle, 60, CharacterCells.self)))</text>\n"
        return out
    }

    private func span(_ range: ClosedRange<Double>) -> Double { max(range.upperBound - range.lowerBound, .leastNormalMagnitude) }

    /// Nice values inside `range`, about six of them.
    private func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let step = NiceScale.step(span: range.upperBound - range.lowerBound, target: 6, integral: false)
        guard step > 0, step.isFinite else { return [] }
        var values: [Double] = []
        var value = (range.lowerBound / step).rounded(.up) * step
        while value <= range.upperBound + step * 1e-9, values.count < 20 {
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return values
    }

    /// The legend: one swatch per category with its rows, then the selected and filtered-out marks.
    private func legend(x: Double) -> String {
        var entries: [(swatch: String, label: String)] = []
        if scatter.categories.isEmpty {
            entries.append((HTMLStyle.filteredColour, "filtered rows"))
        } else {
            for (index, category) in scatter.categories.enumerated() {
                entries.append((colour(index), TextFit.fit(category.name, labelLimit, CharacterCells.self)
                                + " (\(NumberFormatting.grouped(category.filtered)))"))
            }
        }
        var out = "<g class=\"legend\">"
        var y = top + 6
        if let title = scatter.colorTitle {
            out += "<text x=\"\(f(x))\" y=\"\(f(y + 4))\" font-size=\"12\" font-weight=\"600\">\(e(TextFit.fit(title, labelLimit, CharacterCells.self)))</text>"
            y += 20
        }
        for entry in entries {
            out += "<g class=\"entry\"><circle cx=\"\(f(x + 6))\" cy=\"\(f(y))\" r=\"5\" fill=\"\(entry.swatch)\"/>"
                + "<text x=\"\(f(x + 18))\" y=\"\(f(y + 4))\" font-size=\"12\">\(e(entry.label))</text></g>"
            y += 20
        }
        if scatter.hasSelection {
            out += "<g class=\"entry\"><circle cx=\"\(f(x + 6))\" cy=\"\(f(y))\" r=\"5\" fill=\"\(HTMLStyle.selectedColour)\" "
                + "stroke=\"\(HTMLStyle.hatchColour)\" stroke-width=\"0.9\"/><text x=\"\(f(x + 18))\" y=\"\(f(y + 4))\" font-size=\"12\">"
                + "selected rows</text></g>"
            y += 20
        }
        if scatter.bins.contains(where: { $0.filteredOut > 0 }) {
            out += "<g class=\"entry\"><circle cx=\"\(f(x + 6))\" cy=\"\(f(y))\" r=\"5\" fill=\"\(Self.fadedColour)\"/>"
                + "<text x=\"\(f(x + 18))\" y=\"\(f(y + 4))\" font-size=\"12\">filtered out</text></g>"
        }
        return out + "</g>\n"
    }

    private func e(_ text: String) -> String { HTMLEscaping.text(text) }
    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
