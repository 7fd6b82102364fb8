import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses delimited text (CSV, TSV, …) on all cores: the body is cut into chunks, each chunk
/// starts at the first line break after its nominal start (a guess that ignores quotes), all
/// chunks are parsed in parallel, and any chunk whose guess proves wrong (its start is not where
/// the previous chunk's last record ended, as with a line break inside quotes) is parsed again.
struct DelimitedParser {
    let buffer: InputBuffer
    let name: String
    let options: LoadOptions
    let work: WorkContext

    func parse(bodyStart: Int, delimiter: UInt8) throws -> ParsedTable {
        let bytes = buffer.bytes
        let input = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let end = bytes.count

        // The header.
        let headerCells = CellBuffer()
        var headerScanner = CSVRecordScanner(input: input, end: end, delimiter: delimiter, columnCount: 1 << 20)
        headerScanner.checksCellCount = false
        let lineTerminator = LineTerminator.sniff(input, end: end, from: bodyStart)
        headerScanner.lineTerminator = lineTerminator
        let header = headerScanner.scan(from: bodyStart, limit: bodyStart + 1, into: headerCells)
        if let failure = header.failure {
            throw TuttiError("header: " + failure.message, file: name, line: 1, column: failure.cell)
        }
        guard header.rows == 1 else { throw TuttiError("the input has no header row", file: name) }
        var warnings: [LoadWarning] = []
        let names = ColumnNaming.uniqueNames(headerCells.cells.map { decodeHeader($0, input) }, source: name, warnings: &warnings)
        let columnCount = names.count
        let dataStart = header.end
        guard dataStart < end else {
            throw TuttiError("has a header row but no data rows", file: name)
        }
        let textColumns = Set(names.indices.filter { options.textColumns.contains(names[$0]) })

        // Chunks.
        let workers = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let chunkSize = ChunkSizing.nominal(dataBytes: end - dataStart, workers: workers, largest: options.chunkSize)
        let nominalStarts = Array(stride(from: dataStart, to: end, by: chunkSize))
        let chunkCount = nominalStarts.count
        let limits = nominalStarts.indices.map { $0 + 1 < chunkCount ? nominalStarts[$0 + 1] : end }
        let windows = ChunkWindowReader(buffer: buffer, name: name, readsFile: options.readsFileInChunks)
        let scanner = DelimitedChunkScanner(windows: windows, end: end, delimiter: delimiter, columnCount: columnCount,
                                            lineTerminator: lineTerminator)
        let grid = ChunkGrid(chunkCount: chunkCount, columnCount: columnCount)
        let done = ProgressCounter(total: end, work: work, phase: "parsing")
        let cancellation = work.cancellation
        let cellBuffers = ReusePool<CellBuffer>()
        let mapped = !windows.readsFromFile
        let placement = chunkCount > 1 ? PlacedColumns(chunkCount: chunkCount, columnCount: columnCount) : nil

        let outcomes = ResultSlots<Result<CSVRecordScanner.Result, TuttiError>>.collect(count: chunkCount) { index in
            // A chunk that stops before it is built still lets the next one go on (after it has
            // waited for the one before, like every chunk).
            defer {
                placement?.stopTexts(at: index)
                placement?.pass(index, byte: 0, row: nil)
            }
            if cancellation?.isCancelled == true { return .success(CSVRecordScanner.Result()) }
            if mapped { buffer.prefault(nominalStarts[index]..<limits[index]) }
            defer {
                if mapped { buffer.release(nominalStarts[index]..<limits[index]) }
                done.add(limits[index] - nominalStarts[index])
            }
            return Result { () throws(TuttiError) in
                try parseChunk(index, nominal: nominalStarts[index], from: index == 0 ? dataStart : nil, limit: limits[index],
                               scanner: scanner, grid: grid, textColumns: textColumns, cellBuffers: cellBuffers,
                               layout: ChunkLayout(limit: limits[index], dataBytes: end - dataStart, placement: placement))
            }
        }
        if cancellation?.isCancelled == true { throw TuttiError.cancelled(file: name) }
        var results = try outcomes.map { try $0.get() }

        // Check each chunk's start against where the previous chunk ended; parse again if wrong.
        var expected = dataStart
        for index in 0..<chunkCount {
            if results[index].start != expected || (expected >= limits[index] && results[index].rows > 0) {
                results[index] = try parseChunk(index, nominal: nominalStarts[index], from: expected, limit: limits[index],
                                                scanner: scanner, grid: grid, textColumns: textColumns,
                                                cellBuffers: cellBuffers)
            }
            expected = max(results[index].end, expected)
        }

        // Line numbers and problems.
        var firstLines: [Int] = []
        var line = 1 + header.lineBreaks
        for result in results {
            firstLines.append(line)
            line += result.lineBreaks
        }
        var shortRows = 0
        var firstShortLine: Int?
        for (index, result) in results.enumerated() {
            if let failure = result.failure {
                throw TuttiError(failure.message, file: name, line: firstLines[index] + failure.line, column: failure.cell)
            }
            shortRows += result.shortRows
            if firstShortLine == nil, let local = result.firstShortLine { firstShortLine = firstLines[index] + local }
        }
        let rowCounts = results.map(\.rows)
        guard rowCounts.reduce(0, +) > 0 else { throw TuttiError("has a header row but no data rows", file: name) }
        if shortRows > 0, let firstShortLine {
            let noun = shortRows == 1 ? "row has" : "rows have"
            warnings.append(LoadWarning("\(name): \(NumberFormatting.grouped(shortRows)) \(noun) fewer cells than the header (first at line \(firstShortLine)); the missing cells are treated as missing values"))
        }
        let starts = results.map(\.start)
        let chunkFirstLines = firstLines
        var table = ParsedTable(
            names: names, chunkRowCounts: rowCounts, grid: grid, textColumns: textColumns,
            reparseAsStrings: { chunk, columns in
                let cells = CellBuffer()
                var pieces = columns.map { _ in ChunkColumn(values: .allMissing, missingRows: [], rowCount: 0, failure: nil) }
                do throws(TuttiError) {
                    _ = try scanner.scan(nominal: starts[chunk], start: starts[chunk], limit: limits[chunk],
                                         cells: cells) { _, cells, input in
                        pieces = columns.map {
                            Self.buildColumn($0, cells: cells, columnCount: columnCount, input: input, forceStrings: true)
                        }
                    }
                } catch {
                    for index in pieces.indices { pieces[index].failure = (0, "could not be read again: " + error.message) }
                }
                return pieces
            },
            lineOfRow: { chunk, _ in chunkFirstLines[chunk] },
            warnings: warnings)
        table.placed = placement
        return table
    }

