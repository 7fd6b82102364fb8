/// One row whole as Markdown: a table of every column's name and value (text on one line,
/// which GitHub wraps in the cell; a vector as a sparkline with its range), then each vector
/// that makes an image drawn in shade characters in a code block, two characters a pixel.
enum MarkdownInstance {
    /// Sparkline characters at most.
    static let sparklineWidth = 64
    /// Pixels along an image's longer side at most.
    static let largestImageSide = 48
    /// Shades from dark (low values) to light, as the pane's greys run.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    static func render(_ instance: ReportInstance) -> String {
        var lines = ["| column | value |", "| --- | --- |"]
        var images: [String] = []
        for field in instance.fields {
            let value: String
            switch field.value {
            case .missing: value = "*missing*"
            case .text(let text): value = text.isEmpty ? "" : MarkdownEscaping.text(text)
            case .vector(let values, let shape):
                value = MarkdownEscaping.code(VectorSummary.sparkline(values, width: sparklineWidth)) + " "
                    + MarkdownEscaping.text(VectorSummary.describe(values))
                if let shape, shape.valueCount == values.count { images.append(image(values, shape: shape, name: field.name)) }
            }
            lines.append("| " + MarkdownEscaping.text(field.name) + " | " + value + " |")
        }
        return ([lines.joined(separator: "\n")] + images).joined(separator: "\n\n")
    }

    /// The vector as an image in shade characters (brighter pixels darker ink), in a code block.
    static func image(_ values: [Float], shape: ImageShape, name: String) -> String {
        let (pixels, width, height) = VectorSummary.pixels(values, shape: shape, largest: largestImageSide)
        var rows = ["\(MarkdownEscaping.flattened(name)) as a \(shape) image:"]
        for y in 0..<height {
            rows.append(String((0..<width).flatMap { x -> [Character] in
                let pixel = pixels[y * width + x]
                let grey = pixel.reduce(0, +) / Double(max(pixel.count, 1))
                let shade = shades[min(shades.count - 1, max(0, Int((grey * Double(shades.count)).rounded(.down))))]
                return [shade, shade]
            }))
        }
        let body = rows.joined(separator: "\n")
        let fence = MarkdownEscaping.fence(for: body)
        return fence + "text\n" + body + "\n" + fence
    }
}
