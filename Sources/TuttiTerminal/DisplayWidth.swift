/// How many terminal cells characters take (East Asian wide characters and emoji take two).
public enum DisplayWidth {
    /// The cells one character takes: 0, 1 or 2.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.value < 0x7F { return scalar.value < 0x20 ? 0 : 1 }
        return wide(scalar.value) ? 2 : 1
    }

    /// The cells a string takes.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The cells `text` takes, counted no further than `limit`: the same cost for a huge text
    /// as for one of `limit` characters.
    public static func of(_ text: String, limit: Int) -> Int {
        var total = 0
        for character in text {
            total += of(character)
            if total >= limit { return limit }
        }
        return total
    }

    /// Whether `text` fits in `width` cells, looking no further than the first cell past them.
    public static func fits(_ text: String, _ width: Int) -> Bool {
        of(text, limit: width + 1) <= width
    }

    private static func wide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F1E6...0x1F1FF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
