import Foundation
import Testing
@testable import TuttiCore

/// The codes of a categorical column of a delimited file are written by its chunks into the
/// column's final storage (`PlacedCodes`) and turned into the column's codes where they are.
@Suite struct PlacedCodesTests {
    private func parse(_ text: String, chunkSize: Int) throws -> ParsedTable {
        let bytes = Array(text.utf8)
        let pointer = malloc(bytes.count)!
        bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        let parser = DelimitedParser(buffer: .adopting(pointer, count: bytes.count), name: "t.csv",
                                     options: LoadOptions(chunkSize: chunkSize), work: WorkContext())
        return try parser.parse(bodyStart: 0, delimiter: UInt8(ascii: ","))
    }

    @Test func theChunksCodesBecomeTheColumnWhereTheyAre() throws {
        var text = "id,kind\n"
        for row in 0..<20_000 { text += row % 11 == 4 ? "\(row),\n" : "\(row),kind \(row % 7)\n" }
        let table = try parse(text, chunkSize: 20_000)
        #expect(table.chunkRowCounts.count > 4)
        let placed = try #require(table.placed?.codes[1])
        let storage = placed.base
        let columns = try ColumnAssembler(table: table, source: "t.csv").assemble().columns
        guard case .categorical(let codes, let dictionary) = columns[1].data else {
            Issue.record("kind is \(columns[1].kind)")
            return
        }
        #expect(codes.withUnsafeBufferPointer { $0.baseAddress } == UnsafePointer(storage), "no copy")
        #expect(codes.count == 20_000)
        for row in [0, 4, 5, 19_999] {
            #expect(columns[1].isPresent(row) == (row % 11 != 4))
            if row % 11 != 4 { #expect(dictionary[Int(codes[row])] == "kind \(row % 7)") }
        }
    }

    @Test func aBuilderWithTooLittleRoomKeepsItsOwnCodes() {
        var storage = [UInt32](repeating: 0, count: 2)
        storage.withUnsafeMutableBufferPointer { room in
            var builder = StringColumnBuilder(placedCodes: room.baseAddress, placedRoom: 2)
            for word in ["a", "b", "a", "c", "b"] {
                Array(word.utf8).withUnsafeBufferPointer { builder.append($0.baseAddress!, $0.count) }
            }
            builder.appendMissing()
            #expect(builder.placedAddress == nil)
            #expect(builder.codes == [0, 1, 0, 2, 1, StringColumnBuilder.missingCode])
        }
    }
}
