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
        let stored = try storedBuffer(index)
        guard let codec = header.codec, stored.count > 0 else { return stored }
        let (input, declared) = try compressed(stored, codec: codec)
        guard let size = declared else { return input }
        guard size > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let target = malloc(size)!
        owned.append(target)
        try decompress(input, codec: codec, into: UnsafeMutableRawBufferPointer(start: target, count: size))
        return UnsafeRawBufferPointer(start: target, count: size)
    }

    /// Copies the first `count` bytes of buffer `index`, uncompressed, to `target`: a compressed
    /// buffer of exactly `count` bytes is decompressed straight there, with no copy in between.
    func copy(_ index: Int, count: Int, into target: UnsafeMutableRawPointer) throws {
        let stored = try storedBuffer(index)
        if let codec = header.codec, stored.count > 0 {
            let (input, declared) = try compressed(stored, codec: codec)
            if let declared, declared == count, count > 0 {
                try decompress(input, codec: codec, into: UnsafeMutableRawBufferPointer(start: target, count: count))
                return
            }
        }
        let bytes = try buffer(index)
        guard bytes.count >= count else { throw ArrowFormatError("corrupt data buffer (shorter than its array)") }
        if count > 0 { target.copyMemory(from: bytes.baseAddress!, byteCount: count) }
    }

    /// Buffer `index` as stored in the body.
    private func storedBuffer(_ index: Int) throws -> UnsafeRawBufferPointer {
        guard index < header.buffers.count else { throw ArrowFormatError("corrupt record batch (fewer buffers than its columns need)") }
        let (offset, length) = header.buffers[index]
        guard offset <= body.count, length <= body.count - offset else {
            throw ArrowFormatError("is truncated or corrupt (a buffer lies outside its batch's body)")
        }
        return UnsafeRawBufferPointer(rebasing: body[offset..<(offset + length)])
    }

    /// The compressed bytes of a stored buffer and its declared uncompressed size, checked
    /// against the codec's largest ratio (a lying length must not cause a huge allocation); nil
    /// for a buffer stored uncompressed (declared as -1).
    private func compressed(_ stored: UnsafeRawBufferPointer, codec: ArrowCodec) throws -> (UnsafeRawBufferPointer, Int?) {
        guard stored.count >= 8 else { throw ArrowFormatError("corrupt compressed buffer (shorter than its length prefix)") }
        let declared = Int64(littleEndian: stored.loadUnaligned(as: Int64.self))
        let input = UnsafeRawBufferPointer(rebasing: stored[8...])
        if declared == -1 { return (input, nil) }
        let ratio = codec == .zstd ? 32_768 : 256
        guard declared >= 0, declared <= Int64(memoryLimit), declared / Int64(ratio) <= Int64(input.count) + 1 else {
            throw ArrowFormatError("corrupt compressed buffer (it claims \(declared) bytes uncompressed from \(input.count))")
        }
        return (input, Int(declared))
    }

    /// Decompresses `input` into the whole of `output`, which must be exactly filled.
    private func decompress(_ input: UnsafeRawBufferPointer, codec: ArrowCodec, into output: UnsafeMutableRawBufferPointer) throws {
        let got: Int
        switch codec {
        case .zstd:
            let result = ZSTD_decompress(output.baseAddress, output.count, input.baseAddress, input.count)
            guard ZSTD_isError(result) == 0 else { throw ArrowFormatError("corrupt ZSTD buffer") }
            got = result
        case .lz4Frame:
            got = try Self.lz4FrameDecompress(input, into: output)
        }
        guard got == output.count else { throw ArrowFormatError("a compressed buffer decompresses to \(got) bytes, not the \(output.count) it declares") }
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
