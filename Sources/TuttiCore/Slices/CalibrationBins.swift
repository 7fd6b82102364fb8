/// A binary score's reliability over some rows: the score range 0–1 cut into `binCount`
/// equal-width bins, and per bin the rows, their mean score and the share of them whose label
/// is positive. Bin `k` holds scores in [k/10, (k+1)/10), the last bin 1 too; scores below 0
/// count in the first bin and above 1 in the last, NaN in none.
public struct CalibrationBins: Sendable, Equatable {
    /// The number of bins.
    public static let binCount = 10
    /// Rows per bin.
    public private(set) var counts = [Int](repeating: 0, count: binCount)
    /// The sum of the scores per bin.
    public private(set) var scoreSums = [Double](repeating: 0, count: binCount)
    /// Rows with a positive label per bin.
    public private(set) var positives = [Int](repeating: 0, count: binCount)

    /// No rows.
    public init() {}

    /// Bins of the given rows, score sums and positive rows (`binCount` each).
    init(counts: [Int], scoreSums: [Double], positives: [Int]) {
        precondition(counts.count == Self.binCount && scoreSums.count == Self.binCount && positives.count == Self.binCount,
                     "one count per bin")
        self.counts = counts
        self.scoreSums = scoreSums
        self.positives = positives
    }

    /// The bin of `score`, nil for NaN.
    @inline(__always)
    public static func bin(of score: Double) -> Int? {
        guard !score.isNaN else { return nil }
        return Int(min(max(score * Double(binCount), 0), Double(binCount - 1)))
    }

    /// Counts a row with `score` and a label that is `positive` or not.
    @inline(__always)
    public mutating func add(score: Double, positive: Bool) {
        guard let bin = Self.bin(of: score) else { return }
        counts[bin] += 1
        scoreSums[bin] += score
        if positive { positives[bin] += 1 }
    }

    /// Adds the rows counted by `other` (of other rows).
    public mutating func merge(_ other: CalibrationBins) {
        for k in 0..<Self.binCount {
            counts[k] += other.counts[k]
            scoreSums[k] += other.scoreSums[k]
            positives[k] += other.positives[k]
        }
    }

    /// The mean score of bin `k` (nil when empty).
    public func meanScore(_ k: Int) -> Double? { counts[k] > 0 ? scoreSums[k] / Double(counts[k]) : nil }

    /// The share of positive labels in bin `k` (nil when empty).
    public func positiveRate(_ k: Int) -> Double? { counts[k] > 0 ? Double(positives[k]) / Double(counts[k]) : nil }

    /// The expected calibration error: the mean over bins of |positive share − mean score|,
    /// weighted by the bin's rows; nil without rows.
    public var expectedError: Double? {
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        var sum = 0.0
        for k in 0..<Self.binCount where counts[k] > 0 {
            sum += abs(Double(positives[k]) - scoreSums[k])
        }
        return sum / Double(total)
    }
}
