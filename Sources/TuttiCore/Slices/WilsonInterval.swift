/// The Wilson score interval of a proportion: where the true rate lies with 95% confidence
/// (by default), well-behaved for small counts and rates near 0 or 1.
public struct WilsonInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    /// The two-sided 95% normal quantile.
    public static let z95 = 1.959963984540054

    /// The interval of `successes` out of `trials`; nil when there are no trials.
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0 else { return nil }
        precondition(successes >= 0 && successes <= trials, "successes outside 0 ... trials")
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        lower = successes == 0 ? 0 : max(0, center - half)
        upper = successes == trials ? 1 : min(1, center + half)
    }
}
