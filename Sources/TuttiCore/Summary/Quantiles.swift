/// The median and the 5th and 95th percentiles of a set of numbers, found by selection (no
/// full sort), interpolated linearly between the nearest values as NumPy's default does.
struct Quantiles {
    let p5: Double
    let median: Double
    let p95: Double

    /// The quantiles of `values` (reordered in place); nil when there are none.
    init?(_ values: inout [Double]) {
        guard !values.isEmpty else { return nil }
        var selector = Selector(values: values)
        median = selector.quantile(0.5)
        p5 = selector.quantile(0.05)
        p95 = selector.quantile(0.95)
        values = selector.values
    }

    /// Quickselect over one array, remembering the ranks already in place so that later
    /// selections search only between them.
    private struct Selector {
        var values: [Double]
        /// Ranks known to hold their sorted value, ascending.
        private var placed: [Int] = []

        init(values: [Double]) { self.values = values }

        mutating func quantile(_ q: Double) -> Double {
            let position = Double(values.count - 1) * q
            let low = Int(position.rounded(.down))
            let lowValue = select(low)
            guard low + 1 < values.count, position > Double(low) else { return lowValue }
            let highValue = select(low + 1)
            return lowValue + (highValue - lowValue) * (position - Double(low))
        }

        /// The value of sorted rank `k`.
        private mutating func select(_ k: Int) -> Double {
            var lower = 0, upper = values.count - 1
            for rank in placed {
                if rank == k { return values[k] }
                if rank < k { lower = rank + 1 } else { upper = rank - 1; break }
            }
            values.withUnsafeMutableBufferPointer { a in
                var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(k)
                while lower < upper {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let pivot = a[lower + Int((seed >> 33) % UInt64(upper - lower + 1))]
                    // Three-way partition: < pivot, == pivot, > pivot.
                    var lt = lower, i = lower, gt = upper
                    while i <= gt {
                        if a[i] < pivot {
                            a.swapAt(lt, i); lt += 1; i += 1
                        } else if a[i] > pivot {
                            a.swapAt(i, gt); gt -= 1
                        } else {
                            i += 1
                        }
                    }
                    if k < lt { upper = lt - 1 } else if k > gt { lower = gt + 1 } else { break }
                }
            }
            let index = placed.firstIndex { $0 > k } ?? placed.count
            placed.insert(k, at: index)
            return values[k]
        }
    }
}
