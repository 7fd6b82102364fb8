#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a dataset from a file or standard input: CSV / TSV / other delimited text, JSON Lines,
/// and gzip-compressed versions of both, parsed on all cores.
public enum DatasetLoader {
    /// Loads `path` ("-" reads standard input). Throws a `TuttiError` naming the input (and the
    /// line and cell where it applies) for anything that cannot be read.
    public static func load(_ path: String, options: LoadOptions = LoadOptions()) throws -> LoadResult {
        MemoryTuning.configure()
        let name = options.displayName ?? (path == "-" ? "<stdin>" : path)
        let buffer = try InputReader.open(path, name: name, options: options)
        return try load(buffer: buffer, path: path, name: name, options: options)
    }

    /// Loads data held in memory (for tests and embedded data).
    public static func load(bytes: [UInt8], name: String, options: LoadOptions = LoadOptions()) throws -> LoadResult {
        guard !bytes.isEmpty else { throw TuttiError("the input is empty", file: name) }
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        var buffer = InputBuffer.adopting(copy, count: bytes.count)
        if bytes.count >= 2, bytes[0] == 0x1f, bytes[1] == 0x8b {
            buffer = try Gzip.inflate(buffer.bytes, name: name, options: options)
        }
        return try load(buffer: buffer, path: name, name: name, options: options)
    }

    private static func load(buffer: InputBuffer, path: String, name: String, options: LoadOptions) throws -> LoadResult {
        if options.cancellation?.isCancelled == true { throw TuttiError.cancelled(file: name) }
        let bytes = buffer.bytes
        try InputSniffer.rejectBinary(bytes, name: name)
        let bodyStart = InputSniffer.hasUTF8BOM(bytes) ? 3 : 0
        guard bodyStart < bytes.count,
              UnsafeRawBufferPointer(rebasing: bytes[bodyStart...]).contains(where: { !InputSniffer.isSpace($0) }) else {
            throw TuttiError("the input is empty", file: name)
        }
        let format = options.format ?? InputSniffer.format(path: path, bytes: bytes, bodyStart: bodyStart)
        let table: ParsedTable
        switch format {
        case .delimited:
            let fallback = InputSniffer.baseExtension(path) == "tsv" ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            let delimiter = options.delimiter
                ?? CSVDialect.sniff(UnsafeRawBufferPointer(rebasing: bytes[bodyStart...]), fallback: fallback)
            table = try DelimitedParser(buffer: buffer, name: name, options: options)
                .parse(bodyStart: bodyStart, delimiter: delimiter)
        case .jsonLines:
            table = try JSONLinesParser(buffer: buffer, name: name, options: options).parse(bodyStart: bodyStart)
        }
        if options.cancellation?.isCancelled == true { throw TuttiError.cancelled(file: name) }
        options.progress?(LoadProgress(bytesDone: bytes.count, bytesTotal: bytes.count, phase: "building columns"))
        let (columns, warnings, notes) = try ColumnAssembler(table: table, source: name, timeFormat: options.timeFormat).assemble()
        let rowCount = table.chunkRowCounts.reduce(0, +)
        MemoryTuning.trim()
        return LoadResult(dataset: Dataset(source: name, rowCount: rowCount, columns: columns, columnNotes: notes),
                          warnings: warnings)
    }
}
