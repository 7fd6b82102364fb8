import Foundation
import Testing
@testable import TuttiCore

/// Every bad Arrow input gives a one-line error naming the file (and the column and batch where
/// they apply): never a crash, a hang or an allocation sized by a lying field.
@Suite struct ArrowBadInputTests {
    static func bytes(_ fixture: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: ArrowReaderTests.fixture(fixture))))
    }

    func error(_ bytes: [UInt8], name: String = "bad.arrow", options: LoadOptions = LoadOptions()) -> TuttiError? {
        do {
            _ = try DatasetLoader.load(bytes: bytes, name: name, options: options)
            Issue.record("loaded without an error")
            return nil
        } catch let error as TuttiError {
            #expect(error.file == name)
            #expect(!error.description.contains("\n"))
            return error
        } catch {
            Issue.record("unexpected error: \(error)")
            return nil
        }
    }

    /// The first record batch of a stream: its metadata table, body range and where its metadata lies.
    static func firstBatch(_ bytes: [UInt8]) throws -> (table: Int, header: ArrowBatchHeader, body: Range<Int>, codec: Int?, nodes: Int) {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while let (message, next) = try ArrowMessage.read(at: offset, in: raw) {
                if case .recordBatch(let header, let body) = message {
                    let start = offset + 8
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
                    let root = try FlatBufferTable(root: UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]))
                    let batch = try #require(try root.table(2))
                    let codec = try batch.table(3)?.field(0, size: 1).map { start + $0 }
                    let nodes = try #require(try batch.vector(1, elementSize: 16)).start + start
                    return (start, header, body, codec, nodes)
                }
                offset = next
            }
            throw ArrowFormatError("no record batch")
        }
    }

    @Test func notArrowDespiteTheName() {
        let error = error(Array("a,b\n1,2\n".utf8), name: "data.arrow")
        #expect(error?.message.contains("is not an Arrow IPC file despite its name") == true)
    }

    @Test func truncatedFileAndStream() throws {
        let file = try Self.bytes("pyarrow.arrow")
        for cut in [9, 100, file.count / 2, file.count - 3] {
            #expect(error(Array(file.prefix(cut)))?.message.contains("truncated") == true)
        }
        let stream = try Self.bytes("pyarrow_zstd.arrows")
        for cut in [30, stream.count / 2, stream.count - 20] {
            #expect(error(Array(stream.prefix(cut)), name: "bad.arrows")?.message.contains("truncated") == true)
        }
    }

    @Test func corruptFooterOffset() throws {
        var file = try Self.bytes("ragged.arrow")
        let footerLength = Int(file[file.count - 10]) | Int(file[file.count - 9]) << 8
        let root = file.count - 10 - footerLength
        file.replaceSubrange(root..<(root + 4), with: [0x00, 0xFF, 0xFF, 0x7F])
        #expect(error(file)?.message == "corrupt metadata (a flatbuffer offset or length points outside it)")
    }

    /// Every byte of a small file set to values that make lengths and offsets lie: each load ends
    /// with the table or a one-line error.
    @Test func everyCorruptByteIsAnErrorNotACrash() throws {
        let options = LoadOptions(memoryLimit: 1 << 24)
        // Every byte of the smallest file; every third byte of one with many types.
        for (fixture, step, values) in [("ragged.arrow", 1, [UInt8(0x00), 0x7F, 0xFF]), ("extras.arrow", 3, [0xFF])] {
            let original = try Self.bytes(fixture)
            for offset in stride(from: 0, to: original.count, by: step) {
                for value in values where original[offset] != value {
                    var bytes = original
                    bytes[offset] = value
                    do {
                        _ = try DatasetLoader.load(bytes: bytes, name: "fuzz.arrow", options: options)
                    } catch let error as TuttiError {
                        #expect(!error.description.contains("\n"))
                    }
                }
            }
        }
    }

    @Test func unsupportedCodec() throws {
        var stream = try Self.bytes("pyarrow_zstd.arrows")
        let codec = try #require(try Self.firstBatch(stream).codec)
        stream[codec] = 7
        #expect(error(stream)?.message == "uses compression codec 7, which tutti does not read (only LZ4_FRAME and ZSTD exist)")
    }

    @Test func bufferThatDecompressesToTheWrongSize() throws {
        let original = try Self.bytes("pyarrow_zstd.arrows")
        let batch = try Self.firstBatch(original)
        // The `id` column's data buffer: its uncompressed length prefix.
        let at = batch.body.lowerBound + batch.header.buffers[1].offset
        var longer = original
        longer[at] &+= 8
        #expect(error(longer)?.message.hasPrefix("column 'id', batch 1: a compressed buffer decompresses to") == true)
        var huge = original
        huge[at + 6] = 0x7F
        #expect(error(huge)?.message.hasPrefix("column 'id', batch 1: corrupt compressed buffer (it claims") == true)
    }

    @Test func lyingFieldNodeLength() throws {
        var stream = try Self.bytes("pyarrow_zstd.arrows")
        let batch = try Self.firstBatch(stream)
        stream[batch.nodes + 6] = 0x40
        let error = error(stream, options: LoadOptions(memoryLimit: 1 << 30))
        #expect(error?.message.hasPrefix("column 'id', batch 1: ") == true)
    }

    @Test func unsupportedTypes() throws {
        let loaded = try DatasetLoader.load(ArrowReaderTests.fixture("unsupported.arrow"))
        #expect(loaded.dataset.columnNames == ["id"])
        #expect(loaded.warnings.map(\.message).contains { $0.contains("column 'span' is an interval, which tutti does not read") })
        #expect(loaded.warnings.map(\.message).contains { $0.contains("column 'either' is a union") })
        let error = #expect(throws: TuttiError.self) {
            try DatasetLoader.load(ArrowReaderTests.fixture("unsupported.arrow"), options: LoadOptions(columns: ["span"]))
        }
        #expect(error?.message == "column 'span': is an interval, which tutti does not read")
    }

    @Test func raggedListUsedAsAVector() throws {
        let error = error(try Self.bytes("ragged.arrow"))
        #expect(error?.message == "column 'v', batch 1: is a list of numbers used as a vector, but its row 2 of the batch has 1 value where earlier rows have 2")
    }

    /// Found by `scripts/fuzz/fuzz.py --target arrow`: a 3.5 kB stream whose struct fields share
    /// their children level after level, naming exponentially many fields. It is refused, not walked.
    @Test func fieldsSharingChildrenAreRefused() throws {
        let error = error(try Self.bytes("fuzz_shared_children.arrows"), name: "bad.arrows")
        #expect(error?.message == "corrupt schema (more fields than its metadata could hold)")
    }

    /// Found by `scripts/fuzz/fuzz.py --target arrow` (seed 11): a batch claiming billions of data
    /// buffers for a view column sized a 34 GB array. A count past the batch's buffers is refused.
    @Test func aViewColumnClaimingMoreBuffersThanTheBatchHoldsIsRefused() throws {
        let error = error(try Self.bytes("fuzz_variadic_count.feather"))
        #expect(error?.message.contains("corrupt record batch (a variadic buffer count)") == true, "\(String(describing: error))")
    }
}
