/// Counting of categorical codes.
public enum CategoryCounts {
    /// Rows per code: `result[c]` for code `c < categories`, and `result[categories]` for
    /// missing rows (missing cells hold code `categories`).
    public static func count(codes: [UInt32], categories: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: categories + 1)
        counts.withUnsafeMutableBufferPointer { out in
            codes.withUnsafeBufferPointer { input in
                for code in input { out[Int(code)] &+= 1 }
            }
        }
        return counts
    }
}
