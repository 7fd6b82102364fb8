import Testing
@testable import TuttiCore

/// Chunk sizes: sixteen chunks per worker, never more than the options allow, not below 4 MiB
/// while a file has four such chunks per worker, never below 64 KiB unless the options ask for
/// less; JSON Lines as before.
@Suite struct ChunkSizingTests {
    @Test func aLargeFileGetsTheLargestChunks() {
        #expect(ChunkSizing.nominal(dataBytes: 1_500_000_000, workers: 2, largest: 32 << 20) == 32 << 20)
    }

    @Test func aMidSizedFileIsCutSixteenTimesPerWorker() {
        let size = ChunkSizing.nominal(dataBytes: 150_000_000, workers: 2, largest: 32 << 20)
        #expect(size == 150_000_000 / 32 + 1)
    }

    @Test func aSmallFileKeepsAtLeast64KiBChunks() {
        #expect(ChunkSizing.nominal(dataBytes: 100_000, workers: 2, largest: 32 << 20) == 64 * 1024)
    }

    @Test func optionsAskingForTinyChunksGetThem() {
        #expect(ChunkSizing.nominal(dataBytes: 100_000, workers: 2, largest: 97) == 97)
    }

    @Test func manyWorkersKeepChunksOfFourMiB() {
        #expect(ChunkSizing.nominal(dataBytes: 150_000_000, workers: 8, largest: 32 << 20) == ChunkSizing.smallestFull)
    }

    @Test func aFileOfAFewMiBIsCutFourTimesPerWorker() {
        #expect(ChunkSizing.nominal(dataBytes: 10_000_000, workers: 2, largest: 32 << 20) == 10_000_000 / 8 + 1)
    }

    @Test func jsonLinesChunksAreAtMostFourMiB() {
        let size = ChunkSizing.nominal(dataBytes: 312_000_000, workers: 2, largest: ChunkSizing.jsonLinesLargest,
                                       perWorker: ChunkSizing.jsonLinesChunksPerWorker)
        #expect(size == 4 << 20)
    }
}
