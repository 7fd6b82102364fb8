import Foundation

/// The bin edges of the quantile and log modes (`BinMode`). Edges rise strictly, except that a
/// float column's last bin may be `[max, max]`; integral columns get whole-number edges.
enum NumericBinEdges {
    /// Quantile edges: about `target` bins of equal row counts over `sorted` (finite values in
    /// ascending order). Tied quantiles merge into one bin. The last edge is the maximum (the
    /// last bin holds it) or, for integral columns, the maximum plus 1. Nil without values.
    static func quantile(_ sorted: [Double], target: Int, integral: Bool) -> [Double]? {
        guard let low = sorted.first, let high = sorted.last else { return nil }
        var edges = [low]
        let bins = max(target, 1)
        for step in 1..<bins {
            let value = sorted[step * sorted.count / bins]
            if value > edges[edges.count - 1] { edges.append(value) }
        }
        edges.append(integral ? high + 1 : high)
        return edges
    }

    /// Log edges from `smallestPositive` to past `high`: nice steps within each decade, the
    /// finest ladder whose bins fit `target`. When `low` is not positive, a first bin from `low`
    /// up to the first positive edge holds every value that is not positive (no value lies
    /// between 0 and that edge). Nil when no value is positive.
    static func log(low: Double, smallestPositive: Double?, high: Double, target: Int, integral: Bool) -> [Double]? {
        guard let positive = smallestPositive, positive > 0, high >= positive else { return nil }
        let room = max(1, target - (low <= 0 ? 1 : 0))
        let firstDecade = Int(floor(log10(positive))), lastDecade = Int(floor(log10(high)))
        var edges: [Double] = []
        for ladder in ladders {
            edges = positiveEdges(ladder, decadeStride: 1, from: firstDecade, to: lastDecade, positive: positive, high: high,
                                  integral: integral)
            if edges.count - 1 <= room { break }
        }
        if edges.count - 1 > room {
            // More decades than bins: one bin per several decades.
            let stride = Int((Double(lastDecade - firstDecade + 1) / Double(room)).rounded(.up))
            edges = positiveEdges([10], decadeStride: stride, from: firstDecade, to: lastDecade, positive: positive,
                                  high: high, integral: integral)
        }
        return low <= 0 ? [low] + edges : edges
    }

    /// Steps within a decade, in tenths of its power of ten (finest first): so 6.3 × 10³ is
    /// computed as 63 × 10², exactly.
    private static let ladders: [[Double]] = [
        [10, 12.5, 16, 20, 25, 32, 40, 50, 63, 80], [10, 15, 25, 40, 60], [10, 20, 50], [10, 30], [10],
    ]

    /// The ladder's values from the last one at or below `positive` to the first one past
    /// `high` (at `high` for floats, whose last bin holds its upper edge).
    private static func positiveEdges(_ ladder: [Double], decadeStride: Int, from firstDecade: Int, to lastDecade: Int,
                                      positive: Double, high: Double, integral: Bool) -> [Double] {
        var candidates: [Double] = []
        var decade = Int((Double(firstDecade) / Double(decadeStride)).rounded(.down)) * decadeStride
        while decade <= lastDecade + decadeStride {
            for tenths in ladder {
                let exponent = decade - 1
                var value = exponent >= 0 ? tenths * pow(10, Double(exponent)) : tenths / pow(10, Double(-exponent))
                if integral { value = value.rounded(.up) }
                if candidates.last.map({ value > $0 }) ?? true { candidates.append(value) }
            }
            decade += decadeStride
        }
        let start = candidates.lastIndex { $0 <= positive } ?? 0
        let end = candidates.firstIndex { integral ? $0 > high : $0 >= high } ?? candidates.count - 1
        return Array(candidates[start...max(end, start + 1)])
    }
}
