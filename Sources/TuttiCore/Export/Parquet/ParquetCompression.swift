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

    /// Compresses one page.
    func compress(_ input: [UInt8]) throws -> [UInt8] {
        switch self {
        case .none:
            return input
        case .snappy:
            var length = snappy_max_compressed_length(input.count)
            var output = [UInt8](repeating: 0, count: length)
            let status = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    snappy_compress(UnsafeRawPointer(source.baseAddress!).assumingMemoryBound(to: CChar.self), source.count,
                                    UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self), &length)
                }
            }
            guard status == SNAPPY_OK else { throw TuttiError("snappy compression failed") }
            output.removeLast(output.count - length)
            return output
        case .zstd:
            var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
            let written = input.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { target in
                    ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 3)
                }
            }
            guard ZSTD_isError(written) == 0 else { throw TuttiError("zstd compression failed") }
            output.removeLast(output.count - written)
            return output
        case .gzip:
            // One gzip member, as Parquet's GZIP codec expects.
            return try GzipCompressor.member(holding: input, level: 6, name: nil).get()
        }
    }
}
