/// The decoded content of one leaf column chunk: its levels and present values.
struct ParquetLeafChunk {
    /// One definition level per entry (empty when the leaf has no definition levels).
    var definitionLevels: [UInt8] = []
    /// One repetition level per entry (empty when the leaf is not repeated).
    var repetitionLevels: [UInt8] = []
    /// The number of entries (levels), which for an unrepeated leaf is the number of rows.
    var entryCount = 0
    var values: ParquetLeafValues
}

/// Reads the pages of one column chunk: page headers, decompression, levels and values.
struct ParquetColumnChunkDecoder {
    let file: UnsafeRawBufferPointer
    /// Where column data may lie: after the leading magic, before the footer.
    let dataRange: Range<Int>
    let metadata: ParquetColumnChunkMetadata
    let leaf: ParquetLeaf
    /// The row group's row count.
    let rowCount: Int
    let cancellation: CancellationFlag?

    func decode() throws -> ParquetLeafChunk {
        let codec = try ParquetCodec.named(metadata.codec)
        var start = metadata.dataPageOffset
        if let dictionary = metadata.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        guard start >= Int64(dataRange.lowerBound), start <= Int64(dataRange.upperBound), metadata.compressedSize >= 0,
              metadata.compressedSize <= Int64(dataRange.upperBound) - start else {
            throw ParquetFormatError("corrupt footer (the column chunk lies outside the file)")
        }
        guard metadata.valueCount >= 0 else { throw ParquetFormatError("corrupt footer (a negative value count)") }
        // An unrepeated column holds one level per row; a repeated one at least one.
        guard leaf.maxRepetition > 0 ? metadata.valueCount >= Int64(rowCount) : metadata.valueCount == Int64(rowCount) else {
            throw ParquetFormatError("corrupt footer (the column chunk has \(metadata.valueCount) values for \(rowCount) rows)")
        }
        let end = Int(start + metadata.compressedSize)
        var position = Int(start)
        var chunk = ParquetLeafChunk(values: ParquetLeafValues(physicalType: leaf.physicalType, width: leaf.typeLength))
        var dictionary: ParquetLeafValues?
        let expected = Int(metadata.valueCount)
        let scratch = ScratchBuffer()
        while chunk.entryCount < expected {
            if cancellation?.isCancelled == true { throw CancellationError() }
            guard position < end else { throw ParquetFormatError("the column chunk ends after \(chunk.entryCount) of its \(expected) values") }
            var reader = ThriftCompactReader(UnsafeRawBufferPointer(rebasing: file[..<end]), at: position)
            let header: ParquetPageHeader
            do { header = try ParquetPageHeader(reader: &reader) } catch let error as ParquetFormatError {
                throw ParquetFormatError("corrupt page header: " + error.message)
            }
            let pageStart = reader.position
            guard header.compressedSize <= end - pageStart else { throw ParquetFormatError("a page is longer than its column chunk") }
            position = pageStart + header.compressedSize
            let page = UnsafeRawBufferPointer(rebasing: file[pageStart..<position])
            switch header.kind {
            case .other: continue
            case .dictionary:
                let bytes = try decompressed(page, header: header, codec: codec, levelBytes: 0, scratch: scratch)
                var values = ParquetLeafValues(physicalType: leaf.physicalType, width: leaf.typeLength)
                var cursor = ParquetByteCursor(bytes)
                guard header.encoding == ParquetEncoding.plain.rawValue || header.encoding == ParquetEncoding.plainDictionary.rawValue else {
                    throw ParquetFormatError("uses the \(ParquetEncoding.name(header.encoding)) encoding for a dictionary page, which tutti does not read")
                }
                guard header.valueCount <= max(bytes.count, 1) * 8 else { throw ParquetFormatError("a dictionary page claims more entries than it holds") }
                try values.decode(&cursor, count: header.valueCount, encoding: ParquetEncoding.plain.rawValue, dictionary: nil)
                if leaf.physicalType == .byteArray || leaf.physicalType == .fixedLenByteArray {
                    chunk.values.materializeCodes()
                    if chunk.values.count == 0 { chunk.values.dictionary = StringTable(bytes: values.arena, offsets: values.offsets) }
                }
                dictionary = values
            case .dataV1, .dataV2:
                guard header.valueCount <= expected - chunk.entryCount else {
                    throw ParquetFormatError("a page holds more values than its column chunk")
                }
                try decodeDataPage(page, header: header, codec: codec, dictionary: dictionary, into: &chunk, scratch: scratch)
            }
        }
        return chunk
    }

