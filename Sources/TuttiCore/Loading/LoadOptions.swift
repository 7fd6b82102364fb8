import Synchronization

/// The formats tutti reads.
public enum DataFormat: String, Sendable, CaseIterable {
    /// Comma-, tab-, semicolon- or pipe-separated values with a header row.
    case delimited
    /// JSON Lines: one flat JSON object per line.
    case jsonLines
}

/// How far a load has come.
public struct LoadProgress: Sendable, Equatable {
    /// Bytes of input processed so far.
    public var bytesDone: Int
    /// Bytes of input in all (after decompression, once known).
    public var bytesTotal: Int
    /// What is happening ("reading", "decompressing", "parsing", "building columns").
    public var phase: String

    /// The fraction done, from 0 to 1.
    public var fraction: Double { bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : 0 }
}

/// A flag another thread sets to stop a load; the loader checks it between chunks.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag that is not set.
    public init() {}

    /// Asks the work to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether the work was asked to stop.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// How to load a file.
public struct LoadOptions: Sendable {
    /// The format, or nil to decide from the file name and contents.
    public var format: DataFormat?
    /// The delimiter of a delimited file, or nil to sniff it.
    public var delimiter: UInt8?
    /// Columns to keep as free text even when their values repeat.
    public var textColumns: Set<String>
    /// Called from worker threads as the load progresses.
    public var progress: (@Sendable (LoadProgress) -> Void)?
    /// Set it to stop the load; the loader then throws a "loading cancelled" error.
    public var cancellation: CancellationFlag?
    /// Bytes of input per parallel work item.
    public var chunkSize: Int
    /// Display name of the input in messages (defaults to the path).
    public var displayName: String?
    /// Most bytes of input held in memory: read from a pipe or standard input, or produced
    /// by gzip decompression (see `MemoryBudget`).
    public var memoryLimit: Int
    /// The pattern of a file's times when they are not ISO 8601 (`--time-format`); ISO 8601
    /// times are recognised without one.
    public var timeFormat: TimeFormat?

    /// Options that infer everything.
    public init(format: DataFormat? = nil, delimiter: UInt8? = nil, textColumns: Set<String> = [],
                progress: (@Sendable (LoadProgress) -> Void)? = nil, cancellation: CancellationFlag? = nil,
                chunkSize: Int = 4 << 20, displayName: String? = nil, memoryLimit: Int = MemoryBudget.defaultBytes) {
        self.format = format
        self.delimiter = delimiter
        self.textColumns = textColumns
        self.progress = progress
        self.cancellation = cancellation
        self.chunkSize = chunkSize
        self.displayName = displayName
        self.memoryLimit = memoryLimit
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
