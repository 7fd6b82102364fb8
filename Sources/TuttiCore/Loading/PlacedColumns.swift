import Dispatch
import Synchronization

/// The final storage of a number column (see `PlacedArray`), of integers or of floats.
final class PlacedColumn: @unchecked Sendable {
    /// Whether the values are `Double` (else `Int64`).
    let isFloat: Bool
    private let integers: PlacedArray<Int64>?
    private let floats: PlacedArray<Double>?

    /// Room for `capacity` rows of integers or floats; its pages are mapped as they are written.
    init(isFloat: Bool, capacity: Int) {
        self.isFloat = isFloat
        integers = isFloat ? nil : PlacedArray(capacity: capacity)
        floats = isFloat ? PlacedArray(capacity: capacity) : nil
    }

    /// Rows there is room for.
    var capacity: Int { integers?.capacity ?? floats!.capacity }

    /// The storage of row 0; row `r` is at `base + 8 r`.
    var base: UnsafeMutableRawPointer {
        integers.map { UnsafeMutableRawPointer($0.base) } ?? UnsafeMutableRawPointer(floats!.base)
    }

    /// The integer column of the first `rows` rows, taking the storage (then empty).
    func takeIntegers(rows: Int) -> [Int64] { integers?.take(rows: rows) ?? [] }

    /// The float column of the first `rows` rows, taking the storage (then empty).
    func takeFloats(rows: Int) -> [Double] { floats?.take(rows: rows) ?? [] }

    /// Frees the storage (when the column was built otherwise).
    func release() {
        integers?.release()
        floats?.release()
    }
}

/// Where one chunk writes one column's values: the column's storage at the chunk's first row.
struct PlacedTarget {
    /// The storage of the chunk's first row.
    let base: UnsafeMutableRawPointer
    /// Whether the storage holds `Double` (else `Int64`).
    let isFloat: Bool
    /// The chunk's first row in the column.
    let firstRow: Int
}

/// The placed columns of a delimited-text file and the chain that gives each chunk its first row.
/// Chunks are handed to workers in input order; chunk `i` learns its first row from chunk `i - 1`
/// once that chunk has been scanned (and, for chunk 0, built: its kinds decide which columns get
/// storage, sized from its rows per byte). A chunk whose start proves wrong (a line break inside
/// quotes) breaks the chain: it and every later chunk build pieces as usual.
final class PlacedColumns: @unchecked Sendable {
    /// Storage by column index, nil for columns built in pieces. Written by chunk 0 before it
    /// passes on, read by later chunks after they waited for it.
    private(set) var columns: [PlacedColumn?]
    /// The text appended in order, by column index, nil for other columns. Set like `columns`.
    private(set) var texts: [OrderedTextColumn?]
    /// Storage for the codes of string columns, by column index. Set like `columns`.
    private(set) var codes: [PlacedCodes?]
    /// The size of chunk 0's dictionary of each coded string column. Set like `columns`.
    private var dictionaryRooms: [DictionaryRoom?]
    private let passed: [DispatchSemaphore]
    /// Per chunk: its end in the input and the row after its last, or nil when the chain is broken.
    private let ends: UnsafeMutablePointer<(byte: Int, row: Int)?>
    private let chunkCount: Int
    private let published: UnsafeMutablePointer<Atomic<Bool>>

    /// A chain for `chunkCount` chunks of a table of `columnCount` columns.
    init(chunkCount: Int, columnCount: Int) {
        self.chunkCount = chunkCount
        columns = Array(repeating: nil, count: columnCount)
        texts = Array(repeating: nil, count: columnCount)
        codes = Array(repeating: nil, count: columnCount)
        dictionaryRooms = Array(repeating: nil, count: columnCount)
        passed = (0..<chunkCount).map { _ in DispatchSemaphore(value: 0) }
        ends = .allocate(capacity: max(chunkCount, 1))
        ends.initialize(repeating: nil, count: max(chunkCount, 1))
        published = .allocate(capacity: max(chunkCount, 1))
        for index in 0..<max(chunkCount, 1) { (published + index).initialize(to: Atomic(false)) }
    }

