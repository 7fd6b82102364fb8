/// The minimum, maximum, mean and sample standard deviation of packed numbers, in two passes:
/// a compensated sum with the extremes, then the compensated sum of squared deviations from the
/// mean (corrected by the deviations' sum, which rounding leaves slightly off zero). Each pass keeps four independent
/// accumulators, one per lane of a vector, so that no step waits on the one before: a running
/// (Welford) update divides at every value and each value waits for the last, which cost about
/// five times as long on a column of ten million numbers.
struct NumericStats {
    /// The values counted, NaN included.
    private(set) var count = 0
    /// The smallest and largest value other than NaN (infinity and minus infinity when none).
    private(set) var min = Double.infinity
    private(set) var max = -Double.infinity
    private var sum = 0.0
    private var squares = 0.0
    private var nanCount = 0

    /// No values.
    init() {}

    /// The statistics of the doubles whose bit patterns are `values` (none of them NaN) and of
    /// `nanCount` NaNs besides, which make the mean and the deviation NaN.
    init(bitPatterns values: UnsafeBufferPointer<UInt64>, nanCount: Int = 0) {
        count = values.count + nanCount
        self.nanCount = nanCount
        guard let base = values.baseAddress, !values.isEmpty else { return }
        let n = values.count
        @inline(__always) func lanes(_ i: Int) -> SIMD4<Double> {
            SIMD4(Double(bitPattern: base[i]), Double(bitPattern: base[i + 1]),
                  Double(bitPattern: base[i + 2]), Double(bitPattern: base[i + 3]))
        }
        // Pass 1: extremes and a Kahan sum per lane (with a plain one beside it, for
        // infinities); the tail values fill a last vector, their extremes lane 0.
        var low = SIMD4<Double>(repeating: .infinity), high = SIMD4<Double>(repeating: -.infinity)
        var total = SIMD4<Double>(), lost = SIMD4<Double>(), plain = SIMD4<Double>()
        var i = 0
        @inline(__always) func addSum(_ v: SIMD4<Double>) {
            plain += v
            let y = v - lost
            let t = total + y
            lost = (t - total) - y
            total = t
        }
        while i + 4 <= n {
            let v = lanes(i)
            // Lane masks rather than `pointwiseMin`, which was not inlined (a call per vector).
            low.replace(with: v, where: v .< low)
            high.replace(with: v, where: v .> high)
            addSum(v)
            i += 4
        }
        var tail = SIMD4<Double>()
        while i < n {
            let value = Double(bitPattern: base[i])
            low[0] = Swift.min(low[0], value)
            high[0] = Swift.max(high[0], value)
            tail[i % 4] = value
            i += 1
        }
        addSum(tail)
        min = low.min()
        max = high.max()
        sum = Self.compensatedTotal([total[0], total[1], total[2], total[3], -lost[0], -lost[1], -lost[2], -lost[3]])
        // An infinity turns the compensation into NaN (∞ − ∞); the plain sum is then the answer
        // (±∞, or NaN for infinities of both signs).
        if !sum.isFinite { sum = plain.sum() }
        // Pass 2: squared deviations and their sum, from the mean.
        let mean = sum / Double(n)
        let center = SIMD4<Double>(repeating: mean)
        var squared = SIMD4<Double>(), squaredLost = SIMD4<Double>(), deviation = SIMD4<Double>()
        @inline(__always) func addSquares(_ d: SIMD4<Double>) {
            let y = d * d - squaredLost
            let t = squared + y
            squaredLost = (t - squared) - y
            squared = t
            deviation += d
        }
        i = 0
        while i + 4 <= n {
            addSquares(lanes(i) - center)
            i += 4
        }
        var lastDeviations = SIMD4<Double>()
        while i < n {
            lastDeviations[i % 4] = Double(bitPattern: base[i]) - mean
            i += 1
        }
        addSquares(lastDeviations)
        let drift = deviation.sum()
        let squaredTotal = Self.compensatedTotal([squared[0], squared[1], squared[2], squared[3],
                                                  -squaredLost[0], -squaredLost[1], -squaredLost[2], -squaredLost[3]])
        squares = Swift.max(squaredTotal - drift * drift / Double(n), 0)
    }

    /// Whether any value other than NaN was counted (else `min` and `max` mean nothing).
    var hasExtremes: Bool { count > nanCount }

    /// The sample standard deviation (n − 1); NaN with fewer than two values or any NaN.
    var standardDeviation: Double {
        guard nanCount == 0 else { return .nan }
        return count > 1 ? (squares / Double(count - 1)).squareRoot() : .nan
    }

    /// The mean; NaN with no values, any NaN, or infinities of both signs (±∞ with infinities
    /// of one sign).
    var mean: Double {
        guard nanCount == 0 else { return .nan }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// The sum of `terms`, compensated (Neumaier).
    private static func compensatedTotal(_ terms: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0
        for term in terms {
            let t = sum + term
            compensation += Swift.abs(sum) >= Swift.abs(term) ? (sum - t) + term : (term - t) + sum
            sum = t
        }
        return sum + compensation
    }
}
