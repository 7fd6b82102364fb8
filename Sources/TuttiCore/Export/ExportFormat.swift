/// The file formats tutti writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Comma-separated values with a header row.
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// JSON Lines: one flat JSON object per row.
    case jsonl
    /// Apache Parquet, written column by column (`ParquetFileWriter`), never gzip-wrapped.
    case parquet
}

/// The format and compression of an export file, as its name's extension says.
public struct ExportFileType: Sendable, Equatable {
    /// How rows are written.
    public var format: ExportFormat
    /// Whether the file is gzip-compressed.
    public var gzip: Bool

    /// A file type.
    public init(format: ExportFormat, gzip: Bool = false) {
        self.format = format
        self.gzip = gzip
    }

    /// The file type named by `path`'s extension: `.csv`, `.tsv` or `.jsonl`, each optionally followed
    /// by `.gz`, or `.parquet`, in any letter case. Throws a `TuttiError` listing the supported
    /// extensions otherwise.
    public init(path: String) throws {
        var parts = (path.split(separator: "/").last ?? "").lowercased().split(separator: ".")
        let gzip = parts.count > 2 && parts.last == "gz"
        if gzip { parts.removeLast() }
        guard parts.count > 1, let format = ExportFormat(rawValue: String(parts.last!)), !(gzip && format == .parquet) else {
            let supported = Self.supportedExtensions.joined(separator: ", ")
            throw TuttiError("cannot tell the format from the name; use one of \(supported)", file: path)
        }
        self.init(format: format, gzip: gzip)
    }

    /// Every extension an export file may have: `.csv`, `.tsv`, `.jsonl`, `.parquet`, then the text
    /// ones with `.gz`.
    public static let supportedExtensions: [String] =
        ExportFormat.allCases.map { "." + $0.rawValue }
            + ExportFormat.allCases.filter { $0 != .parquet }.map { "." + $0.rawValue + ".gz" }
}
