/// Text as near-duplicate search sees it: normalised, then cut into overlapping shingles.
///
/// Normalising lowercases letters, turns punctuation, symbols and whitespace into word breaks
/// and keeps one space per break, none at the ends: `"Great  product!!"` and `"great product"`
/// are the same text. ASCII goes through a fast path; other text through Unicode properties.
///
/// Shingles are the character 5-grams of the normalised UTF-8 (byte 5-grams: for text outside
/// ASCII a shingle may cut a character), each packed exactly into 40 bits of a `UInt64`, so
/// shingle sets hold the grams themselves, not hashes. A text shorter than five bytes is one
/// shingle of its own. Character grams suit the short texts of evaluation tables (reviews,
/// queries, titles), where word 3-grams would leave only a handful of shingles per text.
enum TextShingles {
    /// Shingle length in bytes.
    static let length = 5

    /// Appends the normalised form of `text` to `output`.
    static func normalize(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var pendingBreak = false
        let start = output.count
        for byte in text {
            if byte >= 0x80 {
                output.removeSubrange(start...)
                normalizeUnicode(text, into: &output)
                return
            }
            let isLetter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            if isLetter || (byte >= 0x30 && byte <= 0x39) {
                if pendingBreak, output.count > start { output.append(0x20) }
                pendingBreak = false
                output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else {
                pendingBreak = true
            }
        }
    }

    private static func normalizeUnicode(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var pendingBreak = false
        let start = output.count
        var lowered = String(decoding: text, as: UTF8.self).lowercased()
        lowered.makeContiguousUTF8()
        for scalar in lowered.unicodeScalars {
            let properties = scalar.properties
            let keep: Bool
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                keep = true
            default:
                keep = false
            }
            if keep {
                if pendingBreak, output.count > start { output.append(0x20) }
                pendingBreak = false
                output.append(contentsOf: String(scalar).utf8)
            } else {
                pendingBreak = true
            }
        }
    }

    /// Appends the sorted, distinct shingles of normalised (non-empty) text to `output`.
    static func shingles(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt64]) {
        let start = output.count
        if text.count < length {
            var packed = UInt64(text.count) << 40
            for (index, byte) in text.enumerated() { packed |= UInt64(byte) << UInt64(8 * index) }
            output.append(packed)
            return
        }
        var gram: UInt64 = 0
        for index in 0..<text.count {
            gram = ((gram << 8) | UInt64(text[index])) & 0xFF_FFFF_FFFF
            if index >= length - 1 { output.append(gram) }
        }
        output[start...].sort()
        var write = start + 1
        for read in (start + 1)..<output.count where output[read] != output[write - 1] {
            output[write] = output[read]
            write += 1
        }
        output.removeSubrange(write...)
    }

    /// The Jaccard similarity of two sorted, distinct shingle sets, or nil when it is below
    /// `threshold`. Sets whose sizes alone rule it out are not compared, and the comparison stops
    /// as soon as too many shingles of either set went unmatched.
    static func jaccard(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, threshold: Double) -> Double? {
        let small = min(a.count, b.count), large = max(a.count, b.count)
        guard Double(small) >= threshold * Double(large) else { return nil }
        // J = c / (|a| + |b| − c) ≥ t  ⇔  c ≥ t (|a| + |b|) / (1 + t); rounding errs on the low side
        // (the final test decides).
        let needed = Int((threshold * Double(a.count + b.count) / (1 + threshold) - 1e-9).rounded(.up))
        let missesA = a.count - needed, missesB = b.count - needed
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            let x = a[i], y = b[j]
            if x == y {
                common &+= 1
                i &+= 1
                j &+= 1
            } else if x < y {
                i &+= 1
                if i &- common > missesA { return nil }
            } else {
                j &+= 1
                if j &- common > missesB { return nil }
            }
        }
        let similarity = Double(common) / Double(a.count + b.count - common)
        return similarity >= threshold ? similarity : nil
    }
}
