/// Writes rows of a dataset's columns to a CSV, TSV or JSON Lines file, optionally gzip-compressed,
/// or to a Parquet file (the format comes from the output's extension, see `ExportFileType`).
///
/// Reading the file back with `DatasetLoader` gives the same rows, column kinds and values, within
/// what each format can say:
/// - CSV / TSV have a header row and RFC 4180 quotes. A missing cell is empty (`""` in a table of one
///   column, where an empty line would be skipped). A string is quoted when it is empty, starts or ends
///   with a space or tab, holds a quote, a line break or any of `,` tab `;` `|` (so that the loader
///   cannot sniff the wrong delimiter), or reads as a missing marker (`NA`, `null`, `?`, …). The
///   loader still reads an empty string or a missing marker as missing, quoted or not. Vectors are
///   written as JSON array text (`"[0.5,1.0]"`) and come back as text. A string column whose values
///   all look like numbers or booleans comes back as numbers or booleans.
/// - JSON Lines: one object per row, a missing cell is `null`; strings (empty and `NA` included),
///   numbers, booleans and vectors come back as they were.
/// - Floats use the shortest text that reads back as the same value, always with a `.` or an exponent
///   (`1.0`, `-0.0`, `1e-300`), so an integral float column stays float. NaN is written as missing;
///   infinities as `1e999` / `-1e999` in CSV / TSV and as `null` in JSON, which has no infinity.
/// - Parquet keeps every kind: integers (INT64), floats (DOUBLE), booleans, categorical columns
///   (dictionary-encoded strings), text, vectors (`list<float>`) and missing cells (nulls); see
///   `ParquetFileWriter`.
/// - Categorical and text columns are told apart by how often values repeat, so a column can change
///   between the two when only some rows are written.
///
/// The export is atomic: it writes a temporary file in the output's folder, flushes it to disk and
/// renames it into place. On an error or a cancellation the temporary file is deleted and whatever
/// was at the output path is left as it was. The file the dataset was loaded from is never written
/// over (see `ExportOptions.inputPaths` for others).
public struct RowExporter: Sendable {
    /// Bytes encoded before they are handed to the file (and to progress and cancellation checks).
    static let blockSize = 1 << 20

    /// The columns written, in order.
    public let columns: [Column]
    /// The rows written: in ascending order, or in the order of `order`.
    public let rows: RowSet
    /// The order to write the rows in (a sort): rows of `rows` are written in the order they
    /// appear here (each listed once), and rows not listed are not written. Nil writes `rows` in ascending order.
    public let order: [Int]?
    /// Where the dataset came from: protected like `ExportOptions.inputPaths` when it names a file.
    public let source: String

    /// An exporter of `rows` (every row when nil) of `columns` (every column when nil) of `dataset`,
    /// in the order of `order` (see `order`; ascending when nil).
    public init(dataset: Dataset, columns: [Column]? = nil, rows: RowSet? = nil, order: [Int]? = nil) {
        let columns = columns ?? dataset.columns
        let rows = rows ?? RowSet(rowCount: dataset.rowCount, allSet: true)
        precondition(rows.rowCount == dataset.rowCount && columns.allSatisfy { $0.rowCount == dataset.rowCount },
                     "columns or rows of another dataset")
        self.columns = columns
        self.rows = order.map { order in rows.intersection(RowSet(rowCount: rows.rowCount, rows: order)) } ?? rows
        self.order = order
        source = dataset.source
    }

    /// Checks, writing nothing, that an export to `path` with `options` is allowed: the extension is
    /// supported, the folder exists, the path is not an input, and nothing is there unless
    /// `options.overwrite`. `export(to:options:)` checks the same first; this lets a caller stop before
    /// loading data. Throws a `TuttiError` naming `path`.
    public static func checkDestination(_ path: String, options: ExportOptions) throws {
        _ = try ExportDestination(path: path, options: options)
    }

    /// Writes the rows to `path` and says what it wrote. Throws a `TuttiError` naming `path` when
    /// `checkDestination` would, when there are no columns, on a write error, or when `work` is
    /// cancelled (checked between blocks; what was written is removed, and a file that was already
    /// at `path` stays as it was). Reports rows written to `work` after each block of about a MiB
    /// of output, and once at the end.
    @discardableResult
    public func export(to path: String, options: ExportOptions = ExportOptions(),
                       work: WorkContext = WorkContext()) throws -> ExportSummary {
        guard !columns.isEmpty else { throw TuttiError("there are no columns to export", file: path) }
        let cancelled = TuttiError("export cancelled; nothing was written", file: path)
        if work.isCancelled { throw cancelled }
        var protected = options
        protected.inputPaths.append(source)
        let destination = try ExportDestination(path: path, options: protected)
        let file = try TemporaryFile(target: path, folder: destination.folder)
        do {
            if destination.fileType.format == .parquet {
                let ordered = order.map { $0.filter(rows.contains) } ?? rows.members
                var writer = ParquetFileWriter(columns: columns, compression: options.parquetCompression)
                try writer.write(rows: ordered, to: file) { done in
                        if work.isCancelled { throw cancelled }
                        work.report("writing rows", done, ordered.count)
                    }
                try file.commit(replacing: options.overwrite)
                return ExportSummary(path: path, fileType: destination.fileType, rowCount: ordered.count,
                                     columnCount: columns.count, byteCount: file.byteCount)
            }
            let sink: any ByteSink = destination.fileType.gzip
                ? GzipCompressor(level: options.compressionLevel, destination: file, name: path)
                : file
            let encoder = RowEncoder(columns: columns, format: destination.fileType.format)
            let out = OutputBuffer(capacity: Self.blockSize + Self.blockSize / 4)
            out.append(encoder.header)
            let total = rows.count
            var done = 0
            func flush() throws {
                if work.isCancelled { throw cancelled }
                try sink.write(out.bytes)
                out.removeAll()
                work.report("writing rows", done, total)
            }
            func write(_ row: Int) throws {
                encoder.encode(row: row, to: out)
                done += 1
                if out.count >= Self.blockSize { try flush() }
            }
            if let order {
                for row in order where rows.contains(row) { try write(row) }
            } else {
                try rows.forEachMember(write)
            }
            try flush()
            try sink.finish()
            try file.commit(replacing: options.overwrite)
            return ExportSummary(path: path, fileType: destination.fileType, rowCount: total,
                                 columnCount: columns.count, byteCount: file.byteCount)
        } catch {
            file.discard()
            throw error
        }
    }
}
