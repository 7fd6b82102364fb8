/// Joins the string pieces of a column: one dictionary for the whole column (categorical) when
/// values repeat enough, else a row-ordered text table.
enum StringColumnJoiner {
    /// Joins `pieces` (emptied) into a column of `rowCount` rows; `placed`: the storage chunks
    /// wrote their codes to, if any (taken as the codes when it can be, never freed here).
    static func join(_ pieces: inout [ChunkColumn], rowCount: Int, presentCount: Int, forceText: Bool,
                     placed: PlacedCodes? = nil, invalidUTF8Cells: inout Int) -> ColumnData {
        var builders: [StringColumnBuilder?] = pieces.map {
            if case .strings(let builder) = $0.values { builder } else { nil }
        }
        for index in pieces.indices { pieces[index].values = .allMissing }
        invalidUTF8Cells = builders.reduce(0) { $0 + ($1?.invalidUTF8Cells ?? 0) }
        let tooMany = builders.contains { $0?.exceedsCategories == true }
        if !forceText, !tooMany,
           let codes = categoricalCodes(&builders, pieces: pieces, rowCount: rowCount, presentCount: presentCount,
                                        placed: placed) {
            return codes
        }
        let byteCount = builders.reduce(0) { total, builder in
            guard let builder else { return total }
            if let plain = builder.table { return total + plain.bytes.count }
            let entries = builder.dictionary.entries
            return total + builder.withCodes { codes in
                codes.reduce(0) { $0 + ($1 == StringColumnBuilder.missingCode ? 0 : entries.length(at: Int($1))) }
            }
        }
        var table = StringTable()
        var first = 0
        // A first plain piece with room for the whole column (text appended in order) is
        // extended where it is.
        if builders.first??.table?.hasRoom(entries: rowCount, byteCount: byteCount) == true,
           var builder = builders[0].take(), let plain = builder.takePlainTable() {
            table = plain
            first = 1
        } else {
            table.reserve(entries: rowCount, byteCount: byteCount)
        }
        for index in builders.indices.dropFirst(first) {
            guard let builder = builders[index].take() else {
                for _ in 0..<pieces[index].rowCount { table.append(UnsafeBufferPointer(start: nil, count: 0)) }
                continue
            }
            if let plain = builder.table {
                table.prefaultNext(entries: plain.count, byteCount: plain.bytes.count)
                table.append(contentsOf: plain)
            } else {
                let entries = builder.dictionary.entries
                builder.withCodes { codes in
                    table.prefaultNext(entries: codes.count, byteCount: 0)
                    for code in codes {
                        if code == StringColumnBuilder.missingCode {
                            table.append(UnsafeBufferPointer(start: nil, count: 0))
                        } else {
                            entries.withBytes(at: Int(code)) { table.append($0) }
                        }
                    }
                }
            }
        }
        return .text(table)
    }

