/// The rows of a score column in ascending order of their scores, made once per data and score
/// column (`ScoreThreshold.ordered()`), so that moving a threshold finds the rows whose
/// prediction changes with two binary searches: those whose score lies between the old and the
/// new cut, a contiguous run of this order. Rows without a score, or whose score is not a number,
/// are left out (no cut ever predicts them positive). Immutable; shared by the thresholds moved
/// from the one it was made for.
public final class ScoreOrder: Sendable {
    /// The scores, ascending.
    let scores: [Double]
    /// The row of each score.
    let rows: [UInt32]

    /// Orders the rows of `validity` by `values` (a radix sort of the scores' bits: linear time).
    init(values: [Double], validity: RowSet) {
        precondition(values.count <= Int(UInt32.max), "too many rows to order")
        var keys: [UInt64] = [], rows: [UInt32] = []
        keys.reserveCapacity(values.count)
        rows.reserveCapacity(values.count)
        values.withUnsafeBufferPointer { input in
            validity.forEachMember { row in
                let value = input[row]
                guard !value.isNaN else { return }
                keys.append(Self.sortKey(value))
                rows.append(UInt32(row))
            }
        }
        Self.radixSort(&keys, &rows)
        scores = keys.map(Self.value)
        self.rows = rows
    }

    /// How many rows are ordered.
    public var count: Int { rows.count }

    /// The position of the first score at least `cut` (`count` when none is).
    func firstPosition(atLeast cut: Double) -> Int {
        var low = 0, high = scores.count
        scores.withUnsafeBufferPointer { scores in
            while low < high {
                let middle = (low + high) / 2
                if scores[middle] >= cut { high = middle } else { low = middle + 1 }
            }
        }
        return low
    }

    /// The rows whose score is at least `low` and below `high`, in score order.
    func rows(from low: Double, below high: Double) -> ArraySlice<UInt32> {
        let start = firstPosition(atLeast: low)
        return rows[start..<max(start, firstPosition(atLeast: high))]
    }

    /// A key whose unsigned order is the numeric order of `value` (-0 before +0, which compare
    /// equal as cuts read them).
    private static func sortKey(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The number a key was made from.
    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    /// Sorts `keys` ascending, carrying `rows` along: four stable passes of 16 bits each.
    private static func radixSort(_ keys: inout [UInt64], _ rows: inout [UInt32]) {
        let n = keys.count
        guard n > 1 else { return }
        var keysOut = [UInt64](repeating: 0, count: n), rowsOut = [UInt32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            let digit = { (key: UInt64) in Int(truncatingIfNeeded: (key >> UInt64(shift)) & 0xFFFF) }
            counts.withUnsafeMutableBufferPointer { counts in
                for index in counts.indices { counts[index] = 0 }
                keys.withUnsafeBufferPointer { input in
                    for key in input { counts[digit(key)] &+= 1 }
                }
                guard counts[digit(keys[0])] != n else { return }
                var start = 0
                for index in counts.indices {
                    let size = counts[index]
                    counts[index] = start
                    start += size
                }
                keys.withUnsafeBufferPointer { keyInput in
                    rows.withUnsafeBufferPointer { rowInput in
                        keysOut.withUnsafeMutableBufferPointer { keyOutput in
                            rowsOut.withUnsafeMutableBufferPointer { rowOutput in
                                for index in 0..<n {
                                    let key = keyInput[index]
                                    let slot = counts[digit(key)]
                                    counts[digit(key)] = slot + 1
                                    keyOutput[slot] = key
                                    rowOutput[slot] = rowInput[index]
                                }
                            }
                        }
                    }
                }
                swap(&keys, &keysOut)
                swap(&rows, &rowsOut)
            }
        }
    }
}
