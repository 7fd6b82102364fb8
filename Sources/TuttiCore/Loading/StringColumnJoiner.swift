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
            for builder in builders {
                guard let builder else { remaps.append([]); continue }
                let entries = builder.dictionary.entries
                remaps.append((0..<entries.count).map { code in
                    entries.withBytes(at: code) { dictionary.code(of: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
                })
            }
            if dictionary.count <= ColumnAssembler.maxCategories, dictionary.count * 2 <= presentCount {
                let missing = UInt32(dictionary.count)
                var codes: [UInt32] = []
                codes.reserveCapacity(rowCount)
                for (index, builder) in builders.enumerated() {
                    guard let builder else {
                        codes.append(contentsOf: repeatElement(missing, count: pieces[index].rowCount))
                        continue
                    }
                    let remap = remaps[index]
                    for code in builder.codes {
                        codes.append(code == StringColumnBuilder.missingCode ? missing : remap[Int(code)])
                    }
                    builders[index] = nil
                }
                return .categorical(codes: codes, dictionary: dictionary.entries)
            }
        }
        var table = StringTable()
        for (index, builder) in builders.enumerated() {
            guard let builder else {
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
            builders[index] = nil
        }
        return .text(table)
    }
}
