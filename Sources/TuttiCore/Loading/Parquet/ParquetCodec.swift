import CCodecs
import CZlib

/// Parquet's compression codecs (the `CompressionCodec` enum), decompressed with Debian's libraries.
enum ParquetCodec: Int32 {
    case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4Hadoop = 5, zstd = 6, lz4Raw = 7

    /// The name the format gives it, for messages.
    var name: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4Hadoop: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }

    /// The codec with this number, or an error naming the unsupported one.
    static func named(_ raw: Int32) throws -> ParquetCodec {
        guard let codec = ParquetCodec(rawValue: raw) else { throw ParquetFormatError("uses an unknown compression codec (\(raw))") }
        if codec == .lzo { throw ParquetFormatError("uses the LZO codec, which tutti does not read (rewrite it with snappy or zstd)") }
        return codec
    }

    /// Throws when `input` cannot decompress to `size` bytes, before the caller allocates them:
    /// a lying size in a page header must not allocate what the data could never fill.
    func checkDeclaredSize(_ input: UnsafeRawBufferPointer, size: Int) throws {
        let wrongSize = ParquetFormatError("a page does not decompress to the size its header gives (\(name))")
        let source = input.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        switch self {
        case .snappy:
            var length = 0
            guard snappy_uncompressed_length(source.assumingMemoryBound(to: CChar.self), input.count, &length) == SNAPPY_OK,
                  length == size else { throw wrongSize }
        case .zstd:
            let declared = ZSTD_getFrameContentSize(source, input.count)
            // Frames that do not record their size are bounded by zstd's largest ratio instead.
            if declared == ZSTD_CONTENTSIZE_ERROR { throw ParquetFormatError("a page's ZSTD data is corrupt") }
            if declared != ZSTD_CONTENTSIZE_UNKNOWN, declared != UInt64(size) { throw wrongSize }
            if declared == ZSTD_CONTENTSIZE_UNKNOWN, size / 32_768 > input.count { throw wrongSize }
        case .lz4Raw, .lz4Hadoop:
            if size / 255 > input.count + 16 { throw wrongSize }
        case .gzip:
            if size / 1_032 > input.count + 64 { throw wrongSize }
        case .brotli:
            // Brotli's ratio is unbounded in principle; cap what one page may claim.
            if size > 1 << 31 { throw wrongSize }
        case .uncompressed:
            if size != input.count { throw wrongSize }
        case .lzo:
            return
        }
    }

    /// Decompresses `input` into `output`, which must be exactly as long as the page says it
    /// decompresses to; throws when the data is corrupt or decompresses to another size.
    func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        let expected = output.count
        let wrongSize = ParquetFormatError("a page does not decompress to the size its header gives (\(name))")
        let corrupt = ParquetFormatError("a page's \(name) data is corrupt")
        guard expected > 0 else { return }
        let source = input.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        let target = output.baseAddress!
        switch self {
        case .uncompressed:
            guard input.count == expected else { throw wrongSize }
            target.copyMemory(from: source, byteCount: expected)
        case .snappy:
            var length = 0
            guard snappy_uncompressed_length(source.assumingMemoryBound(to: CChar.self), input.count, &length) == SNAPPY_OK else { throw corrupt }
            guard length == expected else { throw wrongSize }
            guard snappy_uncompress(source.assumingMemoryBound(to: CChar.self), input.count,
                                    target.assumingMemoryBound(to: CChar.self), &length) == SNAPPY_OK else { throw corrupt }
        case .zstd:
            let got = ZSTD_decompress(target, expected, source, input.count)
            if ZSTD_isError(got) != 0 { throw corrupt }
            guard got == expected else { throw wrongSize }
        case .lz4Raw:
            let got = LZ4_decompress_safe(source.assumingMemoryBound(to: CChar.self), target.assumingMemoryBound(to: CChar.self),
                                          Int32(clamping: input.count), Int32(clamping: expected))
            guard got >= 0 else { throw corrupt }
            guard Int(got) == expected else { throw wrongSize }
        case .lz4Hadoop:
            // Hadoop's framing (big-endian sizes before each LZ4 block); some writers put a bare block.
            if (try? Self.decompressHadoopLZ4(input, into: output)) == nil {
                try ParquetCodec.lz4Raw.decompress(input, into: output)
            }
        case .gzip:
            try Self.inflate(input, into: output, wrongSize: wrongSize, corrupt: corrupt)
        case .brotli:
            var length = expected
            guard BrotliDecoderDecompress(input.count, source.assumingMemoryBound(to: UInt8.self), &length,
                                          target.assumingMemoryBound(to: UInt8.self)) == BROTLI_DECODER_RESULT_SUCCESS else { throw corrupt }
            guard length == expected else { throw wrongSize }
        case .lzo:
            throw ParquetFormatError("uses the LZO codec, which tutti does not read")
        }
    }

    private static func decompressHadoopLZ4(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        func bigEndian(_ at: Int) -> Int {
            Int(input[at]) << 24 | Int(input[at + 1]) << 16 | Int(input[at + 2]) << 8 | Int(input[at + 3])
        }
        var read = 0, written = 0
        while read < input.count {
            guard input.count - read >= 8 else { throw ParquetFormatError("not Hadoop LZ4") }
            let decompressed = bigEndian(read), compressed = bigEndian(read + 4)
            read += 8
            guard compressed <= input.count - read, decompressed <= output.count - written else { throw ParquetFormatError("not Hadoop LZ4") }
            let got = LZ4_decompress_safe(input.baseAddress!.advanced(by: read).assumingMemoryBound(to: CChar.self),
                                          output.baseAddress!.advanced(by: written).assumingMemoryBound(to: CChar.self),
                                          Int32(compressed), Int32(decompressed))
            guard got == Int32(decompressed) else { throw ParquetFormatError("not Hadoop LZ4") }
            read += compressed
            written += decompressed
        }
        guard written == output.count else { throw ParquetFormatError("not Hadoop LZ4") }
    }

    private static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer,
                                wrongSize: ParquetFormatError, corrupt: ParquetFormatError) throws {
        var stream = z_stream()
        // 15 + 32: a gzip or zlib header, detected.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw corrupt }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(clamping: input.count)
        stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(clamping: output.count)
        while true {
            let status = zlibInflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                // Concatenated gzip members: go on with the next one.
                if stream.avail_in > 0, stream.avail_out > 0, inflateReset(&stream) == Z_OK { continue }
                break
            }
            if status == Z_BUF_ERROR, stream.avail_out == 0 { throw wrongSize }
            guard status == Z_OK else { throw corrupt }
        }
        guard stream.avail_out == 0 else { throw wrongSize }
    }
}

/// zlib's `inflate`, named apart from Swift's own use of the word.
@inline(__always)
private func zlibInflate(_ stream: UnsafeMutablePointer<z_stream>, _ flush: Int32) -> Int32 {
    CZlib.inflate(stream, flush)
}
