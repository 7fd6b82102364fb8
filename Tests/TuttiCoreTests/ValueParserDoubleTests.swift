import Foundation
import Testing
@testable import TuttiCore

/// `parseDouble` against the C library's `strtod` (correctly rounded) on the shapes a CSV file
/// holds: short decimals (the fast path), long ones, exponents, signs and malformed text.
@Suite struct ValueParserDoubleTests {
    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { ValueParser.parseDouble($0.baseAddress!, $0.count) }
    }

    private func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    @Test(arguments: ["0", "-0", "+0", "0.0", "5.", ".5", "-.5", "53812.48", "0.302861", "3.1098",
                      "9007199254740993", "9007199254740992.5", "1234567890123456789", "12345678901234567890",
                      "0.1", "0.3", "2.2250738585072014", "4.9406564584124654", "123456.7890123456789",
                      "0.0000000000000000000000001", "1e22", "1e23", "1.5e-3", "-7E+2", "00012.50",
                      "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"])
    func matchesTheCLibrary(text: String) {
        let value = parse(text)
        #expect(value?.bitPattern == strtodValue(text).bitPattern, "\(text)")
    }

    @Test(arguments: ["", "-", "+", ".", "-.", "1.2.3", "1e", "1e+", "e5", "12a", "1,5", " 1", "--1", "0x10", "1..2"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test func shortDecimalsOfEveryScaleAreCorrectlyRounded() {
        // Integers of up to 19 digits over powers of ten up to 10^22: the fast path's domain
        // and just past it (more than 2^53, more than 22 decimals).
        var state: UInt64 = 0x1234_5678
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = String(state % 10_000_000_000_000_000_000).prefix(Int(state >> 59) + 1)
            let point = Int(state >> 40 & 31) % (digits.count + 1)
            let text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            #expect(parse(text)?.bitPattern == strtodValue(text).bitPattern, "\(text)")
        }
    }
}
