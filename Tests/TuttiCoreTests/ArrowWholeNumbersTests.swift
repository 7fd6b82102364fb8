import Foundation
import Testing
@testable import TuttiCore

/// Integer and float fields of an Arrow file are read straight into one column of all the file's
/// rows (each batch writing its own slice), which the assembler takes without a copy.
@Suite struct ArrowWholeNumbersTests {
    /// The parsed table of a fixture, before the assembler joins it.
    private func parsed(_ fixture: String, options: LoadOptions = LoadOptions()) throws -> ParsedTable {
        let path = ArrowReaderTests.fixture(fixture)
        let buffer = try InputReader.open(path, name: fixture, options: options, work: WorkContext())
        return try ArrowReader(buffer: buffer, name: fixture, options: options, work: WorkContext()).parse()
    }

    @Test func numbersOfEveryBatchAreOneColumnWithTheFilesRowNumbers() throws {
        for fixture in ["pyarrow.arrow", "pyarrow_zstd.arrows", "pyarrow_lz4.feather"] {
            let table = try parsed(fixture)
            #expect(table.chunkRowCounts.count > 1, "\(fixture) has one batch")
            let wholeNames = Set(table.wholeColumns.keys.map { table.names[$0] })
            #expect(wholeNames.isSuperset(of: ["id", "i32", "score", "small", "u16", "u32", "f32", "label", "text"]))
            #expect(wholeNames.isDisjoint(with: ["flag", "emb", "half", "day"]))
            let i32 = try #require(table.names.firstIndex(of: "i32").flatMap { table.wholeColumns[$0] })
            #expect(i32.rowCount == 300)
            let sevens: [Int32] = (0..<300).filter { $0 % 7 == 0 }.map { Int32($0) }
            #expect(i32.missingRows == sevens)
            guard case .integer(let values) = i32.values else {
                Issue.record("i32 is not an integer column in \(fixture)")
                continue
            }
            let expected: [Int64] = (0..<300).map { (row: Int) -> Int64 in row % 7 == 0 ? 0 : Int64(row * 3 - 400) }
            #expect(values == expected)
        }
    }

    @Test func plainStringsOfEveryBatchAreCodedIntoOneDictionary() throws {
        let table = try parsed("pyarrow.arrow")
        let label = try #require(table.names.firstIndex(of: "label").flatMap { table.wholeColumns[$0] })
        let seventeens: [Int32] = (0..<300).filter { $0 % 17 == 0 }.map { Int32($0) }
        #expect(label.missingRows == seventeens)
        guard case .strings(let builder) = label.values else {
            Issue.record("label is not a string column")
            return
        }
        let entries = builder.dictionary.entries
        let labels = ["cat", "dog", "bird"]
        let cells: [String?] = builder.codes.map { $0 == StringColumnBuilder.missingCode ? nil : entries[Int($0)] }
        let expected: [String?] = (0..<300).map { (row: Int) -> String? in row % 17 == 0 ? nil : labels[row % 3] }
        #expect(cells == expected)
        #expect(entries.count == 3)
        // 64-bit offsets (large_string) too.
        let extras = try parsed("extras.arrow")
        #expect(extras.names.firstIndex(of: "big").flatMap { extras.wholeColumns[$0] } != nil)
    }

    @Test func oneCoderCodesArraysInTurnAsOneBuilderCodesTheirValues() {
        let first = ["b", "a", "b", "naïve café crème", "a"], second = ["c", "a", "naïve café crème", "b"]
        var coder = ArrowStringCoder()
        var codes = [UInt32](repeating: 0, count: first.count + second.count)
        var start = 0
        for values in [first, second] {
            let data = Array(values.joined().utf8)
            var offsets: [Int32] = [0]
            for value in values { offsets.append(offsets.last! + Int32(value.utf8.count)) }
            let coded = offsets.withUnsafeBytes { offsetBytes in
                data.withUnsafeBufferPointer { bytes in
                    codes.withUnsafeMutableBufferPointer { out in
                        coder.code(offsets: offsetBytes, as: Int32.self, data: bytes.baseAddress!, dataCount: bytes.count,
                                   length: values.count, last: bytes.count,
                                   presence: ColumnarMapping.Presence(levels: [], presentLevel: 1, rowCount: values.count),
                                   into: out.baseAddress! + start)
                    }
                }
            }
            #expect(coded)
            start += values.count
        }
        var reference = StringColumnBuilder()
        for var value in first + second { value.withUTF8 { reference.append($0.baseAddress!, $0.count) } }
        #expect(codes == reference.codes)
        #expect(coder.dictionary().entries == reference.dictionary.entries)
    }

    @Test func columnsKeptAsTextAreDecodedPerBatch() throws {
        let table = try parsed("pyarrow.arrow", options: LoadOptions(textColumns: ["i32"]))
        let i32 = try #require(table.names.firstIndex(of: "i32"))
        #expect(table.wholeColumns[i32] == nil)
        #expect(table.wholeColumns[try #require(table.names.firstIndex(of: "id"))] != nil)
    }

    @Test func theAssemblerTakesAWholeColumnAsItIs() throws {
        let values: [Int64] = [7, 0, 9, 11]
        let grid = ChunkGrid(chunkCount: 2, columnCount: 1)
        var table = ParsedTable(names: ["n"], chunkRowCounts: [2, 2], grid: grid, textColumns: [],
                                reparseAsStrings: { _, asked in asked.map { _ in ChunkColumn(values: .allMissing, missingRows: [], rowCount: 2, failure: nil) } },
                                lineOfRow: { chunk, row in chunk * 2 + row + 1 }, warnings: [])
        table.wholeColumns[0] = ChunkColumn(values: .integer(values), missingRows: [1], rowCount: 4, failure: nil)
        let column = try #require(try ColumnAssembler(table: table, source: "t").assemble().columns.first)
        guard case .integer(let assembled) = column.data else {
            Issue.record("not an integer column")
            return
        }
        #expect(assembled == values)
        #expect(!column.isPresent(1) && column.isPresent(2))
        let sameStorage = assembled.withUnsafeBufferPointer { a in values.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(sameStorage)
    }

    @Test func missingRowsFromABitmapOfAnyLength() throws {
        // Rows 1 and 3 missing, then row 9; the zero bits past row 9 are padding, not missing rows.
        let bitmap: [UInt8] = [0b1111_0101, 0b0000_0001]
        let rows = try bitmap.withUnsafeBytes {
            try ArrowNumberColumn.missingRows(validity: $0, length: 10, nullCount: 3, firstRow: 100)
        }
        #expect(rows == [101, 103, 109])
        let none = try bitmap.withUnsafeBytes { try ArrowNumberColumn.missingRows(validity: $0, length: 10, nullCount: 0, firstRow: 0) }
        #expect(none.isEmpty)
        #expect(throws: ArrowFormatError.self) {
            try bitmap.withUnsafeBytes { try ArrowNumberColumn.missingRows(validity: $0, length: 17, nullCount: 1, firstRow: 0) }
        }
    }
}
