/// Joins the string pieces of a column: one dictionary for the whole column (categorical) when
/// values repeat enough, else a row-ordered text table.
enum StringColumnJoiner {
    static func join(_ pieces: inout [ChunkColumn], rowCount: Int, presentCount: Int, forceText: Bool,
                     invalidUTF8Cells: inout Int) -> ColumnData {
        var builders: [StringColumnBuilder?] = pieces.map {
            if case .strings(let builder) = $0.values { builder } else { nil }
        }
        for index in pieces.indices { pieces[index].values = .allMissing }
        invalidUTF8Cells = builders.reduce(0) { $0 + ($1?.invalidUTF8Cells ?? 0) }
        let anyPlain = builders.contains { $0?.isPlainText == true }
        if !forceText, !anyPlain {
            var dictionary = ByteDictionary()
            var remaps: [[UInt32]] = []
            let limit = min(ColumnAssembler.maxCategories, presentCount / 2)
            merging: for builder in builders {
                guard let builder else { remaps.append([]); continue }
                let entries = builder.dictionary.entries
                var remap: [UInt32] = []
                remap.reserveCapacity(entries.count)
                for code in 0..<entries.count {
                    remap.append(entries.withBytes(at: code) {
                        dictionary.code(of: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count)
                    })
                    // Too many distinct values for a categorical column: stop and make text.
                    if dictionary.count > limit { break merging }
                }
                remaps.append(remap)
            }
            if dictionary.count <= ColumnAssembler.maxCategories, dictionary.count * 2 <= presentCount {
                let missing = UInt32(dictionary.count)
                var codes: [UInt32] = []
                codes.reserveCapacity(rowCount)
                for index in builders.indices {
                    // Take each piece out so its memory is freed as soon as it is copied.
                    guard let builder = builders[index].take() else {
                        codes.append(contentsOf: repeatElement(missing, count: pieces[index].rowCount))
                        continue
                    }
                    let remap = remaps[index]
                    for code in builder.codes {
                        codes.append(code == StringColumnBuilder.missingCode ? missing : remap[Int(code)])
                    }
                }
                return .categorical(codes: codes, dictionary: dictionary.entries)
            }
        }
        var table = StringTable()
        table.reserve(entries: rowCount, byteCount: builders.reduce(0) { total, builder in
            guard let builder else { return total }
            if let plain = builder.table { return total + plain.bytes.count }
            let entries = builder.dictionary.entries
            return total + builder.codes.reduce(0) { $0 + ($1 == StringColumnBuilder.missingCode ? 0 : entries.length(at: Int($1))) }
        })
        for index in builders.indices {
            guard let builder = builders[index].take() else {
                for _ in 0..<pieces[index].rowCount { table.append(UnsafeBufferPointer(start: nil, count: 0)) }
                continue
            }
            if let plain = builder.table {
                table.append(contentsOf: plain)
            } else {
                let entries = builder.dictionary.entries
                for code in builder.codes {
                    if code == StringColumnBuilder.missingCode {
                        table.append(UnsafeBufferPointer(start: nil, count: 0))
                    } else {
                        entries.withBytes(at: Int(code)) { table.append($0) }
                    }
                }
            }
        }
        return .text(table)
    }
}
