/// How many bytes of a text file each parallel work item parses.
///
/// A chunk costs a fixed amount whatever its size: a dictionary per string column built anew
/// and merged into the column's, a buffer per column mapped and returned, a piece to join. Larger
/// chunks cost less of that (at 10M rows, 32 MiB chunks took about a quarter off the system time
/// of 4 MiB ones and held less memory), but each worker holds one chunk's input and cells at a
/// time, which for a small file is a large share of its size. So a file is cut into about
/// `chunksPerWorker` chunks per worker, each at most the options' chunk size; not below
/// `smallestFull` (the size chunks had before, whose column pieces are each large enough for a
/// mapping of their own: see `MemoryTuning`) unless that leaves fewer than four chunks per
/// worker; and never below 64 KiB unless the options ask for less.
enum ChunkSizing {
    /// Chunks per worker that a delimited file is cut into when they fit under the largest size.
    static let chunksPerWorker = 16

    /// The smallest chunk of a file large enough for four of them per worker.
    static let smallestFull = 4 << 20

    /// The largest chunk of a JSON Lines file, and its chunks per worker: larger chunks made
    /// its parse slower (1M rows, 298 MiB: 1.49 → 1.65 s at 10 MiB chunks), so it keeps the
    /// sizes it had.
    static let jsonLinesLargest = 4 << 20
    static let jsonLinesChunksPerWorker = 4

    /// The nominal chunk size for `dataBytes` of data on `workers` workers, at most `largest`,
    /// for `perWorker` chunks per worker.
    static func nominal(dataBytes: Int, workers: Int, largest: Int, perWorker: Int = chunksPerWorker) -> Int {
        let workers = max(workers, 1)
        let wanted = max(dataBytes / (workers * perWorker) + 1, min(smallestFull, dataBytes / (workers * 4) + 1))
        return max(min(64 * 1024, largest), min(largest, wanted))
    }
}
