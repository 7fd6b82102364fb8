/// The dots of a Braille cell, 2 wide and 4 high, as plots address them: dot (`dx`, `dy`) with
/// `dx` 0–1 from the left and `dy` 0–3 from the top is bit `dy + 4 * dx` of a cell's mask.
/// Unicode numbers the same dots 1, 2, 3, 7 down the left and 4, 5, 6, 8 down the right.
enum BrailleDots {
    /// The mask bit of dot (`dx`, `dy`).
    @inline(__always)
    static func bit(dx: Int, dy: Int) -> UInt8 { 1 << UInt8(dy + 4 * dx) }

    /// The Unicode pattern (the offset from U+2800) of a mask.
    static func unicodeOrder(_ bits: UInt8) -> UInt8 {
        var pattern: UInt8 = 0
        for (bit, unicode) in zip(0..<8, unicodeBits) where bits & (1 << UInt8(bit)) != 0 { pattern |= unicode }
        return pattern
    }

    /// Unicode's bit for each mask bit: left column dots 1, 2, 3, 7; right column 4, 5, 6, 8.
    private static let unicodeBits: [UInt8] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]
}
