#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Orders rows by a column's values: numbers numerically, categories and text by their UTF-8
/// bytes, missing values last in both directions; ties keep row order (stable).
public enum RowOrdering {
    /// `rows` sorted by `column`.
    public static func sorted(_ rows: [Int], by column: Column, ascending: Bool) -> [Int] {
        let validity = column.validity
        let present = rows.filter { validity.contains($0) }
        let missing = rows.filter { !validity.contains($0) }
        var ordered: [Int]
        switch column.data {
        case .integer(let values), .datetime(let values):
            ordered = stableSort(present, ascending) { values[$0] < values[$1] }
        case .float(let values):
            ordered = stableSort(present, ascending) { values[$0] < values[$1] }
        case .boolean(let values):
            ordered = stableSort(present, ascending) { !values[$0] && values[$1] }
        case .categorical(let codes, let dictionary):
            let rank = ranks(of: dictionary)
            ordered = stableSort(present, ascending) { rank[Int(codes[$0])] < rank[Int(codes[$1])] }
        case .text(let table):
            ordered = stableSort(present, ascending) { compare(table, $0, $1) < 0 }
        case .vector:
            ordered = present
        }
        return ordered + missing
    }

    private static func stableSort(_ rows: [Int], _ ascending: Bool, _ less: (Int, Int) -> Bool) -> [Int] {
        rows.sorted { a, b in
            if ascending ? less(a, b) : less(b, a) { return true }
            if ascending ? less(b, a) : less(a, b) { return false }
            return a < b
        }
    }

    /// Each dictionary entry's position in byte order.
    static func ranks(of dictionary: StringTable) -> [Int] {
        let order = (0..<dictionary.count).sorted { compare(dictionary, $0, $1) < 0 }
        var rank = [Int](repeating: 0, count: dictionary.count + 1)
        for (position, code) in order.enumerated() { rank[code] = position }
        return rank
    }

    private static func compare(_ table: StringTable, _ a: Int, _ b: Int) -> Int {
        table.withBytes(at: a) { left in
            table.withBytes(at: b) { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let result = memcmp(l, r, common)
                    if result != 0 { return Int(result) }
                }
                return left.count - right.count
            }
        }
    }
}
