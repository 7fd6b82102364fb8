import CCodecs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The buffers of one record batch's body, read in place from the (mapped) file when
/// uncompressed, or decompressed into memory this source owns (freed with it).
final class ArrowBufferSource {
    private let body: UnsafeRawBufferPointer
    private let header: ArrowBatchHeader
    private let memoryLimit: Int
    private var owned: [UnsafeMutableRawPointer] = []

    init(file: UnsafeRawBufferPointer, body: Range<Int>, header: ArrowBatchHeader, memoryLimit: Int) {
        self.body = UnsafeRawBufferPointer(rebasing: file[body])
        self.header = header
        self.memoryLimit = memoryLimit
    }

    deinit { for pointer in owned { free(pointer) } }

    /// Buffer `index` of the batch, uncompressed.
    func buffer(_ index: Int) throws -> UnsafeRawBufferPointer {
        guard index < header.buffers.count else { throw ArrowFormatError("corrupt record batch (fewer buffers than its columns need)") }
        let (offset, length) = header.buffers[index]
        guard offset <= body.count, length <= body.count - offset else {
            throw ArrowFormatError("is truncated or corrupt (a buffer lies outside its batch's body)")
        }
        let stored = UnsafeRawBufferPointer(rebasing: body[offset..<(offset + length)])
        guard let codec = header.codec, length > 0 else { return stored }
        guard length >= 8 else { throw ArrowFormatError("corrupt compressed buffer (shorter than its length prefix)") }
        let declared = Int64(littleEndian: stored.loadUnaligned(as: Int64.self))
        let input = UnsafeRawBufferPointer(rebasing: stored[8...])
        if declared == -1 { return input }
        // A lying length must not cause a huge allocation: bound it by the codec's largest ratio.
        let ratio = codec == .zstd ? 32_768 : 256
        guard declared >= 0, declared <= Int64(memoryLimit), declared / Int64(ratio) <= Int64(input.count) + 1 else {
            throw ArrowFormatError("corrupt compressed buffer (it claims \(declared) bytes uncompressed from \(input.count))")
        }
        let size = Int(declared)
        guard size > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let target = malloc(size)!
        owned.append(target)
        let got: Int
        switch codec {
        case .zstd:
            let result = ZSTD_decompress(target, size, input.baseAddress, input.count)
            guard ZSTD_isError(result) == 0 else { throw ArrowFormatError("corrupt ZSTD buffer") }
            got = result
        case .lz4Frame:
            got = try Self.lz4FrameDecompress(input, into: UnsafeMutableRawBufferPointer(start: target, count: size))
        }
        guard got == size else { throw ArrowFormatError("a compressed buffer decompresses to \(got) bytes, not the \(size) it declares") }
        return UnsafeRawBufferPointer(start: target, count: size)
    }

    private static func lz4FrameDecompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        var context: OpaquePointer?
        guard LZ4F_isError(LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))) == 0, let context else {
            throw ArrowFormatError("cannot start LZ4 decompression")
        }
        defer { LZ4F_freeDecompressionContext(context) }
        var read = 0, written = 0
        while read < input.count {
            var sourceSize = input.count - read
            var targetSize = output.count - written
            let hint = LZ4F_decompress(context, output.baseAddress! + written, &targetSize, input.baseAddress! + read, &sourceSize, nil)
            guard LZ4F_isError(hint) == 0 else { throw ArrowFormatError("corrupt LZ4 buffer") }
            read += sourceSize
            written += targetSize
            if hint == 0 { break }
            if sourceSize == 0 && targetSize == 0 { throw ArrowFormatError("an LZ4 buffer decompresses to more bytes than it declares") }
        }
        return written
    }
}
