/// Turns the decoded leaf chunks of one top-level field, in one row group, into a chunk column:
/// flat columns directly, lists of numbers as vectors, other lists and structs as JSON text.
struct ParquetFieldAssembler {
    let field: ParquetField
    let rowCount: Int
    let forceText: Bool

    func assemble(_ chunks: [ParquetLeafChunk]) throws -> ChunkColumn {
        switch field.shape {
        case .flat(let leaf):
            let chunk = chunks[0]
            guard chunk.entryCount == rowCount else { throw rowCountMismatch(chunk.entryCount) }
            let presence = ColumnarMapping.Presence(levels: chunk.definitionLevels, presentLevel: UInt8(leaf.maxDefinition), rowCount: rowCount)
            return ColumnarMapping.chunkColumn(chunk.values, type: ParquetTypeMapping.valueType(of: leaf), presence: presence, forceText: forceText)
        case .list(let leaf, let presentLevel):
            return try assembleList(chunks[0], leaf: leaf, presentLevel: presentLevel)
        case .structure(let names, let leaves, let presentLevel):
            return try assembleStructure(chunks, names: names, leaves: leaves, presentLevel: presentLevel)
        case .unsupported(let what):
            throw ParquetFormatError("is \(what), which tutti does not read")
        }
    }

    private func rowCountMismatch(_ count: Int) -> ParquetFormatError {
        ParquetFormatError("holds \(count) rows where its row group has \(rowCount)")
    }

    /// Row boundaries of a repeated leaf: for each row, its range of entries.
    private func rows(of chunk: ParquetLeafChunk) throws -> [Range<Int>] {
        var starts: [Int] = []
        starts.reserveCapacity(rowCount)
        for (entry, level) in chunk.repetitionLevels.enumerated() where level == 0 { starts.append(entry) }
        guard starts.count == rowCount, starts.first ?? 0 == 0 else { throw rowCountMismatch(starts.count) }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : chunk.entryCount) }
    }

    private func assembleList(_ chunk: ParquetLeafChunk, leaf: ParquetLeaf, presentLevel: Int) throws -> ChunkColumn {
        let ranges = try rows(of: chunk)
        let type = ParquetTypeMapping.valueType(of: leaf)
        let definitions = chunk.definitionLevels
        let top = UInt8(leaf.maxDefinition)
        var missing: [Int32] = []
        let isNumeric: Bool = switch type {
        case .integer, .float16, .float32, .float64, .decimal: true
        default: false
        }
        if isNumeric, !forceText {
            let dense = ColumnarMapping.chunkColumn(chunk.values, type: type,
                                                    presence: .init(levels: [], presentLevel: 0, rowCount: chunk.values.count), forceText: false)
            let numbers: [Float] = switch dense.values {
            case .integer(let values): values.map { Float($0) }
            case .float(let values): values.map { Float($0) }
            default: []
            }
            var width: Int?
            var vectors: [Float] = []
            vectors.reserveCapacity(numbers.count)
            var next = 0
            for (row, range) in ranges.enumerated() {
                let first = definitions.isEmpty ? top : definitions[range.lowerBound]
                if first < UInt8(presentLevel) || first == UInt8(presentLevel) && range.count == 1 {
                    missing.append(Int32(row))
                    continue
                }
                if definitions.isEmpty || !definitions[range].contains(where: { $0 != top }) {
                    // Every entry holds a value.
                } else {
                    throw ParquetFormatError("is a list of numbers with a missing element in row \(row + 1) of the row group; tutti reads such lists as vectors, which cannot hold a gap")
                }
                if let width, width != range.count {
                    throw ParquetFormatError("is a list of numbers used as a vector, but its row \(row + 1) of the row group has \(range.count) value\(range.count == 1 ? "" : "s") where earlier rows have \(width)")
                }
                if width == nil { width = range.count }
                vectors.append(contentsOf: numbers[next..<(next + range.count)])
                next += range.count
            }
            guard let width else {
                return ChunkColumn(values: .allMissing, missingRows: missing, rowCount: rowCount, failure: nil)
            }
            var values = [Float](repeating: 0, count: rowCount * width)
            var source = 0
            var missingIndex = 0
            for row in 0..<rowCount {
                if missingIndex < missing.count, missing[missingIndex] == Int32(row) {
                    missingIndex += 1
                    continue
                }
                for i in 0..<width { values[row * width + i] = vectors[source + i] }
                source += width
            }
            return ChunkColumn(values: .vector(width: width, values: values), missingRows: missing, rowCount: rowCount, failure: nil)
        }
        let fragments = JSONFragments.of(chunk.values, type: type)
        var texts: [String] = []
        var next = 0
        for (row, range) in ranges.enumerated() {
            let first = definitions.isEmpty ? top : definitions[range.lowerBound]
            if first < UInt8(presentLevel) {
                missing.append(Int32(row))
                continue
            }
            var parts: [String] = []
            if first > UInt8(presentLevel) || range.count > 1 {
                for entry in range {
                    if definitions.isEmpty || definitions[entry] == top {
                        parts.append(next < fragments.count ? fragments[next] : "null")
                        next += 1
                    } else {
                        parts.append("null")
                    }
                }
            }
            texts.append("[" + parts.joined(separator: ",") + "]")
        }
        return textColumn(texts, missing: missing)
    }

    private func assembleStructure(_ chunks: [ParquetLeafChunk], names: [String], leaves: [ParquetLeaf], presentLevel: Int) throws -> ChunkColumn {
        for chunk in chunks where chunk.entryCount != rowCount { throw rowCountMismatch(chunk.entryCount) }
        let fragments = zip(chunks, leaves).map { JSONFragments.of($0.values, type: ParquetTypeMapping.valueType(of: $1)) }
        var next = [Int](repeating: 0, count: chunks.count)
        let keys = names.map { JSONFragments.quoted($0) + ":" }
        var texts: [String] = []
        var missing: [Int32] = []
        for row in 0..<rowCount {
            let levels = chunks.map { $0.definitionLevels.isEmpty ? 0 : Int($0.definitionLevels[row]) }
            if presentLevel > 0, let first = levels.first, first < presentLevel {
                missing.append(Int32(row))
                continue
            }
            var parts: [String] = []
            for child in chunks.indices {
                let present = chunks[child].definitionLevels.isEmpty || levels[child] == leaves[child].maxDefinition
                if present, next[child] < fragments[child].count {
                    parts.append(keys[child] + fragments[child][next[child]])
                    next[child] += 1
                } else {
                    parts.append(keys[child] + "null")
                }
            }
            texts.append("{" + parts.joined(separator: ",") + "}")
        }
        return textColumn(texts, missing: missing)
    }

    private func textColumn(_ texts: [String], missing: [Int32]) -> ChunkColumn {
        var levels = [UInt8](repeating: 1, count: rowCount)
        for row in missing { levels[Int(row)] = 0 }
        let presence = ColumnarMapping.Presence(levels: levels, presentLevel: 1, rowCount: rowCount)
        let values: ChunkValues = missing.count == rowCount ? .allMissing : .strings(ColumnarMapping.stringBuilder(texts, presence))
        return ChunkColumn(values: values, missingRows: missing, rowCount: rowCount, failure: nil)
    }
}