    private func decompressed(_ page: UnsafeRawBufferPointer, header: ParquetPageHeader, codec: ParquetCodec,
                              levelBytes: Int, scratch: ScratchBuffer) throws -> UnsafeRawBufferPointer {
        if codec == .uncompressed {
            guard page.count == header.uncompressedSize else { throw ParquetFormatError("a page's sizes disagree (it is not compressed)") }
            return page
        }
        let body = UnsafeRawBufferPointer(rebasing: page[levelBytes...])
        let size = header.uncompressedSize - levelBytes
        guard size >= 0 else { throw ParquetFormatError("corrupt page header (levels longer than the page)") }
        try codec.checkDeclaredSize(body, size: size)
        let target = try scratch.bytes(levelBytes + size)
        if levelBytes > 0 { target.baseAddress!.copyMemory(from: page.baseAddress!, byteCount: levelBytes) }
        try codec.decompress(body, into: UnsafeMutableRawBufferPointer(rebasing: target[levelBytes...]))
        return UnsafeRawBufferPointer(target)
    }

    private func decodeDataPage(_ page: UnsafeRawBufferPointer, header: ParquetPageHeader, codec: ParquetCodec,
                                dictionary: ParquetLeafValues?, into chunk: inout ParquetLeafChunk,
                                scratch: ScratchBuffer) throws {
        let count = header.valueCount
        let isV2 = header.kind == .dataV2
        let levelBytes = isV2 ? header.repetitionLevelsLength + header.definitionLevelsLength : 0
        guard levelBytes <= page.count else { throw ParquetFormatError("corrupt page header (levels longer than the page)") }
        let bytes: UnsafeRawBufferPointer
        if isV2, !header.isCompressed || codec == .uncompressed {
            bytes = page
        } else {
            bytes = try decompressed(page, header: header, codec: codec, levelBytes: levelBytes, scratch: scratch)
        }
        var cursor = ParquetByteCursor(bytes)
        if leaf.maxRepetition > 0 {
            try decodeLevels(&cursor, count: count, maxLevel: leaf.maxRepetition, v2Length: isV2 ? header.repetitionLevelsLength : nil,
                             encoding: header.repetitionLevelEncoding, into: &chunk.repetitionLevels)
        } else if isV2 {
            cursor.position += header.repetitionLevelsLength
        }
        var present = count
        if leaf.maxDefinition > 0 {
            let before = chunk.definitionLevels.count
            try decodeLevels(&cursor, count: count, maxLevel: leaf.maxDefinition, v2Length: isV2 ? header.definitionLevelsLength : nil,
                             encoding: header.definitionLevelEncoding, into: &chunk.definitionLevels)
            let top = UInt8(leaf.maxDefinition)
            present = chunk.definitionLevels[before...].reduce(0) { $0 + ($1 == top ? 1 : 0) }
        } else if isV2 {
            cursor.position += header.definitionLevelsLength
        }
        if chunk.values.count == 0, chunk.entryCount == 0 { chunk.values.reserve(rowCount) }
        try chunk.values.decode(&cursor, count: present, encoding: header.encoding, dictionary: dictionary)
        chunk.entryCount += count
    }

    private func decodeLevels(_ cursor: inout ParquetByteCursor, count: Int, maxLevel: Int, v2Length: Int?,
                              encoding: Int32, into levels: inout [UInt8]) throws {
        let bitWidth = Int.bitWidth - maxLevel.leadingZeroBitCount
        let length: Int
        if let v2Length {
            try cursor.require(v2Length)
            length = v2Length
        } else {
            guard encoding == ParquetEncoding.rle.rawValue else {
                throw ParquetFormatError("uses the \(ParquetEncoding.name(encoding)) encoding for levels, which tutti does not read")
            }
            length = try cursor.readLength()
        }
        let section = ParquetByteCursor(UnsafeRawBufferPointer(start: cursor.base, count: cursor.end),
                                        from: cursor.position, to: cursor.position + length)
        var decoded = [UInt32](repeating: 0, count: count)
        var decoder = try RLEHybridDecoder(section, bitWidth: bitWidth)
        try decoded.withUnsafeMutableBufferPointer { try decoder.decode(count: count, into: $0.baseAddress!) }
        guard !decoded.contains(where: { $0 > UInt32(maxLevel) }) else { throw ParquetFormatError("a page holds a level above the column's maximum") }
        levels.append(contentsOf: decoded.lazy.map { UInt8(truncatingIfNeeded: $0) })
        cursor.position += length
    }
}
