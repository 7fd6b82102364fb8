import Testing
@testable import TuttiCore

/// The dictionary compares short strings in overlapping words: a string that differs from an
/// entry in any one byte, at any length, gets its own code, and an equal one the entry's.
@Suite struct ByteDictionaryEqualityTests {
    @Test func aByteChangedAnywhereMakesANewValue() {
        for length in 1...40 {
            var dictionary = ByteDictionary()
            let base = (0..<length).map { UInt8(97 + $0 % 26) }
            let first = base.withUnsafeBufferPointer { dictionary.code(of: $0.baseAddress!, $0.count) }
            for position in 0..<length {
                var changed = base
                changed[position] ^= 0x20
                let code = changed.withUnsafeBufferPointer { dictionary.code(of: $0.baseAddress!, $0.count) }
                #expect(code == UInt32(position + 1), "length \(length), byte \(position)")
            }
            let again = base.withUnsafeBufferPointer { dictionary.code(of: $0.baseAddress!, $0.count) }
            #expect(again == first && dictionary.count == length + 1, "length \(length)")
        }
    }

    @Test func aPrefixIsAnotherValue() {
        var dictionary = ByteDictionary()
        let text = Array("United States of America".utf8)
        for length in 1...text.count {
            let code = text.withUnsafeBufferPointer { dictionary.code(of: $0.baseAddress!, length) }
            #expect(code == UInt32(length - 1))
        }
    }
}
