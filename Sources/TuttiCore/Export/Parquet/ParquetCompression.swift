import CCodecs

/// The compression of a Parquet export's pages.
public enum ParquetCompression: String, Sendable, CaseIterable {
    case snappy, zstd, gzip, none

    /// The codec number in the file's metadata.
    var codec: Int32 {
        switch self {
        case .none: 0
        case .snappy: 1
        case .gzip: 2
        case .zstd: 6
        }
    }

    /// Compresses one page into `output` (grown when too small, never shrunk, so one buffer
    /// serves every page of a chunk) and returns the compressed length; `.none` leaves `output`
    /// alone and returns the input's length (the page is written as it is).
    func compress(_ input: [UInt8], into output: inout [UInt8]) throws -> Int {
        switch self {
        case .none:
            return input.count
        case .snappy:
            var length = snappy_max_compressed_length(input.count)
            Self.ensure(&output, length)
            let status = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    snappy_compress(UnsafeRawPointer(source.baseAddress!).assumingMemoryBound(to: CChar.self), source.count,
                                    UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self), &length)
                }
            }
            guard status == SNAPPY_OK else { throw TuttiError("snappy compression failed") }
            return length
        case .zstd:
            Self.ensure(&output, ZSTD_compressBound(input.count))
            let written = input.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { target in
                    ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 3)
                }
            }
            guard ZSTD_isError(written) == 0 else { throw TuttiError("zstd compression failed") }
            return written
        case .gzip:
            // One gzip member, as Parquet's GZIP codec expects.
            let member = try GzipCompressor.member(holding: input, level: 6, name: nil).get()
            Self.ensure(&output, member.count)
            output.withUnsafeMutableBufferPointer { target in
                member.withUnsafeBufferPointer { target.baseAddress!.update(from: $0.baseAddress!, count: $0.count) }
            }
            return member.count
        }
    }

    /// Makes `buffer` at least `count` bytes long, without clearing what it holds.
    private static func ensure(_ buffer: inout [UInt8], _ count: Int) {
        guard buffer.count < count else { return }
        buffer = [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
