import Testing
@testable import TuttiCore

/// The scanner skips unquoted fields eight bytes at a time: fields of every length around a
/// word, stop bytes at every position within a word, and carriage returns that are data.
@Suite struct CSVFieldSkippingTests {
    /// `n` letters that repeat with period 7, so no two neighbouring fields look alike.
    static func field(_ n: Int, seed: Int) -> String {
        String((0..<n).map { Character(UnicodeScalar(UInt8(97 + (seed + $0) % 7))) })
    }

    @Test(arguments: ["\n", "\r\n"])
    func fieldsOfEveryLengthAroundAWord(lineEnd: String) throws {
        var rows: [[String]] = []
        for first in 0..<19 {
            rows.append([Self.field(first, seed: first), Self.field(18 - first, seed: 3), Self.field((first * 5) % 17, seed: 1)])
        }
        let text = "a,b,c" + lineEnd + rows.map { $0.joined(separator: ",") }.joined(separator: lineEnd)
        let data = try load(text).dataset
        #expect(data.rowCount == rows.count)
        for (index, name) in ["a", "b", "c"].enumerated() {
            #expect(cells(data, name) == rows.map { $0[index].isEmpty ? nil : $0[index] }, "column \(name)")
        }
    }

    @Test func aCarriageReturnInsideAFieldOfALineFeedFileIsData() throws {
        // Always a letter after the carriage return: one right before the line feed ends the line.
        for position in 0..<12 {
            let long = Self.field(position, seed: 0) + "\r" + Self.field(12 - position, seed: 2)
            let data = try load("a,b\n\(long),x\ny,\(long)\n").dataset
            #expect(cells(data, "a") == [long, "y"], "carriage return at \(position)")
            #expect(cells(data, "b") == ["x", long], "carriage return at \(position)")
        }
    }

    @Test func theLastFieldOfAnInputWithoutALineEnd() throws {
        for length in 1..<20 {
            let last = Self.field(length, seed: 4)
            let data = try load("a;b\nshort;\(last)").dataset
            #expect(cells(data, "b") == [last], "length \(length)")
        }
    }

    @Test func stopBytesAtEveryPositionOfAWord() {
        let stops = CSVRecordScanner.StopBytes(delimiter: UInt8(ascii: "\t"))
        for stop in [UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
            for position in 0..<8 {
                // The bytes below the stop are 0x01 (the byte a borrow turns into a false alarm)
                // and the bytes above are stop bytes too: only the first may count.
                var bytes = [UInt8](repeating: 0x01, count: 8)
                for above in position..<8 { bytes[above] = stop }
                let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                let found = CSVRecordScanner.firstStop(word, delimiters: stops)
                #expect(found.trailingZeroBitCount >> 3 == position)
            }
            let none = [UInt8](repeating: 0x80 | stop, count: 8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(CSVRecordScanner.firstStop(none, delimiters: stops) == 0)
        }
    }
}
