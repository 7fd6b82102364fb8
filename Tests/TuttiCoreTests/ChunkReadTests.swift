import Foundation
import Testing
@testable import TuttiCore

/// Delimited files read chunk by chunk with `pread` give the same table as the mapped file (the
/// default), and a file that shrinks while it is read is an error, not SIGBUS.
@Suite struct ChunkReadTests {
    /// Quoted line breaks, doubled quotes, CRLF, short rows, a column that turns text in a
    /// late chunk (so early chunks are read again), and a 200 KB quoted record with line breaks
    /// that runs past several chunks and past the first window read for its chunk.
    static func awkwardFile() -> String {
        var text = "id,kind,note,v\r\n"
        for row in 0..<3_000 {
            let note: String
            switch row % 7 {
            case 0: note = "\"two\r\nlines, \"\"quoted\"\"\""
            case 3: note = "plain \(row)"
            default: note = "n\(row % 11)"
            }
            let v = row < 2_500 ? "\(row)" : "t\(row)"
            text += row % 13 == 5 ? "\(row),k\(row % 3)\r\n" : "\(row),k\(row % 3),\(note),\(v)\r\n"
            if row == 1_200 {
                let long = (0..<4_000).map { "line \($0) of a long, quoted field" }.joined(separator: "\n")
                text += "big,k0,\"\(long)\",\(row)\r\n"
            }
        }
        return text
    }

