/// The formats tutti reads.
public enum DataFormat: String, Sendable, CaseIterable {
    /// Comma-, tab-, semicolon- or pipe-separated values with a header row.
    case delimited
    /// JSON Lines: one flat JSON object per line.
    case jsonLines
    /// Apache Parquet (recognised by its `PAR1` magic bytes, whatever the name).
    case parquet
}

/// How to load a file.
public struct LoadOptions: Sendable {
    /// The format, or nil to decide from the file name and contents.
    public var format: DataFormat?
    /// The delimiter of a delimited file, or nil to sniff it.
    public var delimiter: UInt8?
    /// Columns to keep as free text even when their values repeat.
    public var textColumns: Set<String>
    /// The columns to load, in this order, or nil for all. A Parquet file reads only these
    /// column chunks; other formats drop the rest after parsing.
    public var columns: [String]?
    /// The most bytes of input per parallel work item (a file is cut into smaller items when
    /// that keeps every core busy: see `ChunkSizing`).
    public var chunkSize: Int
    /// Display name of the input in messages (defaults to the path).
    public var displayName: String?
    /// Most bytes of input held in memory: read from a pipe or standard input, or produced
    /// by gzip decompression (see `MemoryBudget`).
    public var memoryLimit: Int
    /// The pattern of a file's times when they are not ISO 8601 (`--time-format`); ISO 8601
    /// times are recognised without one.
    public var timeFormat: TimeFormat?
    /// Whether the chunks of a delimited-text file are read with `pread` into reused buffers
    /// rather than through the file's memory mapping. Both give the same table, and a file
    /// truncated meanwhile is a clear error either way (see `InputBuffer`); the mapping costs the
    /// kernel less (no copy), so it is the default wherever its guard is installed, and reading
    /// is used where it is not.
    public var readsFileInChunks = false

    /// Options that infer everything.
    public init(format: DataFormat? = nil, delimiter: UInt8? = nil, textColumns: Set<String> = [],
                chunkSize: Int = 32 << 20, displayName: String? = nil, memoryLimit: Int = MemoryBudget.defaultBytes,
                columns: [String]? = nil) {
        self.format = format
        self.delimiter = delimiter
        self.textColumns = textColumns
        self.chunkSize = chunkSize
        self.displayName = displayName
        self.memoryLimit = memoryLimit
        self.columns = columns
    }
}

/// Something the loader fixed on its own and the user should hear about.
public struct LoadWarning: Sendable, Equatable, CustomStringConvertible {
    /// The message, with the file name and location when known.
    public let message: String

    /// A warning with the given text.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A loaded dataset with the warnings raised while loading it.
public struct LoadResult: Sendable {
    /// The data.
    public let dataset: Dataset
    /// What the loader repaired (padded rows, renamed columns, replaced bytes).
    public let warnings: [LoadWarning]
}
