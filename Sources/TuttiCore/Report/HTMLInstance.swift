import Foundation

/// One row whole as HTML: a two-column table of every column's name and value; long text
/// wraps inside its cell, a vector is an inline SVG sparkline with its range, and a vector that
/// makes an image is also drawn as a small grid of pixels (greys, or colours for three channels).
enum HTMLInstance {
    /// Sparkline points at most.
    static let sparklinePoints = 160
    /// Pixels along an image's longer side at most (larger images are averaged down).
    static let largestImageSide = 64

    static func render(_ instance: ReportInstance) -> String {
        var out = "<div class=\"table-wrap\"><table class=\"instance\">\n<thead><tr><th scope=\"col\">column</th>"
            + "<th scope=\"col\">value</th></tr></thead>\n<tbody>\n"
        for field in instance.fields {
            out += "<tr><th scope=\"row\">\(e(field.name))</th>"
            switch field.value {
            case .missing: out += "<td class=\"missing\">missing</td>"
            case .text(let text): out += "<td class=\"long\">\(e(text))</td>"
            case .vector(let values, let shape):
                out += "<td class=\"vector\">" + sparkline(values, name: field.name)
                    + "<span class=\"range\">\(e(VectorSummary.describe(values)))</span>"
                if let shape, shape.valueCount == values.count { out += image(values, shape: shape, name: field.name) }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>"
    }

    /// The values as a polyline 320 by 36 pixels.
    static func sparkline(_ values: [Float], name: String) -> String {
        let means = VectorSummary.means(values, buckets: sparklinePoints)
        let low = means.min() ?? 0, high = means.max() ?? 0
        let width = 320.0, height = 36.0
        let step = means.count > 1 ? width / Double(means.count - 1) : 0
        let points = means.enumerated().map { index, mean in
            let y = high > low ? height - 2 - (mean - low) / (high - low) * (height - 4) : height / 2
            return f(Double(index) * step) + "," + f(y)
        }.joined(separator: " ")
        return "<svg class=\"sparkline\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" "
            + "role=\"img\" aria-label=\"\(e("Values of " + name))\"><polyline fill=\"none\" stroke=\"\(HTMLStyle.filteredColour)\" "
            + "stroke-width=\"1.5\" points=\"\(points)\"/></svg>"
    }

    /// The values as an image: one square per pixel.
    static func image(_ values: [Float], shape: ImageShape, name: String) -> String {
        let (pixels, width, height) = VectorSummary.pixels(values, shape: shape, largest: largestImageSide)
        let scale = max(2, min(8, 224 / max(width, height)))
        var out = "<svg class=\"pixels\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width * scale)\" height=\"\(height * scale)\" "
            + "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(e("\(name) as a \(shape) image"))\">"
        for (index, pixel) in pixels.enumerated() {
            let levels = (pixel.count == 3 ? pixel : [pixel[0], pixel[0], pixel[0]]).map { Int((min(max($0, 0), 1) * 255).rounded()) }
            out += "<rect x=\"\(index % width)\" y=\"\(index / width)\" width=\"1\" height=\"1\" "
                + "fill=\"rgb(\(levels[0]),\(levels[1]),\(levels[2]))\"/>"
        }
        return out + "</svg>"
    }

    private static func e(_ text: String) -> String { HTMLEscaping.text(text) }
    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
