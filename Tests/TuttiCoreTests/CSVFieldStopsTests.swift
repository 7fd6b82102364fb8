import CLoadKernels
import Testing
@testable import TuttiCore

/// The scanner finds unquoted fields' ends in 64-byte masks: the kernel marks exactly the
/// delimiters, line feeds and carriage returns, and tables long enough to be scanned by masks
/// (fields shorter and longer than a mask, ends on every side of a mask's edge, carriage returns
/// that are data) load to the cells a plain split gives.
@Suite struct CSVFieldStopsTests {
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|")])
    func theKernelMarksExactlyTheStopBytes(delimiter: UInt8) {
        var state: UInt64 = 99
        for _ in 0..<200 {
            let bytes: [UInt8] = (0..<64).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 58)
                return [delimiter, 0x0A, 0x0D, 0x80 | delimiter, 0x8A, 0x00, 0xFF, 0x22][pick % 8] &+ (pick >= 8 ? UInt8(pick) : 0)
            }
            var expected: UInt64 = 0
            for (index, byte) in bytes.enumerated() where byte == delimiter || byte == 0x0A || byte == 0x0D {
                expected |= 1 << UInt64(index)
            }
            #expect(bytes.withUnsafeBufferPointer { tutti_field_stops64($0.baseAddress!, delimiter) } == expected)
        }
    }

    /// Rows of `columns` random fields of 0 to `longest` letters (a to m: never a missing marker), with a carriage return inside
    /// some fields of a line-feed file (always followed by a letter, so it is data).
    private func table(rows: Int, columns: Int, longest: Int, lineEnd: String, seed: UInt64) -> [[String]] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        return (0..<rows).map { _ in
            (0..<columns).map { _ in
                var field = String((0..<next(longest + 1)).map { _ in Character(UnicodeScalar(UInt8(97 + next(13)))) })
                if lineEnd == "\n", field.count > 1, next(5) == 0 {
                    field.insert("\r", at: field.index(field.startIndex, offsetBy: next(field.count - 1) + 1))
                }
                return field
            }
        }
    }

    @Test(arguments: [("\n", 12), ("\r\n", 12), ("\n", 150), ("\r\n", 70)])
    func longTablesSplitAsAPlainSplitDoes(lineEnd: String, longest: Int) throws {
        let columns = 5
        let names = (0..<columns).map { "c\($0)" }
        let rows = table(rows: 400, columns: columns, longest: longest, lineEnd: lineEnd, seed: UInt64(longest))
        let text = names.joined(separator: ",") + lineEnd + rows.map { $0.joined(separator: ",") }.joined(separator: lineEnd) + lineEnd
        for chunkSize in [1 << 20, 4_093] {
            let data = try load(text, options: LoadOptions(textColumns: Set(names), chunkSize: chunkSize)).dataset
            #expect(data.rowCount == rows.count, "chunk size \(chunkSize)")
            for (index, name) in names.enumerated() {
                #expect(cells(data, name) == rows.map { $0[index].isEmpty ? nil : $0[index] }, "column \(name), chunk size \(chunkSize)")
            }
        }
    }

    @Test func aCarriageReturnFileLongerThanAMask() throws {
        let rows = table(rows: 60, columns: 4, longest: 40, lineEnd: "\r", seed: 7)
        let text = "a,b,c,d\r" + rows.map { $0.joined(separator: ",") }.joined(separator: "\r")
        let data = try load(text, options: LoadOptions(textColumns: ["a", "b", "c", "d"])).dataset
        #expect(data.rowCount == rows.count)
        for (index, name) in ["a", "b", "c", "d"].enumerated() {
            #expect(cells(data, name) == rows.map { $0[index].isEmpty ? nil : $0[index] }, "column \(name)")
        }
    }

    @Test func quotedFieldsAmongShortOnesInOneMask() throws {
        // Quoted fields holding a delimiter, a line feed, a carriage return and a doubled quote,
        // between unquoted fields of a few letters: several in every 64 bytes.
        let quoted = ["\"x,y\"", "\"line\nbreak\"", "\"cr\rhere\"", "\"say \"\"hi\"\"\""]
        let values = ["x,y", "line\nbreak", "cr\rhere", "say \"hi\""]
        var lines: [String] = []
        var expected: [[String]] = []
        for row in 0..<50 {
            let q = row % quoted.count
            lines.append("ab,\(quoted[q]),cd\(row)")
            expected.append(["ab", values[q], "cd\(row)"])
        }
        let data = try load("a,b,c\n" + lines.joined(separator: "\n") + "\n",
                            options: LoadOptions(textColumns: ["a", "b", "c"])).dataset
        for (index, name) in ["a", "b", "c"].enumerated() {
            #expect(cells(data, name) == expected.map { $0[index] }, "column \(name)")
        }
    }

    @Test(arguments: [61, 62, 63, 64, 65])
    func aCarriageReturnAtAMasksEdge(position: Int) throws {
        // A first field of `position` letters, so its line-ending or data carriage return falls
        // on each side of the first mask's last byte.
        let long = String(repeating: "a", count: position)
        let crlf = try load("h,i\r\n\(long),b\r\nc,d\r\n", options: LoadOptions(textColumns: ["h", "i"])).dataset
        #expect(cells(crlf, "h") == [long, "c"] && cells(crlf, "i") == ["b", "d"])
        let data = try load("h,i\n\(long)\rz,b\nc,d\r", options: LoadOptions(textColumns: ["h", "i"])).dataset
        #expect(cells(data, "h") == [long + "\rz", "c"] && cells(data, "i") == ["b", "d\r"])
    }
}
