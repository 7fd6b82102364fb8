import Synchronization

/// The text of one column of a delimited-text file, appended chunk after chunk in input order as
/// the chunks are built, so that free text is copied once into memory populated once: each chunk
/// builds its piece in a table an earlier chunk handed over and emptied (`plainTables`) instead
/// of in fresh pages that are faulted in, kept until the columns are joined and unmapped.
///
/// A chunk hands its piece over with `handOver`; a piece that comes before its predecessors
/// waits and is appended by the chunk that fills the gap. A chunk that cannot hand its piece
/// over (its start proved wrong, it typed the column as numbers, or its rows would take the
/// column past 32-bit row numbers) stops the appending at its index: it and every later chunk
/// keep their pieces, and `joinedPieces` gives them back.
final class OrderedTextColumn: Sendable {
    /// Emptied tables, for the next chunks' plain text.
    let plainTables = ReusePool<StringTable>()
    private let state: Mutex<State>

    private struct State {
        /// The rows of chunks `0 ..< nextChunk`.
        var table: StringTable
        /// The rows each appended chunk gave, in order, and their sum.
        var chunkRows: [Int] = []
        var rows = 0
        var nextChunk = 0
        /// No chunk from this index on is appended.
        var stopIndex = Int.max
        /// Rows handed over before their predecessors', by chunk: a plain table, or nil for a
        /// chunk whose cells were all missing.
        var waiting: [Int: (rows: Int, table: StringTable?)] = [:]
    }

    /// A column whose text will take about `rows` rows and `byteCount` bytes (room is reserved,
    /// its pages populated only as chunks are appended).
    init(rows: Int, byteCount: Int) {
        var table = StringTable()
        table.reserve(entries: rows, byteCount: byteCount)
        state = Mutex(State(table: table))
    }

    /// Hands chunk `chunk`'s piece of the column over, leaving in `piece` what goes into the grid:
    /// the piece itself when it cannot be handed over (then no later chunk is appended), else
    /// the piece without its rows (what its builder found is kept), marked `handedOver`. The
    /// piece's table must not be held elsewhere, or it is copied when it is emptied for reuse.
    func handOver(_ piece: inout ChunkColumn, chunk: Int) {
        var table: StringTable?
        switch piece.values {
        case .strings(var builder) where piece.failure == nil:
            // The piece lets go of its builder, so that the table has one owner.
            piece.values = .allMissing
            builder.turnPlain()
            table = builder.takePlainTable()
            piece.values = .strings(StringColumnBuilder(findingsOf: builder))
        case .allMissing where piece.failure == nil:
            table = nil
        default:
            stop(at: chunk)
            return
        }
        let rows = piece.rowCount
        let taken = state.withLock { state in
            guard chunk < state.stopIndex, chunk >= state.nextChunk else { return false }
            state.waiting[chunk] = (rows, table.take())
            appendWaiting(&state)
            return true
        }
        piece.handedOver = true
        if !taken { piece = Self.restored(piece, table: table) }
    }

    /// The number of chunks appended so far.
    var appendedChunks: Int { state.withLock { $0.nextChunk } }

    /// Stops appending at chunk `chunk` unless it has been handed over already: for a chunk that
    /// will not hand its piece over.
    func stop(at chunk: Int) {
        state.withLock { state in
            guard chunk >= state.nextChunk, state.waiting[chunk] == nil else { return }
            state.stopIndex = min(state.stopIndex, chunk)
        }
    }

    /// Appends the waiting rows that follow the appended ones, giving their tables back emptied.
    /// Stops for good before a chunk that would take the rows past 32-bit row numbers (those of
    /// the joined piece's missing rows).
    private func appendWaiting(_ state: inout State) {
        while state.nextChunk < state.stopIndex, let rows = state.waiting[state.nextChunk]?.rows {
            guard state.rows + rows <= Int(Int32.max) else {
                state.stopIndex = state.nextChunk
                return
            }
            var next = state.waiting.removeValue(forKey: state.nextChunk)!
            if var plain = next.table.take() {
                state.table.prefaultNext(entries: plain.count, byteCount: plain.bytes.count)
                state.table.append(contentsOf: plain)
                plain.removeAllKeepingCapacity()
                plainTables.give(plain)
            } else {
                state.table.prefaultNext(entries: next.rows, byteCount: 0)
                for _ in 0..<next.rows { state.table.append(UnsafeBufferPointer(start: nil, count: 0)) }
            }
            state.chunkRows.append(next.rows)
            state.rows += next.rows
            state.nextChunk += 1
        }
    }

    /// The pieces of the column to join, from the grid's `pieces`: the appended chunks as one
    /// plain piece, then the later chunks' pieces (those handed over given back their rows).
    /// Empties the column and its pool of tables.
    func joinedPieces(_ pieces: [ChunkColumn]) -> [ChunkColumn] {
        let (table, chunkRows, waiting) = state.withLock { state in
            defer {
                state.table = StringTable()
                state.waiting = [:]
            }
            return (state.table, state.chunkRows, state.waiting)
        }
        while plainTables.take() != nil {}
        let appended = chunkRows.count
        precondition(appended <= pieces.count && zip(chunkRows, pieces).allSatisfy { $0 == $1.rowCount && $1.handedOver },
                     "the appended text does not match the chunks")
        var joined: [ChunkColumn] = []
        if appended > 0 {
            var missingRows: [Int32] = []
            var invalid = 0, tooMany = false, offset = 0
            for piece in pieces.prefix(appended) {
                missingRows.append(contentsOf: piece.missingRows.lazy.map { $0 + Int32(offset) })
                if case .strings(let findings) = piece.values {
                    invalid += findings.invalidUTF8Cells
                    tooMany = tooMany || findings.exceedsCategories
                }
                offset += piece.rowCount
            }
            joined.append(ChunkColumn(
                values: .strings(StringColumnBuilder(plain: table, invalidUTF8Cells: invalid, exceedsCategories: tooMany)),
                missingRows: missingRows, rowCount: offset, failure: nil))
        }
        for chunk in appended..<pieces.count {
            let piece = pieces[chunk]
            if piece.handedOver, let rows = waiting[chunk] {
                joined.append(Self.restored(piece, table: rows.table))
            } else {
                joined.append(piece)
            }
        }
        return joined
    }

    /// A placeholder given back its rows.
    private static func restored(_ placeholder: ChunkColumn, table: StringTable?) -> ChunkColumn {
        var piece = placeholder
        piece.handedOver = false
        if let table, case .strings(let findings) = placeholder.values {
            piece.values = .strings(StringColumnBuilder(plain: table, invalidUTF8Cells: findings.invalidUTF8Cells,
                                                        exceedsCategories: findings.exceedsCategories))
        }
        return piece
    }
}
