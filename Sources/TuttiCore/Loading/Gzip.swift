import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// gzip decompression with zlib, for `.gz` inputs (several concatenated members allowed).
enum Gzip {
    /// Decompresses `input` into a new heap buffer, stopping with an error past
    /// `options.memoryLimit` bytes of output (a gzip bomb).
    static func inflate(_ input: UnsafeRawBufferPointer, name: String, options: LoadOptions, work: WorkContext) throws -> InputBuffer {
        var stream = z_stream()
        // 15 window bits + 16: gzip framing only.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw TuttiError("cannot start gzip decompression", file: name)
        }
        defer { inflateEnd(&stream) }
        let limit = max(1, options.memoryLimit)
        // One byte over the limit tells an output of exactly `limit` bytes from a longer one.
        var capacity = min(max(1 << 20, input.count * 4), limit + 1)
        guard var output = malloc(capacity) else { throw TuttiError("out of memory", file: name) }
        var produced = 0
        var consumed = 0
        var failure: TuttiError?
        while true {
            if work.isCancelled { failure = .cancelled(file: name); break }
            if produced == capacity {
                if produced > limit {
                    failure = MemoryBudget.exceeded(limit, what: "the input decompresses to", name: name)
                    break
                }
                capacity = min(capacity * 2, limit + 1)
                guard let grown = realloc(output, capacity) else {
                    failure = TuttiError("out of memory decompressing", file: name)
                    break
                }
                output = grown
            }
            let inputLeft = input.count - consumed
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + consumed)
            stream.avail_in = UInt32(min(inputLeft, Int(UInt32.max)))
            stream.next_out = (output + produced).assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(min(capacity - produced, Int(UInt32.max)))
            let inBefore = Int(stream.avail_in), outBefore = Int(stream.avail_out)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            consumed += inBefore - Int(stream.avail_in)
            produced += outBefore - Int(stream.avail_out)
            work.report("decompressing", consumed, input.count)
            if status == Z_STREAM_END {
                // Another gzip member may follow; trailing zero padding is tolerated.
                let rest = UnsafeRawBufferPointer(rebasing: input[consumed...])
                if rest.allSatisfy({ $0 == 0 }) { break }
                inflateReset(&stream)
                continue
            }
            if status != Z_OK && status != Z_BUF_ERROR {
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                failure = TuttiError("not valid gzip data (\(detail))", file: name)
                break
            }
            if consumed == input.count, stream.avail_out != 0 {
                // zlib had room to write but no input left: the stream ends early.
                failure = TuttiError("the gzip data is truncated", file: name)
                break
            }
        }
        if failure == nil, produced > limit {
            failure = MemoryBudget.exceeded(limit, what: "the input decompresses to", name: name)
        }
        if let failure {
            free(output)
            throw failure
        }
        guard produced > 0 else {
            free(output)
            throw TuttiError("the input is empty (after decompression)", file: name)
        }
        return InputBuffer.adopting(realloc(output, produced) ?? output, count: produced)
    }
}
