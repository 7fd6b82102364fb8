import Foundation
import Testing
@testable import TuttiCore

/// Text columns of a delimited file are appended chunk after chunk in input order
/// (`OrderedTextColumn`): pieces that finish early wait for their predecessors, a chunk that
/// cannot hand its piece over stops the appending and every later chunk keeps its rows, and the
/// tables handed over are reused, emptied, by later chunks.
@Suite struct OrderedTextColumnTests {
    private func piece(_ values: [String?], invalid: Int = 0) -> ChunkColumn {
        var table = StringTable()
        var missing: [Int32] = []
        for (row, value) in values.enumerated() {
            if let value { table.append(value) } else {
                table.append(UnsafeBufferPointer(start: nil, count: 0))
                missing.append(Int32(row))
            }
        }
        let builder = StringColumnBuilder(plain: table, invalidUTF8Cells: invalid, exceedsCategories: false)
        return ChunkColumn(values: .strings(builder), missingRows: missing, rowCount: values.count, failure: nil)
    }

    private func texts(_ piece: ChunkColumn) -> [String] {
        guard case .strings(let builder) = piece.values, let table = builder.table else { return [] }
        return (0..<table.count).map { table[$0] }
    }

    @Test func piecesHandedOverOutOfOrderAreAppendedInOrder() {
        let column = OrderedTextColumn(rows: 16, byteCount: 64)
        var grid = [piece(["a", nil]), piece(["b"], invalid: 2), .init(values: .allMissing, missingRows: [0, 1], rowCount: 2, failure: nil),
                    piece(["c", "d"], invalid: 1)]
        for chunk in [2, 3, 1, 0] { column.handOver(&grid[chunk], chunk: chunk) }
        let handedOver = grid.allSatisfy(\.handedOver)
        let kept = grid.map { texts($0).count }
        #expect(handedOver)
        #expect(kept == [0, 0, 0, 0], "the grid keeps no rows")
        let joined = column.joinedPieces(grid)
        #expect(joined.count == 1)
        #expect(texts(joined[0]) == ["a", "", "b", "", "", "c", "d"])
        #expect(joined[0].missingRows == [1, 3, 4])
        #expect(joined[0].rowCount == 7)
        if case .strings(let builder) = joined[0].values { #expect(builder.invalidUTF8Cells == 3) }
    }

    @Test func aChunkThatCannotHandOverStopsTheLaterOnes() {
        let column = OrderedTextColumn(rows: 16, byteCount: 64)
        var grid = [piece(["a"]), .init(values: .integer([7]), missingRows: [], rowCount: 1, failure: nil),
                    piece(["c"], invalid: 1), piece(["d"])]
        column.handOver(&grid[0], chunk: 0)
        column.handOver(&grid[2], chunk: 2)
        #expect(grid[2].handedOver, "it waits for chunk 1")
        column.handOver(&grid[1], chunk: 1)
        column.handOver(&grid[3], chunk: 3)
        #expect(!grid[1].handedOver && !grid[3].handedOver)
        #expect(texts(grid[3]) == ["d"], "a chunk after the stop keeps its rows")
        let joined = column.joinedPieces(grid)
        #expect(joined.count == 4)
        #expect(texts(joined[0]) == ["a"])
        if case .integer(let values) = joined[1].values { #expect(values == [7]) } else { Issue.record("chunk 1 changed") }
        #expect(texts(joined[2]) == ["c"], "the waiting piece gets its rows back")
        #expect(!joined[2].handedOver)
        if case .strings(let builder) = joined[2].values { #expect(builder.invalidUTF8Cells == 1) }
        #expect(texts(joined[3]) == ["d"])
    }

    @Test func aChunkWhoseStartWasWrongStopsTheAppending() {
        let column = OrderedTextColumn(rows: 16, byteCount: 64)
        var grid = [piece(["a"]), piece(["b"]), piece(["c"])]
        column.handOver(&grid[0], chunk: 0)
        column.stop(at: 1)
        column.handOver(&grid[2], chunk: 2)
        let joined = column.joinedPieces(grid)
        #expect(joined.map(texts) == [["a"], ["b"], ["c"]])
    }

    @Test func anAppendedTableIsReusedEmptied() {
        let column = OrderedTextColumn(rows: 1_000, byteCount: 10_000)
        var first = piece((0..<100).map { "value \($0)" })
        // Looked at in a closure, so that the test holds no second reference to the table.
        let (address, room) = { () -> (UnsafePointer<UInt8>?, Int) in
            guard case .strings(let builder) = first.values, let table = builder.table else { return (nil, 0) }
            return (table.bytes.withUnsafeBufferPointer { $0.baseAddress }, table.bytes.capacity)
        }()
        column.handOver(&first, chunk: 0)
        let reused = column.plainTables.take()
        #expect(reused?.count == 0)
        #expect(reused?.bytes.withUnsafeBufferPointer { $0.baseAddress } == address, "the same memory, not a copy")
        #expect((reused?.bytes.capacity ?? 0) >= room)
    }

    /// A file of many chunks with a column of unique text (handed over), a record with a quoted
    /// line break (its chunk starts wrong and is read again), stretches where the text column and
    /// a categorical column (its codes written in place) hold only numbers (those chunks type them
    /// as integers): the same table as one chunk.
    @Test func aFileOfManyChunksGivesTheSameTableAsOne() throws {
        // Chunks of 100–300 KB hold more rows than a builder looks at before it turns plain.
        var text = "id,text,kind\n"
        for row in 0..<60_000 {
            let cell: String
            switch row {
            // Quoted line breaks early in long cells: a chunk cut there starts wrong.
            case 10_000..<12_000: cell = "\"a\nquoted line break in a long cell of row \(row), and more words after it\""
            case 35_000..<55_000: cell = String(row * 7)
            case _ where row % 17 == 3: cell = ""
            default: cell = "words for row \(row) of \(row % 13)"
            }
            // The categorical column's codes are written in place; its numeric stretch is read again.
            let kind = (42_000..<47_000).contains(row) ? "\(row % 3)" : "k\(row % 3)"
            text += "\(row),\(cell),\(kind)\n"
        }
        let parsed = try parseDelimited(text, chunkSize: 150_001)
        let appended = try #require(parsed.placed?.texts[1]).appendedChunks
        #expect(appended >= 2, "the text column is handed over")
        #expect(appended < parsed.chunkRowCounts.count, "and stopped where a chunk typed it as numbers")
        let whole = try load(text, options: LoadOptions(chunkSize: 1 << 30)).dataset
        for chunkSize in [100_000, 150_001, 300_000] {
            let chunked = try load(text, options: LoadOptions(chunkSize: chunkSize)).dataset
            #expect(chunked.columns == whole.columns, "chunk size \(chunkSize)")
        }
        #expect(whole.column(named: "text")?.kind == .text)
        #expect(whole.column(named: "kind")?.kind == .categorical)
        #expect(cells(whole, "kind")[42_001] == "1")
        #expect(cells(whole, "text")[40_001] == String(40_001 * 7))
        #expect(cells(whole, "text")[10_001]?.hasPrefix("a\nquoted") == true)
        #expect(cells(whole, "text")[3] == nil)
    }

    @Test func theParserHandsAPlainColumnOver() throws {
        var text = "id,text\n"
        for row in 0..<40_000 { text += "\(row),unique words \(row)\n" }
        let table = try parseDelimited(text, chunkSize: 150_000)
        #expect(table.chunkRowCounts.count > 4)
        #expect(table.placed?.texts[1]?.appendedChunks == table.chunkRowCounts.count, "every chunk is appended in order")
        #expect(table.placed?.texts[0] == nil)
        let assembled = try ColumnAssembler(table: table, source: "t.csv").assemble()
        #expect(assembled.columns[1].text(at: 39_999) == "unique words 39999")
    }
}
