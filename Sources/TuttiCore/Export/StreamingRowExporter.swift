/// Writes rows that arrive in batches (say, from a database's `COPY … TO STDOUT`) to a CSV, TSV or
/// JSON Lines file, optionally gzip-compressed, with the cell writers of `RowExporter`, so the
/// file reads the same as an export from memory, or to a Parquet file, one row group per batch
/// (`ParquetFileWriter`); with the same atomicity: a temporary file renamed into place when
/// complete, removed on an error or a cancellation.
///
/// Every batch must have the same columns (names and kinds; strings may be categorical in one
/// batch and text in another) in the same order. A Parquet file takes its columns' types from
/// the first batch, so at least one batch (empty, for no rows) must arrive.
public struct StreamingRowExporter {
    /// The file to write.
    public let path: String
    /// The checks of the destination (`ExportOptions`).
    public let options: ExportOptions

    /// An exporter to `path`; throws a `TuttiError` naming the path when `path` may not be written
    /// (see `RowExporter.checkDestination`).
    public init(path: String, options: ExportOptions) throws {
        _ = try ExportDestination(path: path, options: options)
        self.path = path
        self.options = options
    }

    /// Writes the header for `columns`, then every batch `produce` hands to its argument, then
    /// commits the file. Throws what `produce` throws, a write error, or a cancellation of `work`
    /// (checked after each batch); nothing is left at `path` then.
    @discardableResult
    public func export(columns: [String], work: WorkContext,
                       produce: (_ write: (Dataset) throws -> Void) throws -> Void) throws -> ExportSummary {
        guard !columns.isEmpty else { throw TuttiError("there are no columns to export", file: path) }
        let cancelled = TuttiError("export cancelled; nothing was written", file: path)
        let destination = try ExportDestination(path: path, options: options)
        let file = try TemporaryFile(target: path, folder: destination.folder)
        do {
            if destination.fileType.format == .parquet {
                return try exportParquet(columns: columns, to: file, type: destination.fileType, work: work, produce: produce)
            }
            let sink: any ByteSink = destination.fileType.gzip
                ? GzipCompressor(level: options.compressionLevel, destination: file, name: path)
                : file
            let out = OutputBuffer(capacity: RowExporter.blockSize + RowExporter.blockSize / 4)
            var done = 0
            var wroteHeader = false
            try produce { batch in
                guard batch.columnNames == columns else {
                    throw TuttiError("a batch of rows has other columns than the export", file: path)
                }
                let encoder = RowEncoder(columns: batch.columns, format: destination.fileType.format)
                if !wroteHeader {
                    out.append(encoder.header)
                    wroteHeader = true
                }
                for row in 0..<batch.rowCount {
                    encoder.encode(row: row, to: out)
                    if out.count >= RowExporter.blockSize {
                        try sink.write(out.bytes)
                        out.removeAll()
                    }
                }
                done += batch.rowCount
                if work.isCancelled { throw cancelled }
            }
            if !wroteHeader {
                let empty = columns.map { Column(name: $0, data: .text(StringTable()), validity: RowSet(rowCount: 0)) }
                out.append(RowEncoder(columns: empty, format: destination.fileType.format).header)
            }
            try sink.write(out.bytes)
            try sink.finish()
            try file.commit(replacing: options.overwrite)
            return ExportSummary(path: path, fileType: destination.fileType, rowCount: done, columnCount: columns.count,
                                 byteCount: file.byteCount)
        } catch {
            file.discard()
            throw error
        }
    }

    /// The Parquet part of `export`: a row group per batch, the footer, the commit.
    private func exportParquet(columns: [String], to file: TemporaryFile, type: ExportFileType, work: WorkContext,
                               produce: (_ write: (Dataset) throws -> Void) throws -> Void) throws -> ExportSummary {
        var writer: ParquetFileWriter?
        var done = 0
        try produce { batch in
            guard batch.columnNames == columns else {
                throw TuttiError("a batch of rows has other columns than the export", file: path)
            }
            if writer == nil {
                writer = ParquetFileWriter(columns: ParquetFileWriter.schema(of: batch.columns),
                                           compression: options.parquetCompression)
                try writer?.begin(to: file)
            }
            guard writer?.accepts(batch.columns) == true else {
                throw TuttiError("a batch of rows has other kinds of columns than the export", file: path)
            }
            if batch.rowCount > 0 { try writer?.append(batch.columns, rows: Array(0..<batch.rowCount)[...], to: file) }
            done += batch.rowCount
            if work.isCancelled { throw TuttiError("export cancelled; nothing was written", file: path) }
        }
        guard let writer else { throw TuttiError("no rows arrived to give the Parquet file its columns", file: path) }
        try writer.finish(to: file)
        try file.commit(replacing: options.overwrite)
        return ExportSummary(path: path, fileType: type, rowCount: done, columnCount: columns.count, byteCount: file.byteCount)
    }
}
