import CCodecs
import CZlib

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
            return try Self.gzip(input)
        }
    }

    private static func gzip(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip header, as Parquet's GZIP codec expects.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw TuttiError("gzip compression failed") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw TuttiError("gzip compression failed") }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
