import CZlib
import Foundation

/// gzip compression on all cores, in front of another sink.
///
/// Blocks are gathered, one per core, compressed in parallel, each into a gzip member of its own,
/// and written in order. A file of several members is standard gzip (as `pigz` and `bgzip` write
/// it): `gzip -d`, zlib, Python and tutti's loader read it whole.
final class GzipCompressor: ByteSink {
    private let destination: any ByteSink
    private let name: String
    private let level: Int32
    private let parallelism = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    private var pending: [[UInt8]] = []
    private var membersWritten = 0

    /// A compressor at zlib level `level` (1–9) writing to `destination`; `name` is the file for messages.
    init(level: Int, destination: any ByteSink, name: String) {
        self.destination = destination
        self.name = name
        self.level = Int32(min(max(level, 1), 9))
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        pending.append(Array(bytes))
        if pending.count == parallelism { try compressPending() }
    }

    func finish() throws {
        // An empty file still gets one (empty) member, so that it is valid gzip.
        if pending.isEmpty, membersWritten == 0 { pending.append([]) }
        try compressPending()
        try destination.finish()
    }

    private func compressPending() throws {
        let blocks = pending
        pending.removeAll(keepingCapacity: true)
        let level = level, name = name
        let members = ResultSlots<Result<[UInt8], TuttiError>>.collect(count: blocks.count) { index in
            Self.member(holding: blocks[index], level: level, name: name)
        }
        for member in members {
            try member.get().withUnsafeBytes { try destination.write($0) }
            membersWritten += 1
        }
    }

    /// One complete gzip member holding `block`, compressed at zlib level `level`; errors name
    /// `name` as the file when it is given.
    static func member(holding block: [UInt8], level: Int32, name: String?) -> Result<[UInt8], TuttiError> {
        var stream = z_stream()
        // 15 window bits + 16: gzip framing.
        let started = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                    Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else {
            return .failure(TuttiError("cannot start gzip compression (zlib error \(started))", file: name))
        }
        defer { deflateEnd(&stream) }
        // deflateBound is enough room for the whole member, header and trailer included.
        var member = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(block.count))))
        let status = block.withUnsafeBufferPointer { input in
            member.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            return .failure(TuttiError("gzip compression failed (zlib error \(status))", file: name))
        }
        member.removeLast(Int(stream.avail_out))
        return .success(member)
    }
}
