import Testing
@testable import TuttiCore

/// String columns built straight from Arrow buffers: UTF-8 checked once per buffer yet each
/// value's bytes still judged on their own, missing rows, and dictionary indices checked.
@Suite struct ArrowStringColumnTests {
    /// The builder's rows as strings (nil where missing) and its count of repaired cells.
    private func rows(_ builder: StringColumnBuilder) -> ([String?], Int) {
        let entries = builder.dictionary.entries
        let rows = builder.codes.map { $0 == StringColumnBuilder.missingCode ? nil : entries[Int($0)] }
        return (rows, builder.invalidUTF8Cells)
    }

    private func plain(_ data: [UInt8], _ offsets: [Int32], levels: [UInt8] = []) throws -> StringColumnBuilder {
        let length = offsets.count - 1
        let presence = ColumnarMapping.Presence(levels: levels, presentLevel: 1, rowCount: length)
        return try offsets.withUnsafeBytes { offsetBytes in
            try data.withUnsafeBytes { dataBytes in
                try ArrowStringColumn.plain(offsets: offsetBytes, data: dataBytes, length: length, large: false, presence: presence)
            }
        }
    }

    @Test func valuesAndMissingRowsFromTheBuffers() throws {
        let data = Array("cat".utf8) + Array("dög".utf8) + Array("cat".utf8)
        let builder = try plain(data, [0, 3, 7, 7, 10], levels: [1, 1, 0, 1])
        let (values, invalid) = rows(builder)
        #expect(values == ["cat", "dög", nil, "cat"])
        #expect(invalid == 0)
        #expect(builder.dictionary.count == 2)
    }

    @Test func aValueCutInsideACharacterIsRepairedThoughTheWholeBufferIsValid() throws {
        // "é" is C3 A9: the offsets cut it between its two bytes.
        let data = Array("aé".utf8)
        let (values, invalid) = rows(try plain(data, [0, 2, 3]))
        #expect(values == ["a\u{FFFD}", "\u{FFFD}"])
        #expect(invalid == 2)
    }

    @Test func invalidBytesAreRepairedValueByValue() throws {
        let data: [UInt8] = Array("ok".utf8) + [0xFF, 0x41]
        let (values, invalid) = rows(try plain(data, [0, 2, 4]))
        #expect(values == ["ok", "\u{FFFD}A"])
        #expect(invalid == 1)
    }

    @Test func offsetsGoingBackwardsOrPastTheDataAreErrors() {
        #expect(throws: ArrowFormatError.self) { try plain(Array("abc".utf8), [0, 2, 1]) }
        #expect(throws: ArrowFormatError.self) { try plain(Array("abc".utf8), [0, 2, 9]) }
    }

    @Test func dictionaryIndicesMapThroughCodesAndAreChecked() throws {
        let (dictionary, remap, invalid) = ColumnarMapping.coded(StringTable(["x", "y", "x"]))
        let coded = ArrowDictionary.Coded(dictionary: dictionary, remap: remap, invalidUTF8Entries: invalid)
        let presence = ColumnarMapping.Presence(levels: [1, 1, 0, 1], presentLevel: 1, rowCount: 4)
        let indices: [Int16] = [2, 1, 99, 0]
        let builder = try indices.withUnsafeBytes {
            try ArrowStringColumn.coded(indices: $0, bits: 16, signed: true, length: 4, presence: presence, dictionary: coded)
        }
        #expect(rows(builder).0 == ["x", "y", nil, "x"])
        let bad: [Int16] = [0, 3, 0, 0]
        #expect(throws: ArrowFormatError.self) {
            try bad.withUnsafeBytes {
                try ArrowStringColumn.coded(indices: $0, bits: 16, signed: true, length: 4, presence: presence, dictionary: coded)
            }
        }
    }

    @Test func chunksSharingADictionaryJoinAsOneCategoricalColumn() {
        var dictionary = ByteDictionary()
        let codes: [UInt32] = ["b", "a", "b"].map { text in
            var text = text
            return text.withUTF8 { dictionary.code(of: $0.baseAddress!, $0.count) }
        }
        var pieces = (0..<3).map { _ in
            ChunkColumn(values: .strings(StringColumnBuilder(codes: codes, dictionary: dictionary, invalidUTF8Cells: 0)),
                        missingRows: [], rowCount: 3, failure: nil)
        }
        var invalid = 0
        let joined = StringColumnJoiner.join(&pieces, rowCount: 9, presentCount: 9, forceText: false, invalidUTF8Cells: &invalid)
        guard case .categorical(let joinedCodes, let entries) = joined else {
            Issue.record("not categorical")
            return
        }
        #expect(joinedCodes.map { entries[Int($0)] } == Array(repeating: ["b", "a", "b"], count: 3).flatMap { $0 })
    }
}
