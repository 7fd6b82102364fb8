#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a dataset from a file or standard input: CSV / TSV / other delimited text, JSON Lines,
/// gzip-compressed versions of both, Parquet and Arrow IPC (file and stream), parsed on all cores.
public enum DatasetLoader {
    /// Loads `path` ("-" reads standard input). Throws a `TuttiError` naming the input (and the
    /// line and cell where it applies) for anything that cannot be read; reports progress to
    /// `work` and stops with "loading cancelled" when it is cancelled.
    public static func load(_ path: String, options: LoadOptions = LoadOptions(),
                            work: WorkContext = WorkContext()) throws -> LoadResult {
        MemoryTuning.configure()
        let name = options.displayName ?? (path == "-" ? "<stdin>" : path)
        let buffer = try InputReader.open(path, name: name, options: options, work: work)
        return try load(buffer: buffer, path: path, name: name, options: options, work: work)
    }

    /// Loads data held in memory (for tests and embedded data).
    public static func load(bytes: [UInt8], name: String, options: LoadOptions = LoadOptions(),
                            work: WorkContext = WorkContext()) throws -> LoadResult {
        guard !bytes.isEmpty else { throw TuttiError("the input is empty", file: name) }
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        var buffer = InputBuffer.adopting(copy, count: bytes.count)
        if bytes.count >= 2, bytes[0] == 0x1f, bytes[1] == 0x8b {
            buffer = try Gzip.inflate(buffer.bytes, name: name, options: options, work: work)
        }
        return try load(buffer: buffer, path: name, name: name, options: options, work: work)
    }

    /// Loads `buffer`; fails with a message when its file was truncated while it was read (what
    /// was read, or an error it caused, is then not about the file).
    static func load(buffer: InputBuffer, path: String, name: String, options: LoadOptions,
                             work: WorkContext) throws -> LoadResult {
        let result: LoadResult
        do {
            result = try loadUnchecked(buffer: buffer, path: path, name: name, options: options, work: work)
        } catch where buffer.changedWhileRead {
            throw buffer.changedError(name: name)
        }
        if buffer.changedWhileRead { throw buffer.changedError(name: name) }
        return result
    }

    private static func loadUnchecked(buffer: InputBuffer, path: String, name: String, options: LoadOptions,
                                      work: WorkContext) throws -> LoadResult {
        if work.isCancelled { throw TuttiError.cancelled(file: name) }
        let bytes = buffer.bytes
        let table: ParsedTable
        let isParquet = ParquetReader.isParquet(bytes)
        let isArrow = ArrowReader.isArrowFile(bytes) || ArrowReader.isArrowStream(bytes)
        if isArrow && options.format != .parquet {
            table = try ArrowReader(buffer: buffer, name: name, options: options, work: work).parse()
        } else if options.format == .parquet || isParquet {
            guard isParquet else { throw TuttiError("is not a Parquet file (it does not start with PAR1)", file: name) }
            table = try ParquetReader(buffer: buffer, name: name, options: options, work: work).parse()
        } else {
            if InputSniffer.baseExtension(path) == "parquet" {
                throw TuttiError("is not a Parquet file despite its name (it does not start with PAR1)", file: name)
            }
            if ["arrow", "arrows", "feather"].contains(InputSniffer.baseExtension(path)) {
                throw TuttiError("is not an Arrow IPC file despite its name (it starts with neither ARROW1 nor a stream's schema message)", file: name)
            }
            table = try parseText(buffer: buffer, path: path, name: name, options: options, work: work)
        }
        if work.isCancelled { throw TuttiError.cancelled(file: name) }
        work.report("building columns", bytes.count, bytes.count)
        var (columns, warnings, notes) = try ColumnAssembler(table: table, source: name, timeFormat: options.timeFormat).assemble()
        let rowCount = table.chunkRowCounts.reduce(0, +)
        MemoryTuning.trim()
        var dataset = Dataset(source: name, rowCount: rowCount, columns: columns, columnNotes: notes)
        if let wanted = options.columns, !isParquet, !isArrow {
            columns = try dataset.columns(named: wanted, context: "--columns")
            dataset = Dataset(source: name, rowCount: rowCount, columns: columns, columnNotes: notes)
        }
        return LoadResult(dataset: dataset, warnings: warnings)
    }

    /// Parses delimited text or JSON Lines.
    private static func parseText(buffer: InputBuffer, path: String, name: String, options: LoadOptions,
                                  work: WorkContext) throws -> ParsedTable {
        let bytes = buffer.bytes
        try InputSniffer.rejectBinary(bytes, name: name)
        let bodyStart = InputSniffer.hasUTF8BOM(bytes) ? 3 : 0
        guard bodyStart < bytes.count,
              UnsafeRawBufferPointer(rebasing: bytes[bodyStart...]).contains(where: { !InputSniffer.isSpace($0) }) else {
            throw TuttiError("the input is empty", file: name)
        }
        let format = options.format ?? InputSniffer.format(path: path, bytes: bytes, bodyStart: bodyStart)
        if format == .jsonLines {
            return try JSONLinesParser(buffer: buffer, name: name, options: options, work: work).parse(bodyStart: bodyStart)
        }
        let fallback = InputSniffer.baseExtension(path) == "tsv" ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        let delimiter = options.delimiter
            ?? CSVDialect.sniff(UnsafeRawBufferPointer(rebasing: bytes[bodyStart...]), fallback: fallback)
        return try DelimitedParser(buffer: buffer, name: name, options: options, work: work)
            .parse(bodyStart: bodyStart, delimiter: delimiter)
    }
}
