/// The bins of a regression's residuals (prediction − label): equal widths of a nice `step` on a
/// range symmetric about 0, `half` bins each side, so the exact predictions' bars sit in the
/// middle. A SQL engine is given the same rule (`FLOOR(residual / step + half)`, held to the
/// bins), so that both place a residual alike.
public struct ResidualBins: Sendable, Equatable, Hashable {
    /// The width of a bin.
    public let step: Double
    /// The bins on each side of 0.
    public let half: Int

    /// Bins holding residuals up to `largest` in size (1 when 0) in about `bins` bins.
    public init(largest: Double, bins: Int) {
        let largest = largest > 0 && largest.isFinite ? largest : 1
        step = NiceScale.step(span: 2 * largest, target: max(2, bins), integral: false)
        half = max(1, Int((largest / step).rounded(.up)))
    }

    /// The number of bins.
    public var count: Int { 2 * half }

    /// The bins' edges, one more than the bins.
    public var edges: [Double] { (-half...half).map { Double($0) * step } }

    /// The bin of `residual`: beyond the range in the end bins; NaN in the missing bin (`count`).
    public func bin(of residual: Double) -> Int {
        let position = (residual / step + Double(half)).rounded(.down)
        return position.isNaN ? count : Int(min(max(position, 0), Double(count - 1)))
    }
}
