import Synchronization
import Testing
@testable import TuttiCore

/// A column that one chunk typed as numbers and another as strings is read again as strings;
/// the chunk is read once for all such columns, not once per column (a file of 50,000 columns
/// took half a minute), and every value comes out right.
@Suite struct StringRereadTests {
    @Test func aChunkIsReadAgainOnceForAllItsColumns() throws {
        let columns = 300
        let grid = ChunkGrid(chunkCount: 2, columnCount: columns)
        var word = StringColumnBuilder()
        "x".utf8CString.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt8.self) { word.append($0.baseAddress!, 1) } }
        for column in 0..<columns {
            grid.put(ChunkColumn(values: .integer([Int64(column)]), missingRows: [], rowCount: 1, failure: nil), chunk: 0, column: column)
            grid.put(ChunkColumn(values: .strings(word), missingRows: [], rowCount: 1, failure: nil), chunk: 1, column: column)
        }
        let reads = Mutex<[[Int]]>([])
        let table = ParsedTable(
            names: (0..<columns).map { "c\($0)" }, chunkRowCounts: [1, 1], grid: grid, textColumns: [],
            reparseAsStrings: { chunk, asked in
                reads.withLock { $0.append([chunk] + asked) }
                return asked.map { column in
                    var builder = StringColumnBuilder()
                    let text = Array(String(column).utf8)
                    text.withUnsafeBufferPointer { builder.append($0.baseAddress!, $0.count) }
                    return ChunkColumn(values: .strings(builder), missingRows: [], rowCount: 1, failure: nil)
                }
            },
            lineOfRow: { _, row in row + 2 }, warnings: [])
        let assembled = try ColumnAssembler(table: table, source: "wide.csv").assemble()
        let calls = reads.withLock { $0 }
        #expect(calls.count == 1)
        #expect(calls.first == [0] + Array(0..<columns))
        for column in [0, 7, columns - 1] {
            #expect(assembled.columns[column].text(at: 0) == String(column))
            #expect(assembled.columns[column].text(at: 1) == "x")
        }
    }

    @Test func aWideFileOfMixedChunksLoadsRight() throws {
        let columns = 2_000
        let header = (0..<columns).map { "c\($0)" }.joined(separator: ",")
        let numbers = (0..<columns).map { String($0) }.joined(separator: ",")
        let words = (0..<columns).map { "w\($0)" }.joined(separator: ",")
        let text = header + "\n" + numbers + "\n" + words + "\n" + numbers + "\n"
        // Chunks of 97 bytes: the rows land in different chunks, typed apart.
        let dataset = try load(text, options: LoadOptions(chunkSize: 97)).dataset
        for column in [0, 999, columns - 1] {
            #expect(cells(dataset, "c\(column)") == [String(column), "w\(column)", String(column)])
        }
    }
}
