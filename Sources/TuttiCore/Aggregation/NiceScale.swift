import Foundation

/// "Nice" bin steps for histograms: 1, 2 or 5 times a power of ten.
public enum NiceScale {
    /// The nice step that cuts `span` into about `target` bins (at least 1 for integers).
    public static func step(span: Double, target: Int, integral: Bool) -> Double {
        guard span > 0, target > 0 else { return 1 }
        let raw = span / Double(target)
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        let step = nice * magnitude
        return integral ? max(1, step.rounded(.up)) : step
    }
}
