/// Decodes every (chunk, column) pair of a columnar file — Parquet row groups, Arrow record
/// batches — on all cores, stops when the work is cancelled, and hands the columns to the
/// loader as a `ParsedTable`. The format's reader supplies how one pair decodes (and reports
/// its progress); the driver checks what comes back: the chunk's row count, and one width per
/// vector column across chunks.
struct ColumnarDecodeDriver: Sendable {
    /// Decodes one column of one chunk (`forceText`: every value as a string). Throws a
    /// `ColumnarFormatProblem` for bad data and any other error when cancelled.
    typealias Decode = @Sendable (_ chunk: Int, _ column: Int, _ forceText: Bool) throws -> ChunkColumn

    /// Names the file and its kind of chunk in messages.
    let place: ColumnarPlace
    /// The columns, in order.
    let columnNames: [String]
    /// Rows per chunk, in file order.
    let chunkRowCounts: [Int]
    /// Names of the columns to keep as text (`LoadOptions.textColumns`).
    let textColumns: Set<String>
    /// What stops the decoding.
    let cancellation: CancellationFlag?

    /// Decodes every pair with `decode` and joins the results; throws the first problem in
    /// file order, or "loading cancelled".
    func table(warnings: [LoadWarning], decode: @escaping Decode) throws -> ParsedTable {
        guard !columnNames.isEmpty else { throw place.error("has no columns tutti can read") }
        let checked = checkedDecode(decode)
        let chunkCount = chunkRowCounts.count, columnCount = columnNames.count
        let cancellation = cancellation, file = place.file, textNames = textColumns, names = columnNames
        let outcomes = ResultSlots<Result<ChunkColumn, TuttiError>>.collect(count: chunkCount * columnCount) { task in
            if cancellation?.isCancelled == true { return .failure(TuttiError.cancelled(file: file)) }
            let (chunk, column) = task.quotientAndRemainder(dividingBy: columnCount)
            return checked(chunk, column, textNames.contains(names[column]))
        }
        if cancellation?.isCancelled == true { throw TuttiError.cancelled(file: file) }
        let grid = ChunkGrid(chunkCount: chunkCount, columnCount: columnCount)
        var widths = [Int?](repeating: nil, count: columnCount)
        for (task, outcome) in outcomes.enumerated() {
            let (chunk, column) = task.quotientAndRemainder(dividingBy: columnCount)
            let values = try outcome.get()
            if case .vector(let width, _) = values.values {
                if let earlier = widths[column], earlier != width {
                    throw place.error("is a list of numbers used as a vector, but it has \(width) values a row here where earlier \(place.kind.plural) have \(earlier)",
                                      column: names[column], chunk: chunk)
                }
                widths[column] = width
            }
            grid.put(values, chunk: chunk, column: column)
        }
        let rowCounts = chunkRowCounts
        let firstRows = rowCounts.reduce(into: [0]) { $0.append($0.last! + $1) }
        return ParsedTable(
            names: names, chunkRowCounts: rowCounts, grid: grid,
            textColumns: Set(names.indices.filter { textNames.contains(names[$0]) }),
            reparseAsStrings: { chunk, columns in
                columns.map { column in
                    (try? checked(chunk, column, true).get())
                        ?? ChunkColumn(values: .allMissing, missingRows: [], rowCount: rowCounts[chunk], failure: nil)
                }
            },
            lineOfRow: { chunk, row in firstRows[chunk] + row + 1 },
            warnings: warnings)
    }

    /// `decode` with its problems located and its row count checked against the chunk's.
    private func checkedDecode(_ decode: @escaping Decode) -> @Sendable (Int, Int, Bool) -> Result<ChunkColumn, TuttiError> {
        let place = place, names = columnNames, rowCounts = chunkRowCounts
        return { chunk, column, forceText in
            do {
                let values = try decode(chunk, column, forceText)
                guard values.rowCount == rowCounts[chunk] else {
                    return .failure(place.error("holds \(values.rowCount) rows where its \(place.kind.name) has \(rowCounts[chunk])",
                                                column: names[column], chunk: chunk))
                }
                return .success(values)
            } catch let problem as any ColumnarFormatProblem {
                return .failure(place.error(problem.message, column: names[column], chunk: chunk))
            } catch {
                return .failure(TuttiError.cancelled(file: place.file))
            }
        }
    }
}
