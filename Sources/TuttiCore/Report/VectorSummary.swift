/// What reports draw of a vector: its values averaged into at most a given number of buckets
/// (a sparkline), its range, and its pixels when it makes an image.
enum VectorSummary {
    /// The means of `values` over `buckets` (or fewer, one per value) runs of neighbours.
    static func means(_ values: [Float], buckets: Int) -> [Double] {
        guard !values.isEmpty else { return [] }
        let count = max(1, min(values.count, buckets))
        return (0..<count).map { bucket in
            let start = bucket * values.count / count, end = max((bucket + 1) * values.count / count, start + 1)
            return values[start..<end].reduce(0.0) { $0 + Double($1) } / Double(end - start)
        }
    }

    /// "128 values, -0.31…0.92".
    static func describe(_ values: [Float]) -> String {
        let low = Double(values.min() ?? 0), high = Double(values.max() ?? 0)
        return "\(NumberFormatting.grouped(values.count)) values, \(NumberFormatting.compact(low))…\(NumberFormatting.compact(high))"
    }

    /// The values as a sparkline of block characters, at most `width` of them.
    static func sparkline(_ values: [Float], width: Int) -> String {
        let means = means(values, buckets: width)
        let low = means.min() ?? 0, high = means.max() ?? 0
        return String(means.map { mean -> Character in
            let level = high > low ? Int(((mean - low) / (high - low) * Double(TextBars.levels.count - 1)).rounded()) : 0
            return TextBars.levels[min(max(level, 0), TextBars.levels.count - 1)]
        })
    }

    /// The image's pixels, brightness 0–1 per channel, row by row, averaged over blocks so that
    /// neither side exceeds `largest` pixels; values are scaled from the vector's least to its
    /// largest. Returns the pixels and the image's size after averaging.
    static func pixels(_ values: [Float], shape: ImageShape, largest: Int) -> (pixels: [[Double]], width: Int, height: Int) {
        let low = Double(values.min() ?? 0), high = Double(values.max() ?? 1)
        let span = high > low ? high - low : 1
        let block = max(1, (max(shape.width, shape.height) + largest - 1) / largest)
        let width = (shape.width + block - 1) / block, height = (shape.height + block - 1) / block
        var pixels: [[Double]] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width {
                var sums = [Double](repeating: 0, count: shape.channels)
                var count = 0
                for sourceY in (y * block)..<min((y + 1) * block, shape.height) {
                    for sourceX in (x * block)..<min((x + 1) * block, shape.width) {
                        let base = (sourceY * shape.width + sourceX) * shape.channels
                        for channel in 0..<shape.channels { sums[channel] += (Double(values[base + channel]) - low) / span }
                        count += 1
                    }
                }
                pixels.append(sums.map { $0 / Double(max(count, 1)) })
            }
        }
        return (pixels, width, height)
    }
}
