/// Partial selection: moving the largest values to the front without sorting the rest.
enum TopSelection {
    /// Reorders `indices` (into `values`) so that its first `count` are those of the `count`
    /// largest values, ties going to the smaller index; expected time linear in the length.
    static func selectLargest(_ count: Int, of indices: inout [Int32], by values: [Double]) {
        guard count > 0, count < indices.count else { return }
        @inline(__always)
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let x = values[Int(a)], y = values[Int(b)]
            return x > y || (x == y && a < b)
        }
        var low = 0, high = indices.count - 1
        var generator = SplitMix64(seed: UInt64(indices.count))
        while low < high {
            let pivot = indices[Int.random(in: low...high, using: &generator)]
            // Three-way partition: before the pivot, equal (only the pivot itself: the order is
            // total), after.
            var lt = low, i = low, gt = high
            while i <= gt {
                let value = indices[i]
                if before(value, pivot) {
                    indices.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if before(pivot, value) {
                    indices.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if count <= lt {
                high = lt - 1
            } else if count > gt {
                low = gt + 1
            } else {
                return
            }
        }
    }
}
