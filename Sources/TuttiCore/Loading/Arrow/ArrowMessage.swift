/// The compression of a record batch's buffers (Message.fbs, `CompressionType`).
enum ArrowCodec: Sendable {
    case lz4Frame, zstd
}

/// The metadata of a record batch (or of a dictionary batch's data): row count, one field node
/// (length, null count) per array in pre-order, and where each buffer lies in the body.
struct ArrowBatchHeader: Sendable {
    var length: Int
    var nodes: [(length: Int, nullCount: Int)]
    var buffers: [(offset: Int, length: Int)]
    var codec: ArrowCodec?
    /// The number of data buffers of each view-typed array, in order.
    var variadicCounts: [Int]

    init(_ table: FlatBufferTable) throws {
        let length = try table.int64(0)
        guard length >= 0 else { throw ArrowFormatError("corrupt record batch (a negative row count)") }
        self.length = Int(length)
        nodes = try table.int64Structs(1, fields: 2).map { node in
            guard node[0] >= 0, node[1] >= 0, node[1] <= node[0] else { throw ArrowFormatError("corrupt record batch (a field node's lengths)") }
            return (Int(node[0]), Int(node[1]))
        }
        buffers = try table.int64Structs(2, fields: 2).map { buffer in
            guard buffer[0] >= 0, buffer[1] >= 0, buffer[0] <= Int64(Int.max) - buffer[1] else {
                throw ArrowFormatError("corrupt record batch (a buffer's offset or length)")
            }
            return (Int(buffer[0]), Int(buffer[1]))
        }
        if let compression = try table.table(3) {
            switch try compression.uint8(0) {
            case 0: codec = .lz4Frame
            case 1: codec = .zstd
            case let other: throw ArrowFormatError("uses compression codec \(other), which tutti does not read (only LZ4_FRAME and ZSTD exist)")
            }
            guard try compression.uint8(1) == 0 else { throw ArrowFormatError("uses a compression method other than per-buffer, which tutti does not read") }
        }
        let bufferCount = buffers.count
        variadicCounts = try table.vector(4, elementSize: 8).map { start, count in
            try (0..<count).map { index in
                let value = Int64(littleEndian: table.bytes.loadUnaligned(fromByteOffset: start + 8 * index, as: Int64.self))
                // More data buffers than the batch holds is a lie (a fuzzed count sized a 34 GB array).
                guard value >= 0, value <= bufferCount else { throw ArrowFormatError("corrupt record batch (a variadic buffer count)") }
                return Int(value)
            }
        } ?? []
    }
}

/// One encapsulated IPC message (Columnar.rst, "Encapsulated message format"): its header and
/// where its body lies in the file.
enum ArrowMessage {
    case schema(ArrowSchema)
    case dictionary(id: Int64, isDelta: Bool, data: ArrowBatchHeader, body: Range<Int>)
    case recordBatch(ArrowBatchHeader, body: Range<Int>)
    /// A tensor or other message a table reader skips.
    case other

    /// The message at `offset` of `bytes` and the offset after it, or nil at the end-of-stream
    /// marker or the end of the bytes.
    static func read(at offset: Int, in bytes: UnsafeRawBufferPointer) throws -> (ArrowMessage, next: Int)? {
        guard offset < bytes.count else { return nil }
        guard offset <= bytes.count - 4 else { throw ArrowFormatError("is truncated (a message is cut off)") }
        var start = offset + 4
        var length = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
        if length == -1 {
            // The continuation marker, then the metadata length.
            guard offset <= bytes.count - 8 else { throw ArrowFormatError("is truncated (a message is cut off)") }
            length = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self)))
            start += 4
        }
        if length == 0 { return nil }
        guard length > 0 else { throw ArrowFormatError("has a corrupt message (metadata length \(length))") }
        guard length <= bytes.count - start else { throw ArrowFormatError("is truncated (a message's metadata runs past the end of the file)") }
        let message = try FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]))
        let bodyStart = start + length
        let bodyLength = try message.int64(3)
        guard bodyLength >= 0, bodyLength <= Int64(bytes.count - bodyStart) else {
            throw ArrowFormatError("is truncated (a message's body runs past the end of the file)")
        }
        let body = bodyStart..<(bodyStart + Int(bodyLength))
        let header = try message.table(2)
        switch try message.uint8(1) {
        case 1:
            guard let header else { throw FlatBufferTable.corrupt }
            return (.schema(try ArrowSchema(header)), body.upperBound)
        case 2:
            guard let header, let data = try header.table(1) else { throw FlatBufferTable.corrupt }
            return (.dictionary(id: try header.int64(0), isDelta: try header.bool(2), data: try ArrowBatchHeader(data), body: body), body.upperBound)
        case 3:
            guard let header else { throw FlatBufferTable.corrupt }
            return (.recordBatch(try ArrowBatchHeader(header), body: body), body.upperBound)
        default:
            return (.other, body.upperBound)
        }
    }
}
