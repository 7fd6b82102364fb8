/// How to write an export.
public struct ExportOptions: Sendable {
    /// Whether an existing file at the output path may be replaced.
    public var overwrite: Bool
    /// The files the data was read from. The export refuses to replace any of them, whatever
    /// `overwrite` says, however the path is spelt (they are compared by device and inode).
    public var inputPaths: [String]
    /// The zlib level for gzip output, from 1 (fastest) to 9 (smallest).
    public var compressionLevel: Int

    /// Options that refuse to overwrite and protect `inputPaths`.
    public init(overwrite: Bool = false, inputPaths: [String] = [], compressionLevel: Int = 6) {
        self.overwrite = overwrite
        self.inputPaths = inputPaths
        self.compressionLevel = compressionLevel
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable, CustomStringConvertible {
    /// The file written.
    public let path: String
    /// Its format and compression.
    public let fileType: ExportFileType
    /// The number of rows written.
    public let rowCount: Int
    /// The number of columns written.
    public let columnCount: Int
    /// The size of the file in bytes.
    public let byteCount: Int

    /// "wrote 1,234 rows × 5 columns to out.csv".
    public var description: String {
        let rows = NumberFormatting.grouped(rowCount) + (rowCount == 1 ? " row" : " rows")
        let columns = NumberFormatting.grouped(columnCount) + (columnCount == 1 ? " column" : " columns")
        return "wrote \(rows) × \(columns) to \(path)"
    }
}
