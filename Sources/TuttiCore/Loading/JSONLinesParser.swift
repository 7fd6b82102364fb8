import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses JSON Lines on all cores. Lines cannot hold raw line breaks, so chunks start exactly
/// at line starts; columns are the union of keys in order of first appearance.
struct JSONLinesParser {
    let buffer: InputBuffer
    let name: String
    let options: LoadOptions
    let work: WorkContext

    func parse(bodyStart: Int) throws -> ParsedTable {
        let bytes = buffer.bytes
        let input = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let end = bytes.count
        let workers = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let chunkSize = ChunkSizing.nominal(dataBytes: end - bodyStart, workers: workers,
                                            largest: min(options.chunkSize, ChunkSizing.jsonLinesLargest),
                                            perWorker: ChunkSizing.jsonLinesChunksPerWorker)
        var starts = [bodyStart]
        while let last = starts.last, last + chunkSize < end, !buffer.readPastEnd {
            guard let found = memchr(input + last + chunkSize - 1, Int32(UInt8(ascii: "\n")), end - (last + chunkSize - 1)) else { break }
            let next = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - input + 1
            guard next < end else { break }
            starts.append(next)
        }
        let limits = starts.indices.map { $0 + 1 < starts.count ? starts[$0 + 1] : end }
        let scanner = JSONLineScanner(input: input, end: end)
        let done = ProgressCounter(total: end, work: work, phase: "parsing")
        let cancellation = work.cancellation
        let textNames = options.textColumns

        let chunks = ResultSlots<(JSONLineScanner.Chunk, [ChunkColumn])>.collect(count: starts.count) { index in
            // After a read past the end of a file truncated meanwhile the load fails: skip the rest.
            if cancellation?.isCancelled == true || buffer.readPastEnd { return (JSONLineScanner.Chunk(), []) }
            var chunk = scanner.scan(from: starts[index], limit: limits[index])
            let columns = chunk.cells.indices.map { column in
                Self.buildColumn(chunk.cells[column], input: input, forceStrings: textNames.contains(chunk.names[column]))
            }
            chunk.cells = []
            buffer.release(starts[index]..<limits[index])
            done.add(limits[index] - starts[index])
            return (chunk, columns)
        }
        if cancellation?.isCancelled == true { throw TuttiError.cancelled(file: name) }
        if buffer.changedWhileRead { throw buffer.changedError(name: name) }

        var firstLines: [Int] = []
        var line = 1
        for (chunk, _) in chunks {
            firstLines.append(line)
            line += chunk.lineBreaks
        }
        for (index, (chunk, _)) in chunks.enumerated() {
            if let failure = chunk.failure {
                throw TuttiError(failure.message, file: name, line: firstLines[index] + failure.line, column: failure.column)
            }
        }
        var names: [String] = []
        var globalIndex: [String: Int] = [:]
        for (chunk, _) in chunks {
            for key in chunk.names where globalIndex[key] == nil {
                globalIndex[key] = names.count
                names.append(key)
            }
        }
        let rowCounts = chunks.map(\.0.rows)
        guard rowCounts.reduce(0, +) > 0, !names.isEmpty else {
            throw TuttiError("has no data: no line holds an object with a key", file: name)
        }
        let grid = ChunkGrid(chunkCount: chunks.count, columnCount: names.count)
        for (index, (chunk, columns)) in chunks.enumerated() {
            for (local, column) in columns.enumerated() {
                grid.put(column, chunk: index, column: globalIndex[chunk.names[local]]!)
            }
        }
        let rowLines = chunks.map(\.0.rowLines)
        let chunkStarts = starts, chunkFirstLines = firstLines, columnNames = names
        let localNames = chunks.map(\.0.names)
        return ParsedTable(
            names: names, chunkRowCounts: rowCounts, grid: grid,
            textColumns: Set(names.indices.filter { textNames.contains(names[$0]) }),
            reparseAsStrings: { [buffer] chunk, columns in
                let input = buffer.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let scanned = JSONLineScanner(input: input, end: buffer.bytes.count).scan(from: chunkStarts[chunk], limit: limits[chunk])
                let local = Dictionary(localNames[chunk].enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                return columns.map { column in
                    guard let local = local[columnNames[column]] else {
                        return ChunkColumn(values: .allMissing, missingRows: [], rowCount: rowCounts[chunk], failure: nil)
                    }
                    return Self.buildColumn(scanned.cells[local], input: input, forceStrings: true)
                }
            },
            lineOfRow: { chunk, row in chunkFirstLines[chunk] + Int(rowLines[chunk][row]) },
            warnings: [])
    }

    private static func buildColumn(_ cells: [CellSpan], input: UnsafePointer<UInt8>, forceStrings: Bool) -> ChunkColumn {
        var builder = ColumnBuilder(input: input, forceStrings: forceStrings, expectedRows: cells.count)
        cells.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for row in 0..<buffer.count { builder.add(base[row], cells: base, stride: 1, column: 0) }
        }
        return builder.finish()
    }
}
