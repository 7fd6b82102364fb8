import Testing
@testable import TuttiCore

/// A chunk whose first values are nearly all distinct keeps them as a plain table instead of a
/// dictionary; whether the column is categorical is still decided over the whole column.
@Suite struct UniqueTextChunkTests {
    @Test func aBuilderTurnsPlainAfterItsProbeWhenValuesAreUnique() {
        var unique = StringColumnBuilder(switchesWhenUnique: true)
        var repeating = StringColumnBuilder(switchesWhenUnique: true)
        var plainOff = StringColumnBuilder()
        for row in 0..<StringColumnBuilder.probeRows {
            var text = "value \(row)"
            text.withUTF8 { unique.append($0.baseAddress!, $0.count) }
            text.withUTF8 { plainOff.append($0.baseAddress!, $0.count) }
            var again = "value \(row % 1_000)"
            again.withUTF8 { repeating.append($0.baseAddress!, $0.count) }
        }
        #expect(unique.isPlainText)
        #expect(!unique.exceedsCategories)
        #expect(!repeating.isPlainText)
        #expect(!plainOff.isPlainText)
        #expect(unique.rowCount == StringColumnBuilder.probeRows)
    }

    /// 5,000 values, each distinct within the first chunk, then repeated: categorical, with
    /// missing cells and (in JSON Lines) a present empty string kept apart.
    @Test func uniqueFirstValuesThatRepeatLaterStayCategorical() throws {
        var csv = "s\n"
        var jsonl = ""
        var expected: [String?] = []
        for _ in 0..<6 {
            for value in 0..<5_000 {
                if value % 101 == 7 {
                    csv += "NA\n"
                    jsonl += "{\"s\": null}\n"
                    expected.append(nil)
                } else if value % 101 == 9 {
                    csv += "\"\"\n"
                    jsonl += "{\"s\": \"\"}\n"
                    expected.append(nil)
                } else {
                    csv += "v\(value)\n"
                    jsonl += "{\"s\": \"v\(value)\"}\n"
                    expected.append("v\(value)")
                }
            }
        }
        for chunkSize in [4_096, 65_536, 1 << 30] {
            let fromCSV = try load(csv, options: LoadOptions(chunkSize: chunkSize)).dataset
            #expect(fromCSV.column(named: "s")?.kind == .categorical, "chunk size \(chunkSize)")
            #expect(cells(fromCSV, "s") == expected)
            let fromJSON = try load(jsonl, name: "t.jsonl", options: LoadOptions(chunkSize: chunkSize)).dataset
            let column = try #require(fromJSON.column(named: "s"))
            #expect(column.kind == .categorical, "chunk size \(chunkSize)")
            // The empty string is a value in JSON Lines, null is missing.
            #expect(column.isPresent(9) && column.text(at: 9) == "")
            #expect(!column.isPresent(7))
            #expect(column.text(at: 10) == "v10")
        }
    }

    @Test func uniqueValuesStayTextWhateverTheChunks() throws {
        var text = "t\n"
        for row in 0..<20_000 { text += "words of row \(row)\n" }
        for chunkSize in [4_096, 1 << 30] {
            let data = try load(text, options: LoadOptions(chunkSize: chunkSize)).dataset
            #expect(data.column(named: "t")?.kind == .text)
            #expect(cells(data, "t").last == "words of row 19999")
        }
    }
}
