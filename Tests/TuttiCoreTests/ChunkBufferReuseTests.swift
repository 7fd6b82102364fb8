import Foundation
import Testing
@testable import TuttiCore

@Suite struct ChunkBufferReuseTests {
    @Test func poolGivesBackTheSameBufferWithItsCapacity() {
        let pool = ReusePool<[Int]>()
        #expect(pool.take() == nil)
        var buffer: [Int] = []
        buffer.reserveCapacity(1_000)
        buffer.append(contentsOf: [1, 2, 3])
        pool.give(buffer)
        #expect(pool.idleCount == 1)
        let again = pool.take()
        #expect(again == [1, 2, 3])
        #expect((again?.capacity ?? 0) >= 1_000)
        #expect(pool.take() == nil)
    }

    @Test func chunksOfDifferentShapesDoNotSeeEachOthersCells() throws {
        // Blocks of many narrow rows alternate with a few wide ones (quoted newlines, short rows),
        // so a reused cell buffer that held a larger chunk is then filled by a smaller one and
        // the other way round, across hundreds of small chunks.
        var text = "id,a,b\n"
        var expectedB: [String?] = []
        var id = 0
        for block in 0..<60 {
            if block % 2 == 0 {
                for _ in 0..<40 {
                    text += "\(id),\(id % 5),\(id % 3)\n"
                    expectedB.append(String(id % 3))
                    id += 1
                }
            } else {
                for k in 0..<4 {
                    if k == 1 {
                        text += "\(id),\"wide \(id)\nsecond line, \"\"q\"\"\"\n"  // short row: b is absent
                        expectedB.append(nil)
                    } else {
                        let wide = String(repeating: "w", count: 300 + id % 50)
                        text += "\(id),\"\(wide)\",\(id % 3)\n"
                        expectedB.append(String(id % 3))
                    }
                    id += 1
                }
            }
        }
        let small = try load(text, options: LoadOptions(chunkSize: 97)).dataset
        let whole = try load(text, options: LoadOptions(chunkSize: 1 << 30)).dataset
        #expect(small.rowCount == id)
        #expect(small.columns == whole.columns)
        #expect(cells(small, "id") == (0..<id).map { String($0) })
        #expect(cells(small, "b") == expectedB)
    }

    @Test func reparsedChunksUseTheirOwnBytes() throws {
        // Column v is numeric in early chunks and text later: the numeric chunks are read again
        // as strings after the cell buffers have served other chunks.
        var text = "v,w\n"
        for i in 0..<2_000 { text += i < 1_500 ? "\(i),x\(i % 4)\n" : "t\(i),y\(i % 4)\n" }
        let data = try load(text, options: LoadOptions(chunkSize: 97)).dataset
        let values = cells(data, "v")
        #expect(values.count == 2_000)
        #expect(values[0] == "0" && values[1_499] == "1499" && values[1_500] == "t1500")
    }
}
