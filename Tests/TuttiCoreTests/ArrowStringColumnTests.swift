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

    /// `values` laid out as an Arrow array (nil: a missing row), read with `ArrowStringColumn.plain`.
    private func plain(_ values: [String?], large: Bool = false) throws -> StringColumnBuilder {
        var data: [UInt8] = []
        var ends = [0]
        for value in values {
            data += Array((value ?? "").utf8)
            ends.append(data.count)
        }
        let levels: [UInt8] = values.contains(nil) ? values.map { $0 == nil ? 0 : 1 } : []
        let presence = ColumnarMapping.Presence(levels: levels, presentLevel: 1, rowCount: values.count)
        let offsets: [UInt8] = large ? ends.map(Int64.init).withUnsafeBytes { Array($0) } : ends.map(Int32.init).withUnsafeBytes { Array($0) }
        return try offsets.withUnsafeBytes { offsetBytes in
            try data.withUnsafeBytes { dataBytes in
                try ArrowStringColumn.plain(offsets: offsetBytes, data: dataBytes, length: values.count, large: large, presence: presence)
            }
        }
    }

    /// The builder a CSV chunk makes of `values`, value by value.
    private func reference(_ values: [String?]) -> StringColumnBuilder {
        var builder = StringColumnBuilder(switchesWhenUnique: true)
        for value in values {
            guard var value else { builder.appendMissing(); continue }
            value.withUTF8 { builder.append($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
        }
        return builder
    }

    @Test func repeatedValuesAreCodedInPlaceAsTheValueByValueBuilderCodesThem() throws {
        // Lengths 0 to 40 (word and double-word boundaries), values sharing long prefixes or
        // differing only in their last byte, multi-byte characters, missing rows, and short
        // values at the very end of the data buffer (read byte by byte there).
        var generator = SplitMix64(seed: 11)
        let stems = ["", "a", "ab", "é", "tablet", "desktop", "United States", "United Statez", "1234567", "12345678",
                     "123456789", "0123456789abcdef", "0123456789abcdeg", "0123456789abcdef0", "naïve café crème brûlée",
                     String(repeating: "x", count: 40), String(repeating: "x", count: 39) + "y"]
        let more = (0..<200).map { "value \($0)" }
        let pool = stems + more
        var values: [String?] = (0..<5000).map { _ in
            generator.next() % 10 == 0 ? nil : pool[Int(generator.next() % UInt64(pool.count))]
        }
        values += ["a", "é", "ab"]
        for large in [false, true] {
            let coded = try plain(values, large: large)
            let expected = reference(values)
            #expect(!coded.isPlainText)
            #expect(coded.codes == expected.codes)
            #expect(coded.dictionary.entries == expected.dictionary.entries)
            #expect(rows(coded).0 == values)
            #expect(rows(coded).1 == 0)
        }
    }

    @Test func valuesThatDoNotRepeatTurnToPlainTextAsFromACSVChunk() throws {
        let values: [String?] = (0..<(StringColumnBuilder.probeRows + 10)).map { "row \($0)" }
        let coded = try plain(values)
        #expect(coded.isPlainText)
        #expect(coded.table == reference(values).table)
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
