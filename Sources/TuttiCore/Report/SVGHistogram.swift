import Foundation

/// A histogram as an inline SVG bar chart: one bar per bin (filtered rows), the selected part
/// drawn over it in another colour *and* hatched, axes with labels and ticks, and a tooltip
/// (`<title>`) on every bar with its exact counts; with an overlay, its metric per bin as
/// markers joined by a line on a scale at the right (and a reliability curve's dashed diagonal).
struct SVGHistogram {
    let histogram: ReportHistogram
    /// Makes the ids in the chart (its hatch pattern) unique in the document.
    let identifier: Int

    private let width = 880.0
    private let left = 64.0, top = 40.0
    /// The margin at the right: room for the overlay's scale when there is one.
    private var right: Double { histogram.overlay == nil ? 16 : 56 }
    private let plotHeight = 200.0
    /// Label characters shown under a bar before an ellipsis.
    private let labelLimit = 14
    /// The assumed width of a label character, in pixels, for placing labels.
    private let characterWidth = 6.6

    var svg: String {
        let bins = histogram.bins
        let plotWidth = width - left - right
        let slot = plotWidth / Double(max(bins.count, 1))
        let labels = bins.map { shortLabel($0.label) }
        let widest = Double(labels.map(\.count).max() ?? 0) * characterWidth
        let rotated = widest > slot - 4
        // Rotated labels need room below the axis, and every n-th label only when bars are thin.
        let labelStride = rotated ? max(1, Int((14 / slot).rounded(.up))) : 1
        let below = rotated ? min(widest, Double(labelLimit) * characterWidth) * 0.72 + 22 : 24
        let baseline = top + plotHeight
        let height = baseline + below + 28
        let (scaleTop, step) = scale()
        let pattern = "hatch-\(identifier)"
        var out = "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" "
            + "height=\"\(f(height))\" role=\"img\" aria-label=\"\(e("Histogram of " + histogram.column))\">\n"
        out += "<title>\(e("Histogram of " + histogram.column))</title>\n"
        out += "<defs><pattern id=\"\(pattern)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(HTMLStyle.selectedColour)\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(HTMLStyle.hatchColour)\" stroke-width=\"2.5\"/></pattern></defs>\n"
        out += legend(pattern: pattern)
        // Grid lines and the y axis's ticks.
        var tick = 0.0
        while tick <= scaleTop + step / 2 {
            let y = baseline - tick / scaleTop * plotHeight
            out += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" font-size=\"11\" text-anchor=\"end\">"
                + "\(NumberFormatting.grouped(Int(tick)))</text>\n"
            tick += step
        }
        let barWidth = slot > 4 ? slot * 0.84 : slot
        for (index, bin) in bins.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let barHeight = Double(bin.filtered) / scaleTop * plotHeight
            out += "<g><title>\(e(tooltip(bin)))</title>"
            out += "<rect x=\"\(f(x))\" y=\"\(f(baseline - barHeight))\" width=\"\(f(barWidth))\" height=\"\(f(barHeight))\" "
                + "fill=\"\(HTMLStyle.filteredColour)\"/>"
            if histogram.hasSelection, bin.selected > 0 {
                let selectedHeight = max(Double(bin.selected) / scaleTop * plotHeight, 1)
                out += "<rect x=\"\(f(x))\" y=\"\(f(baseline - selectedHeight))\" width=\"\(f(barWidth))\" "
                    + "height=\"\(f(selectedHeight))\" fill=\"url(#\(pattern))\" stroke=\"\(HTMLStyle.hatchColour)\" "
                    + "stroke-width=\"0.8\"/>"
            }
            out += "</g>\n"
            guard index % labelStride == 0 else { continue }
            let centre = left + (Double(index) + 0.5) * slot
            if rotated {
                out += "<text x=\"\(f(centre))\" y=\"\(f(baseline + 12))\" font-size=\"11\" text-anchor=\"end\" "
                    + "transform=\"rotate(-45 \(f(centre)) \(f(baseline + 12)))\">\(e(labels[index]))</text>\n"
            } else {
                out += "<text x=\"\(f(centre))\" y=\"\(f(baseline + 16))\" font-size=\"11\" text-anchor=\"middle\">"
                    + "\(e(labels[index]))</text>\n"
            }
        }
        if let overlay = histogram.overlay { out += overlayMarks(overlay, slot: slot, baseline: baseline) }
        out += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(baseline))\" x2=\"\(f(width - right))\" y2=\"\(f(baseline))\"/>"
        out += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(baseline))\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 8))\" font-size=\"12\" text-anchor=\"middle\" "
            + "font-weight=\"600\">\(e(histogram.column))</text>\n"
        out += "<text x=\"14\" y=\"\(f(top + plotHeight / 2))\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"600\" "
            + "transform=\"rotate(-90 14 \(f(top + plotHeight / 2)))\">filtered rows</text>\n"
        return out + "</svg>"
    }

    /// The overlay's metric per bin: its scale at the right, the diagonal (dashed) under a
    /// reliability curve, and a marker per bin with a value, joined by a line.
    private func overlayMarks(_ overlay: BinMetricOverlay, slot: Double, baseline: Double) -> String {
        let axisX = width - right, colour = HTMLStyle.overlayColour
        let y = { (value: Double) in baseline - overlay.height(of: value) * plotHeight }
        var out = "<line x1=\"\(f(axisX))\" y1=\"\(f(top))\" x2=\"\(f(axisX))\" y2=\"\(f(baseline))\" stroke=\"\(colour)\"/>"
        let scale = overlay.scale
        for value in [scale.lowerBound, (scale.lowerBound + scale.upperBound) / 2, scale.upperBound] {
            out += "<text x=\"\(f(axisX + 6))\" y=\"\(f(y(value) + 4))\" font-size=\"11\" fill=\"\(colour)\">"
                + "\(e(NumberFormatting.compact(value)))</text>"
        }
        let centre = { (bin: Int) in left + (Double(bin) + 0.5) * slot }
        if let diagonal = overlay.diagonal {
            let points = diagonal.indices.map { "\(f(centre($0))),\(f(y(diagonal[$0])))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
        }
        let marked = overlay.values.indices.compactMap { bin in overlay.values[bin].map { (bin, $0) } }
        let line = marked.map { "\(f(centre($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
        out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
        for (bin, value) in marked {
            let detail = bin < histogram.bins.count ? histogram.bins[bin].detail : ""
            out += "<circle cx=\"\(f(centre(bin)))\" cy=\"\(f(y(value)))\" r=\"3.5\" fill=\"\(colour)\"><title>"
                + e("\(detail): \(overlayName(overlay)) \(NumberFormatting.fixed(value)) over \(NumberFormatting.rows(overlay.measured[bin]))")
                + "</title></circle>"
        }
        return out + "\n"
    }

    /// What the overlay's markers show.
    private func overlayName(_ overlay: BinMetricOverlay) -> String {
        overlay.diagonal == nil ? overlay.metric.title : "share of positive labels"
    }

    /// The legend above the plot: a swatch per kind of bar.
    private func legend(pattern: String) -> String {
        var out = "<rect x=\"\(f(left))\" y=\"10\" width=\"14\" height=\"14\" fill=\"\(HTMLStyle.filteredColour)\"/>"
            + "<text x=\"\(f(left + 20))\" y=\"21\" font-size=\"12\">filtered rows</text>"
        if let overlay = histogram.overlay {
            out += "<circle cx=\"\(f(left + 327))\" cy=\"17\" r=\"4\" fill=\"\(HTMLStyle.overlayColour)\"/>"
                + "<text x=\"\(f(left + 337))\" y=\"21\" font-size=\"12\">\(e(overlayName(overlay))) per bin (right scale)"
                + (overlay.diagonal == nil ? "" : "; dashed: the diagonal") + "</text>"
        }
        if histogram.hasSelection {
            out += "<rect x=\"\(f(left + 120))\" y=\"10\" width=\"14\" height=\"14\" fill=\"url(#\(pattern))\" "
                + "stroke=\"\(HTMLStyle.hatchColour)\" stroke-width=\"0.8\"/>"
                + "<text x=\"\(f(left + 140))\" y=\"21\" font-size=\"12\">selected rows (hatched)</text>"
        }
        return out + "\n"
    }

    /// The top of the y axis and the step between its ticks: a nice step, the top a multiple of it.
    private func scale() -> (top: Double, step: Double) {
        let largest = Double(max(histogram.largest, 1))
        let step = NiceScale.step(span: largest, target: 5, integral: true)
        return ((largest / step).rounded(.up) * step, step)
    }

    private func tooltip(_ bin: ReportHistogram.Bin) -> String {
        var text = "\(bin.detail): \(NumberFormatting.rows(bin.filtered)) filtered (of \(NumberFormatting.grouped(bin.all)) in all)"
        if histogram.hasSelection {
            text += ", \(NumberFormatting.grouped(bin.selected)) selected (\(NumberFormatting.percent(bin.selected, of: bin.filtered)))"
        }
        return text
    }

    private func shortLabel(_ text: String) -> String {
        TextFit.fit(text, labelLimit, CharacterCells.self)
    }

    private func e(_ text: String) -> String { HTMLEscaping.text(text) }
    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
