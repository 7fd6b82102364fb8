import Testing
@testable import TuttiCore

/// A categorical column of thousands of values, where the builder hashes the next row's cell
/// ahead of time, keeps every row's value: missing markers, empty quoted cells and escaped
/// quotes among them (cells whose bytes are not the value, so their hash is not reused).
@Suite struct DictionaryLookAheadTests {
    @Test func everyRowKeepsItsValue() throws {
        var lines = ["n,s,m"]
        var expected: [String?] = []
        for row in 0..<30_000 {
            let value = "value \(row * 7_919 % 3_000)"
            let cell: String
            switch row % 11 {
            case 3: cell = "NA"; expected.append(nil)
            case 5: cell = "\"\""; expected.append(nil)
            case 7: cell = "\"say \"\"\(value)\"\"\""; expected.append("say \"\(value)\"")
            case 9: cell = "\"\(value)\""; expected.append(value)
            default: cell = value; expected.append(value)
            }
            lines.append("\(row),\(cell),x")
        }
        let text = lines.joined(separator: "\n") + "\n"
        for chunkSize in [1 << 20, 65_536] {
            let data = try load(text, options: LoadOptions(chunkSize: chunkSize)).dataset
            #expect(data.column(named: "s")?.kind == .categorical, "chunk size \(chunkSize)")
            #expect(cells(data, "s") == expected, "chunk size \(chunkSize)")
        }
    }
}
