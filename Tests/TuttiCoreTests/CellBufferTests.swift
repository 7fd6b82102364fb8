import Testing
@testable import TuttiCore

/// The scanner's cells outgrow their buffer mid-record (a wide header, rows of empty cells,
/// which hold more cells per byte than a chunk reserves room for) without losing a cell.
@Suite struct CellBufferTests {
    @Test func growingKeepsTheCellsWritten() {
        let buffer = CellBuffer(capacity: 16)
        for index in 0..<100 {
            buffer.reserve(buffer.count + 1)
            (buffer.base + buffer.count).initialize(to: CellSpan(start: index, length: 1, tag: .plain))
            buffer.count += 1
        }
        #expect(buffer.capacity >= 100)
        #expect(buffer.cells.map(\.start) == Array(0..<100))
    }

    @Test func aWideFileOfEmptyCellsLoadsWhole() throws {
        let columns = 3_000
        let header = (0..<columns).map { "c\($0)" }.joined(separator: ",")
        let empty = String(repeating: ",", count: columns - 1)
        let marked = (0..<columns).map { $0 % 2 == 0 ? "1" : "" }.joined(separator: ",")
        let text = header + "\n" + empty + "\n" + marked + "\n" + empty + "\n"
        for chunkSize in [97, 1 << 20] {
            let dataset = try load(text, options: LoadOptions(chunkSize: chunkSize)).dataset
            #expect(dataset.columns.count == columns && dataset.rowCount == 3, "chunk size \(chunkSize)")
            #expect(dataset.columns[0].validity.count == 1 && dataset.columns[1].validity.count == 0)
            #expect(dataset.columns[columns - 1].validity.count == 0)
            #expect(dataset.columns[columns - 2].validity.count == 1)
        }
    }
}