    @Test func readChunksGiveTheSameTableAsTheMapping() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("awkward.csv", Self.awkwardFile())
        for chunkSize in [97, 4_096, 1 << 30] {
            var read = LoadOptions(chunkSize: chunkSize)
            read.readsFileInChunks = true
            var mapped = read
            mapped.readsFileInChunks = false
            let byRead = try DatasetLoader.load(path, options: read)
            let byMapping = try DatasetLoader.load(path, options: mapped)
            let inMemory = try load(Self.awkwardFile(), options: read)
            #expect(byRead.dataset.rowCount == 3_001, "chunk size \(chunkSize)")
            #expect(byRead.dataset.columns == byMapping.dataset.columns, "chunk size \(chunkSize)")
            #expect(byRead.dataset.columns == inMemory.dataset.columns, "chunk size \(chunkSize)")
            #expect(byRead.warnings == byMapping.warnings, "chunk size \(chunkSize)")
            #expect(byRead.dataset.column(named: "v")?.kind == .text)
        }
    }

    @Test func errorsNameTheSameLineWhenReadInChunks() throws {
        let folder = try TemporaryFolder()
        var text = "a,b\n"
        for row in 0..<5_000 { text += "\(row),\(row)\n" }
        text += "1,2,3\n"
        let path = try folder.write("long-row.csv", text)
        var options = LoadOptions(chunkSize: 97)
        options.readsFileInChunks = true
        #expect(throws: TuttiError.self) { try DatasetLoader.load(path, options: options) }
        do {
            _ = try DatasetLoader.load(path, options: options)
        } catch let error as TuttiError {
            #expect(error.description.contains("5002"), "\(error)")
        }
    }

    /// The file is opened (and mapped) whole, then cut to a third before its chunks are read.
    /// Read in chunks, the reads come back short; through the guarded mapping, the reads past
    /// the new end see zeros and the guard notes it. Either way the load stops with a message,
    /// where touching an unguarded mapping past the new end would have raised SIGBUS.
    @Test(arguments: [true, false]) func aFileTruncatedWhileLoadingIsAClearError(readsFileInChunks: Bool) throws {
        let folder = try TemporaryFolder()
        var text = "id,word\n"
        for row in 0..<60_000 { text += "\(row),word\(row % 97)\n" }
        let path = try folder.write("shrinks.csv", text)
        var options = LoadOptions(chunkSize: 64 << 10)
        options.readsFileInChunks = readsFileInChunks
        let buffer = try InputReader.open(path, name: "shrinks.csv", options: options, work: WorkContext())
        #expect(buffer.isGuarded)
        #expect(truncate(path, off_t(text.utf8.count / 3)) == 0)
        do {
            _ = try DatasetLoader.load(buffer: buffer, path: path, name: "shrinks.csv", options: options, work: WorkContext())
            Issue.record("a truncated file loaded without an error")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("shrinks.csv"))
            #expect(message.contains("changed while it was read"), "\(message)")
        }
        #expect(buffer.changedWhileRead)
        #expect(buffer.readPastEnd == !readsFileInChunks, "only the mapping is read past the end")
    }

    /// A gzip file of two members cut after the first while it is inflated: the rest reads as
    /// zeros, which gzip takes for padding, so only a check of the file tells the load is short.
    @Test func aGzipFileTruncatedWhileInflatedIsAClearError() throws {
        let folder = try TemporaryFolder()
        var first = "id,word\n", second = ""
        for row in 0..<3_000 { first += "\(row),w\(row * 7919 % 10_007)\n" }
        for row in 3_000..<9_000 { second += "\(row),w\(row * 7919 % 10_007)\n" }
        let head = try gzipped(Array(first.utf8)), tail = try gzipped(Array(second.utf8))
        let path = try folder.write("two.csv.gz", head + tail)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let raw = try InputBuffer.mapping(descriptor: descriptor, count: head.count + tail.count, name: "two.csv.gz")
        #expect(truncate(path, off_t(head.count)) == 0)
        #expect(throws: TuttiError.self) {
            try InputReader.inflatedIfCompressed(raw, name: "two.csv.gz", options: LoadOptions(), work: WorkContext())
        }
        do {
            _ = try InputReader.inflatedIfCompressed(raw, name: "two.csv.gz", options: LoadOptions(), work: WorkContext())
        } catch {
            #expect(String(describing: error).contains("changed while it was read: it ends at byte \(head.count)"), "\(error)")
        }
    }

    /// A big file cut near its start stops at the next chunk, not after scanning the zeros of
    /// its old length: its chunks are windows of the mapping, checked before each is scanned.
    @Test func aFileCutNearItsStartStopsEarly() throws {
        let folder = try TemporaryFolder()
        var text = "id,word\n"
        for row in 0..<200_000 { text += "\(row),w\(row % 97)\n" }
        let path = try folder.write("cut.csv", text)
        let options = LoadOptions(chunkSize: 64 << 10)
        let buffer = try InputReader.open(path, name: "cut.csv", options: options, work: WorkContext())
        #expect(truncate(path, 10_000) == 0)
        let parser = DelimitedParser(buffer: buffer, name: "cut.csv", options: options, work: WorkContext())
        #expect(throws: TuttiError.self) { try parser.parse(bodyStart: 0, delimiter: UInt8(ascii: ",")) }
        #expect(buffer.readPastEnd)
    }

    /// A file rewritten in place to the same length while it is read has changed (old and new
    /// pages may both have been read); one that only grew has not (the mapped bytes are intact).
    @Test func aRewriteIsAChangeAndAnAppendIsNot() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("edited.csv", "a,b\n1,2\n3,4\n")
        let descriptor = open(path, O_RDWR)
        defer { close(descriptor) }
        let buffer = try InputBuffer.mapping(descriptor: descriptor, count: 12, name: "edited.csv")
        #expect(!buffer.changedWhileRead)
        usleep(20_000)
        #expect(pwrite(descriptor, "a,b\n9,9\n3,4\n", 12, 0) == 12)
        #expect(buffer.changedWhileRead)
        #expect(String(describing: buffer.changedError(name: "edited.csv")).contains("rewritten"))

        let grown = try folder.write("grown.csv", "a,b\n1,2\n")
        let appender = open(grown, O_RDWR | O_APPEND)
        defer { close(appender) }
        let appended = try InputBuffer.mapping(descriptor: appender, count: 8, name: "grown.csv")
        usleep(20_000)
        #expect(write(appender, "3,4\n", 4) == 4)
        #expect(!appended.changedWhileRead)
    }

    /// A read of a guarded mapping past the end of its truncated file sees zeros, not SIGBUS.
    @Test func theGuardGivesZerosPastTheEnd() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("gone.csv", String(repeating: "x", count: 3 * 65_536))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let buffer = try InputBuffer.mapping(descriptor: descriptor, count: 3 * 65_536, name: "gone.csv")
        #expect(truncate(path, 0) == 0)
        #expect(!buffer.readPastEnd)
        let byte = buffer.bytes.load(fromByteOffset: 2 * 65_536 + 7, as: UInt8.self)
        #expect(byte == 0)
        #expect(buffer.readPastEnd)
        #expect(buffer.changedWhileRead)
    }

    /// JSON Lines, Parquet and Arrow are read through the mapping: a file truncated after it was
    /// mapped is a clear error too.
    @Test func aTruncatedJSONLinesFileIsAClearError() throws {
        let folder = try TemporaryFolder()
        var text = ""
        for row in 0..<40_000 { text += "{\"id\": \(row), \"word\": \"w\(row % 31)\"}\n" }
        let path = try folder.write("shrinks.jsonl", text)
        let buffer = try InputReader.open(path, name: "shrinks.jsonl", options: LoadOptions(), work: WorkContext())
        #expect(truncate(path, 100) == 0)
        #expect(throws: TuttiError.self) {
            try DatasetLoader.load(buffer: buffer, path: path, name: "shrinks.jsonl", options: LoadOptions(), work: WorkContext())
        }
        do {
            _ = try DatasetLoader.load(buffer: buffer, path: path, name: "shrinks.jsonl", options: LoadOptions(), work: WorkContext())
        } catch {
            #expect(String(describing: error).contains("changed while it was read: it ends at byte 100"), "\(error)")
        }
    }

    @Test func aShortReadIsReportedNotPadded() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("short.csv", "a\n1\n2\n")
        let buffer = try InputReader.open(path, name: "short.csv", options: LoadOptions(), work: WorkContext())
        let windows = ChunkWindowReader(buffer: buffer, name: "short.csv", readsFile: true)
        #expect(windows.readsFromFile)
        let whole = try windows.withWindow(0..<6) { Array(UnsafeBufferPointer(start: $0.pointer, count: $0.count)) }
        #expect(whole == Array("a\n1\n2\n".utf8))
        #expect(truncate(path, 3) == 0)
        #expect(throws: TuttiError.self) { try windows.withWindow(2..<6) { $0.count } }
        #expect(try windows.withWindow(0..<3) { $0.reachesInputEnd } == false)
    }
}
