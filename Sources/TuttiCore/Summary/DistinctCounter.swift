/// Exact counts of distinct present values.
enum DistinctCounter {
    static func integers(_ values: [Int64], validity: RowSet, min: Double, max: Double) -> Int {
        guard min <= max else { return 0 }
        let span = max - min
        if span < 16_777_216 {
            // A bitmap over the range.
            let low = Int64(min)
            var seen = RowSet(rowCount: Int(span) + 1)
            values.withUnsafeBufferPointer { buffer in
                validity.forEachMember { seen.insert(Int(buffer[$0] - low)) }
            }
            return seen.count
        }
        var set = Set<Int64>(minimumCapacity: 1024)
        validity.forEachMember { set.insert(values[$0]) }
        return set.count
    }

    static func floats(_ values: [Double], validity: RowSet) -> Int {
        var set = Set<UInt64>(minimumCapacity: 1024)
        values.withUnsafeBufferPointer { buffer in
            validity.forEachMember { row in
                let value = buffer[row]
                set.insert(value == 0 ? 0 : value.bitPattern)
            }
        }
        return set.count
    }

    static func strings(_ table: StringTable, validity: RowSet) -> Int {
        var dictionary = ByteDictionary(capacity: 1024)
        table.bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            table.offsets.withUnsafeBufferPointer { offsets in
                validity.forEachMember { row in
                    _ = dictionary.code(of: base + offsets[row], offsets[row + 1] - offsets[row])
                }
            }
        }
        return dictionary.count
    }
}