    /// The first row of chunk `index`, whose `rows` rows start at byte `start`, before `limit`
    /// (its nominal end): waits for the previous chunk. Nil when the chain is broken (or this
    /// chunk has no rows); the chunk then builds pieces.
    func firstRow(of index: Int, start: Int, limit: Int, rows: Int) -> Int? {
        guard index > 0 else { return 0 }
        passed[index - 1].wait()
        passed[index - 1].signal()
        guard let previous = ends[index - 1], previous.byte == start, previous.byte < limit, rows > 0 else { return nil }
        return previous.row
    }

    /// Gives storage to the columns as chunk 0's `pieces` (of `rows` rows in `bytes` bytes) hold
    /// them, sized for the rows of a file of `totalBytes` at chunk 0's rows per byte, with a
    /// margin: a `PlacedColumn` to number columns, `PlacedCodes` to coded strings (and chunk 0's
    /// dictionary size), an `OrderedTextColumn` to plain text. Call before chunk 0 passes on.
    func allocate(chunkZero pieces: [ChunkColumn], rows: Int, bytes: Int, totalBytes: Int) {
        guard rows > 0, bytes > 0 else { return }
        let scale = Double(totalBytes) / Double(bytes) * 1.25
        // A row takes at least one byte: never room for more rows than the file has bytes.
        let capacity = Int(min(Double(rows) * scale + 1024, Double(totalBytes + 1024)))
        for (column, piece) in pieces.enumerated() {
            switch piece.values {
            case .integer: columns[column] = PlacedColumn(isFloat: false, capacity: capacity)
            case .float: columns[column] = PlacedColumn(isFloat: true, capacity: capacity)
            case .strings(let builder) where builder.isPlainText:
                // Missing rows are numbered in 32 bits: no text appended past that.
                guard capacity < Int(Int32.max), let table = builder.table else { continue }
                let byteCount = Int(min(Double(table.bytes.count) * scale, Double(totalBytes)))
                texts[column] = OrderedTextColumn(rows: capacity, byteCount: byteCount)
            case .strings(let builder):
                codes[column] = PlacedCodes(capacity: capacity)
                let entries = builder.dictionary.entries
                // Large enough to matter: a small dictionary stays on the heap and grows cheaply.
                if entries.bytes.count + entries.count * 24 >= MemoryTuning.mmapThreshold {
                    dictionaryRooms[column] = DictionaryRoom(entries: entries.count + entries.count / 4,
                                                             bytes: entries.bytes.count + entries.bytes.count / 4)
                }
            default: continue
            }
        }
    }

    /// Where the strings of `column` of a chunk starting at `firstRow` (nil: the chain is
    /// broken) with `rows` rows go.
    func strings(column: Int, firstRow: Int?, rows: Int) -> StringPlacement {
        guard let firstRow else { return StringPlacement() }
        var placement = StringPlacement(plainTables: texts[column]?.plainTables, dictionaryRoom: dictionaryRooms[column])
        if let placed = codes[column], firstRow + rows <= placed.capacity {
            placement.codes = placed.base + firstRow
            placement.codesRoom = rows
        }
        return placement
    }

    /// Stops the text columns at chunk `index`, which hands none of its pieces over. Waits for
    /// the previous chunk to pass on, as `firstRow` does, so that the columns chunk 0 made are
    /// seen (and so that a chunk that passes on after this has waited in turn).
    func stopTexts(at index: Int) {
        if index > 0 {
            passed[index - 1].wait()
            passed[index - 1].signal()
        }
        for text in texts { text?.stop(at: index) }
    }

    /// Where chunk `index`, starting at `firstRow` with `rows` rows, writes `column`, if the
    /// column has storage with room for it.
    func target(column: Int, firstRow: Int?, rows: Int) -> PlacedTarget? {
        guard let firstRow, let placed = columns[column], firstRow + rows <= placed.capacity else { return nil }
        return PlacedTarget(base: placed.base + firstRow * 8, isFloat: placed.isFloat, firstRow: firstRow)
    }

    /// Tells the next chunk where chunk `index` ended: at byte `byte`, before row `row` (nil:
    /// the chain is broken). Only the first call for a chunk counts.
    func pass(_ index: Int, byte: Int, row: Int?) {
        guard index < chunkCount, !published[index].exchange(true, ordering: .relaxed) else { return }
        ends[index] = row.map { (byte, $0) }
        passed[index].signal()
    }

    deinit {
        ends.deinitialize(count: max(chunkCount, 1))
        ends.deallocate()
        published.deinitialize(count: max(chunkCount, 1))
        published.deallocate()
    }
}
