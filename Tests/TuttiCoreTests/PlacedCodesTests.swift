import Foundation
import Testing
@testable import TuttiCore

/// The codes of a categorical column of a delimited file are written by its chunks into the
/// column's final storage (`PlacedCodes`) and turned into the column's codes where they are.
@Suite struct PlacedCodesTests {
    @Test func theChunksCodesBecomeTheColumnWhereTheyAre() throws {
        var text = "id,kind\n"
        for row in 0..<20_000 { text += row % 11 == 4 ? "\(row),\n" : "\(row),kind \(row % 7)\n" }
        let table = try parseDelimited(text, chunkSize: 20_000)
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
            var builder = StringColumnBuilder(placement: StringPlacement(codes: room.baseAddress, codesRoom: 2))
            for word in ["a", "b", "a", "c", "b"] {
                Array(word.utf8).withUnsafeBufferPointer { builder.append($0.baseAddress!, $0.count) }
            }
            builder.appendMissing()
            #expect(builder.placedAddress == nil)
            #expect(builder.codes == [0, 1, 0, 2, 1, StringColumnBuilder.missingCode])
        }
    }
}

/// Later chunks' dictionaries start as large as chunk 0's became, so they are not grown (and
/// copied) again and again.
@Suite struct DictionaryRoomTests {
    @Test func aDictionaryWithRoomDoesNotGrow() {
        var dictionary = ByteDictionary(room: DictionaryRoom(entries: 3_000, bytes: 30_000))
        let arena = dictionary.entries.bytes.withUnsafeBufferPointer { $0.baseAddress }
        for value in 0..<3_000 {
            Array("value \(value)".utf8).withUnsafeBufferPointer { _ = dictionary.code(of: $0.baseAddress!, $0.count) }
        }
        #expect(dictionary.count == 3_000)
        #expect(dictionary.entries.bytes.withUnsafeBufferPointer { $0.baseAddress } == arena, "the arena was not moved")
        #expect(Array("value 17".utf8).withUnsafeBufferPointer { dictionary.code(of: $0.baseAddress!, $0.count) } == 17)
    }

    @Test func chunkZeroSizesTheLaterDictionaries() throws {
        var text = "id,city\n"
        for row in 0..<60_000 { text += "\(row),city number \(row % 2_000)\n" }
        let table = try parseDelimited(text, chunkSize: 200_000)
        let room = try #require(table.placed?.strings(column: 1, firstRow: 0, rows: 1).dictionaryRoom)
        #expect(room.entries >= 2_000)
        #expect(table.placed?.strings(column: 0, firstRow: 0, rows: 1).dictionaryRoom == nil)
        let columns = try ColumnAssembler(table: table, source: "t.csv").assemble().columns
        #expect(columns[1].kind == .categorical)
        #expect(columns[1].text(at: 59_999) == "city number \(59_999 % 2_000)")
    }
}

/// A chunk's read buffer is reused by the next chunk, whose window may be a little larger.
@Suite struct ReadBufferTests {
    @Test func aSlightlyLargerWindowFitsTheSameBuffer() {
        let buffer = ReadBuffer()
        let first = buffer.pointer(capacity: 1 << 20)
        #expect(buffer.pointer(capacity: (1 << 20) + 1) == first)
        let grown = buffer.pointer(capacity: 1 << 22)
        #expect(buffer.pointer(capacity: 1 << 21) == grown, "a smaller window keeps the grown buffer")
    }
}