    /// Where a chunk's rows go: its nominal end, the bytes of data in the file, and the placed
    /// columns its numbers are written to (nil: pieces only, as when a chunk is parsed again).
    private struct ChunkLayout {
        var limit: Int
        var dataBytes: Int
        var placement: PlacedColumns?
    }

    /// Parses the records of chunk `index` (see `DelimitedChunkScanner.scan`) into its columns.
    private func parseChunk(_ index: Int, nominal: Int, from start: Int?, limit: Int, scanner: DelimitedChunkScanner,
                            grid: ChunkGrid, textColumns: Set<Int>, cellBuffers: ReusePool<CellBuffer>,
                            layout: ChunkLayout? = nil) throws(TuttiError) -> CSVRecordScanner.Result {
        // The cells of one chunk are scratch: a buffer another chunk has used (and faulted in)
        // serves again, so the kernel maps and zeroes it once per worker instead of per chunk.
        let cells = cellBuffers.take() ?? CellBuffer()
        defer { cellBuffers.give(cells) }
        // The previous chunk's cells are not kept when the buffer grows.
        cells.count = 0
        cells.reserve(max(0, limit - (start ?? nominal)) / 6)
        return try scanner.scan(nominal: nominal, start: start, limit: limit, cells: cells) { result, cells, input in
            Self.buildColumns(index, result: result, cells: cells, columnCount: scanner.columnCount, input: input,
                              grid: grid, textColumns: textColumns, layout: layout)
        }
    }

    private static func buildColumns(_ index: Int, result: CSVRecordScanner.Result, cells: UnsafeBufferPointer<CellSpan>, columnCount: Int,
                                     input: UnsafePointer<UInt8>, grid: ChunkGrid, textColumns: Set<Int>,
                                     layout: ChunkLayout?) {
        let placement = layout?.placement
        let firstRow = placement?.firstRow(of: index, start: result.start, limit: layout?.limit ?? 0, rows: result.rows)
        // Pass on at once (chunk 0 once its kinds have given the columns their storage).
        if index > 0 { placement?.pass(index, byte: result.end, row: firstRow.map { $0 + result.rows }) }
        var builders = (0..<columnCount).map {
            ColumnBuilder(input: input, forceStrings: textColumns.contains($0), expectedRows: result.rows,
                          target: placement?.target(column: $0, firstRow: firstRow, rows: result.rows), looksAhead: true,
                          strings: placement?.strings(column: $0, firstRow: firstRow, rows: result.rows) ?? StringPlacement())
        }
        if let base = cells.baseAddress {
            builders.withUnsafeMutableBufferPointer { builderBuffer in
                var offset = 0
                for _ in 0..<result.rows {
                    for column in 0..<columnCount {
                        builderBuffer[column].add(base[offset + column], cells: base, stride: columnCount, column: column)
                    }
                    offset += columnCount
                }
            }
        }
        var pieces = builders.map { $0.finish() }
        // The pieces are the only owners of their values from here.
        builders = []
        if index == 0, let placement, let layout {
            placement.allocate(chunkZero: pieces, rows: result.rows, bytes: result.end - result.start,
                               totalBytes: layout.dataBytes)
            placement.pass(0, byte: result.end, row: result.rows)
        }
        if placement != nil, firstRow == nil { placement?.stopTexts(at: index) }
        for column in pieces.indices {
            if firstRow != nil, let text = placement?.texts[column] { text.handOver(&pieces[column], chunk: index) }
            grid.put(pieces[column], chunk: index, column: column)
        }
    }

    private static func buildColumn(_ column: Int, cells: UnsafeBufferPointer<CellSpan>, columnCount: Int, input: UnsafePointer<UInt8>,
                                    forceStrings: Bool) -> ChunkColumn {
        let rows = cells.count / max(columnCount, 1)
        var builder = ColumnBuilder(input: input, forceStrings: forceStrings, expectedRows: rows)
        if let base = cells.baseAddress {
            for row in 0..<rows {
                builder.add(base[row * columnCount + column], cells: base, stride: columnCount, column: column)
            }
        }
        return builder.finish()
    }

    private func decodeHeader(_ cell: CellSpan, _ input: UnsafePointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        if cell.tag == .csvQuoted {
            TextDecoding.unquoteCSV(input + cell.start, Int(cell.length), into: &bytes)
        } else {
            bytes = Array(UnsafeBufferPointer(start: input + cell.start, count: Int(cell.length)))
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
