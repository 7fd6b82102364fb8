/// Substring search in UTF-8 bytes that ignores the case of the letters A–Z (other bytes
/// compare exactly), for searching cells without making a `String` of each.
enum CaseFoldedBytes {
    /// `byte` with A–Z turned into a–z.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    /// `text` folded (for a needle).
    static func fold(_ text: String) -> [UInt8] { text.utf8.map(fold) }

    /// Calls `body` with the decimal digits of `value` (and its sign), written on the stack.
    static func decimal(_ value: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = value.magnitude
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = 45
            }
            return body(UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// Whether `haystack` contains `needle` (already folded), ignoring the case of A–Z.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, folded needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = needle.count
        guard length > 0 else { return true }
        guard haystack.count >= length else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - length) where fold(haystack[start]) == first {
            var matched = 1
            while matched < length && fold(haystack[start + matched]) == needle[matched] { matched += 1 }
            if matched == length { return true }
        }
        return false
    }
}