    /// The column as one dictionary and codes when its values repeat enough (at most
    /// `maxCategories` distinct, at most half the present rows), taking the builders; nil
    /// (builders untouched) when it is text. Chunks kept as plain tables are coded row by row.
    /// The codes go into `placed` when the chunks wrote theirs there.
    private static func categoricalCodes(_ builders: inout [StringColumnBuilder?], pieces: [ChunkColumn],
                                         rowCount: Int, presentCount: Int, placed: PlacedCodes?) -> ColumnData? {
        var dictionary = ByteDictionary()
        // Per chunk: a code for each dictionary entry, or for each row of a plain table.
        var remaps: [[UInt32]] = []
        let limit = min(ColumnAssembler.maxCategories, presentCount / 2)
        // The last chunk dictionary remapped: chunks sharing one (a columnar file's dictionary
        // for several chunks) are remapped once.
        var last: (entries: StringTable, remap: [UInt32])?
        for (index, builder) in builders.enumerated() {
            guard let builder else { remaps.append([]); continue }
            var remap: [UInt32] = []
            if builder.isPlainText {
                // Too many distinct values for a categorical column: stop and make text.
                guard builder.code(into: &dictionary, rowCodes: &remap, missingRows: pieces[index].missingRows,
                                   limit: limit) else { return nil }
            } else if let last, last.entries.sharesStorage(with: builder.dictionary.entries) {
                remap = last.remap
            } else {
                let entries = builder.dictionary.entries
                remap.reserveCapacity(entries.count)
                for code in 0..<entries.count {
                    remap.append(entries.withBytes(at: code) {
                        dictionary.code(of: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count, hash: builder.dictionary.hash(at: code))
                    })
                    if dictionary.count > limit { return nil }
                }
                last = (entries, remap)
            }
            remaps.append(remap)
        }
        guard dictionary.count <= ColumnAssembler.maxCategories, dictionary.count * 2 <= presentCount else { return nil }
        let missing = UInt32(dictionary.count)
        // Codes the chunks wrote in the column's storage are turned into the column's codes where
        // they are, and the other pieces written beside them.
        if let placed, rowCount <= placed.capacity, isInPlace(builders, pieces: pieces, base: placed.base) {
            writeCodes(&builders, remaps: remaps, pieces: pieces, missing: missing, to: placed.base)
            return .categorical(codes: placed.take(rows: rowCount), dictionary: dictionary.entries)
        }
        let codes = [UInt32](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            writeCodes(&builders, remaps: remaps, pieces: pieces, missing: missing, to: base)
            initialized = rowCount
        }
        return .categorical(codes: codes, dictionary: dictionary.entries)
    }

    /// Whether every piece whose codes are in the column's storage (at `base`) holds them at its
    /// own first row (it does unless a chunk was parsed again with another row count).
    private static func isInPlace(_ builders: [StringColumnBuilder?], pieces: [ChunkColumn],
                                  base: UnsafeMutablePointer<UInt32>) -> Bool {
        var row = 0
        for (builder, piece) in zip(builders, pieces) {
            if let address = builder?.placedAddress, address != base + row { return false }
            row += piece.rowCount
        }
        return true
    }

    /// Writes the column's codes at `base`, piece after piece: a piece's codes through its remap
    /// (a plain table's codes are its remap), missing rows as `missing`. Each piece's pages are
    /// mapped just before it is written (unless it is written where its codes already are) and
    /// its memory freed just after.
    private static func writeCodes(_ builders: inout [StringColumnBuilder?], remaps: [[UInt32]], pieces: [ChunkColumn],
                                   missing: UInt32, to base: UnsafeMutablePointer<UInt32>) {
        var row = 0
        for index in builders.indices {
            let count = pieces[index].rowCount
            let target = base + row
            // Take each piece out so its memory is freed as soon as it is copied.
            let builder = builders[index].take()
            if builder?.placedAddress != target {
                Prefault.pages(UnsafeMutableRawPointer(target), count: count * MemoryLayout<UInt32>.stride)
            }
            // No more than the piece's rows are written, and rows without a code are missing.
            var written = 0
            if let builder {
                remaps[index].withUnsafeBufferPointer { remap in
                    if builder.isPlainText {
                        for code in remap.prefix(count) {
                            target[written] = code == StringColumnBuilder.missingCode ? missing : code
                            written += 1
                        }
                    } else {
                        // In place, each code is read before it is overwritten.
                        builder.withCodes { pieceCodes in
                            for code in pieceCodes.prefix(count) {
                                target[written] = code == StringColumnBuilder.missingCode ? missing : remap[Int(code)]
                                written += 1
                            }
                        }
                    }
                }
            }
            (target + written).update(repeating: missing, count: count - written)
            row += count
        }
    }
}

extension StringTable {
    /// Whether this table and `other` are copies of one table (the same storage, so the same
    /// entries), without comparing their bytes.
    func sharesStorage(with other: StringTable) -> Bool {
        count == other.count
            && bytes.withUnsafeBufferPointer { a in other.bytes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
            && offsets.withUnsafeBufferPointer { a in other.offsets.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
