#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts JSON Lines text into rows of (key, cell) pairs: each line one flat JSON object. Strings,
/// numbers, booleans and null are cells; arrays (vectors when all numbers) and nested objects are
/// kept as their JSON text. Keys become columns in order of first appearance.
struct JSONLineScanner {
    let input: UnsafePointer<UInt8>
    let end: Int

    /// The columns found in one chunk, column-major.
    struct Chunk {
        var names: [String] = []
        var cells: [[CellSpan]] = []
        var rowLines: [Int32] = []
        var rows = 0
        var lineBreaks = 0
        /// A syntax error: chunk-local 0-based line, 1-based byte column, message.
        var failure: (line: Int, column: Int, message: String)?
    }

    private struct SyntaxError: Error {
        let offset: Int
        let message: String
    }

    /// Scans the lines in `start ..< limit` (which begin and end at line boundaries).
    func scan(from start: Int, limit: Int) -> Chunk {
        var chunk = Chunk()
        var index: [String: Int] = [:]
        var keyBytes: [[UInt8]] = []
        var positionCache: [Int] = []
        var p = start
        var line = 0
        while p < limit {
            var lineEnd = p
            while lineEnd < limit, input[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            do {
                if try parseLine(from: p, to: lineEnd, row: chunk.rows, chunk: &chunk, index: &index,
                                 keyBytes: &keyBytes, positionCache: &positionCache) {
                    chunk.rowLines.append(Int32(truncatingIfNeeded: line))
                    chunk.rows += 1
                    for column in chunk.cells.indices where chunk.cells[column].count < chunk.rows {
                        chunk.cells[column].append(.absent)
                    }
                }
            } catch {
                chunk.failure = (line, error.offset - p + 1, error.message)
                return chunk
            }
            p = lineEnd + 1
            line += 1
        }
        chunk.lineBreaks = line
        return chunk
    }

    @inline(__always)
    private func skipSpace(_ p: inout Int, _ end: Int) {
        while p < end, input[p] == 0x20 || input[p] == 0x09 || input[p] == 0x0D { p += 1 }
    }

    /// Parses one line; false for a blank line.
    private func parseLine(from start: Int, to end: Int, row: Int, chunk: inout Chunk, index: inout [String: Int],
                           keyBytes: inout [[UInt8]], positionCache: inout [Int]) throws(SyntaxError) -> Bool {
        var p = start
        skipSpace(&p, end)
        if p == end { return false }
        guard input[p] == UInt8(ascii: "{") else {
            throw SyntaxError(offset: p, message: "expected a JSON object ('{'): each line of a JSON Lines file is one object")
        }
        p += 1
        skipSpace(&p, end)
        if p < end, input[p] == UInt8(ascii: "}") {
            p += 1
        } else {
            var position = 0
            while true {
                guard p < end, input[p] == UInt8(ascii: "\"") else {
                    throw SyntaxError(offset: p, message: "expected a key in double quotes")
                }
                let key = try scanString(&p, end)
                let column = columnIndex(for: key, position: position, chunk: &chunk, index: &index,
                                         keyBytes: &keyBytes, positionCache: &positionCache)
                skipSpace(&p, end)
                guard p < end, input[p] == UInt8(ascii: ":") else {
                    throw SyntaxError(offset: p, message: "expected ':' after the key")
                }
                p += 1
                skipSpace(&p, end)
                let cell = try scanValue(&p, end)
                if chunk.cells[column].count > row {
                    chunk.cells[column][row] = cell
                } else {
                    chunk.cells[column].append(cell)
                }
                skipSpace(&p, end)
                guard p < end else { throw SyntaxError(offset: p, message: "the object is not closed ('}' missing)") }
                if input[p] == UInt8(ascii: ",") {
                    p += 1
                    skipSpace(&p, end)
                    position += 1
                    continue
                }
                guard input[p] == UInt8(ascii: "}") else {
                    throw SyntaxError(offset: p, message: "expected ',' or '}' after a value")
                }
                p += 1
                break
            }
        }
        skipSpace(&p, end)
        guard p == end else { throw SyntaxError(offset: p, message: "unexpected text after the object") }
        return true
    }

    private func columnIndex(for key: CellSpan, position: Int, chunk: inout Chunk, index: inout [String: Int],
                             keyBytes: inout [[UInt8]], positionCache: inout [Int]) -> Int {
        let p = input + key.start
        let n = Int(key.length)
        if position < positionCache.count {
            let cached = positionCache[position]
            if keyBytes[cached].count == n,
               keyBytes[cached].withUnsafeBufferPointer({ n == 0 || memcmp($0.baseAddress!, p, n) == 0 }) {
                return cached
            }
        }
        var decoded: [UInt8] = []
        if key.tag == .jsonEscapedString, TextDecoding.unescapeJSON(p, n, into: &decoded) {
        } else {
            decoded = Array(UnsafeBufferPointer(start: p, count: n))
        }
        let name = String(decoding: decoded, as: UTF8.self)
        let column: Int
        if let existing = index[name] {
            column = existing
        } else {
            column = chunk.names.count
            index[name] = column
            chunk.names.append(name)
            keyBytes.append(Array(UnsafeBufferPointer(start: p, count: n)))
            chunk.cells.append([CellSpan](repeating: .absent, count: chunk.rows))
        }
        while positionCache.count <= position { positionCache.append(column) }
        positionCache[position] = column
        return column
    }

    /// Scans a string starting at its opening quote; returns its contents.
    private func scanString(_ p: inout Int, _ end: Int) throws(SyntaxError) -> CellSpan {
        let open = p
        p += 1
        let start = p
        var escaped = false
        while p < end {
            let c = input[p]
            if c == UInt8(ascii: "\"") {
                let cell = CellSpan(start: start, length: Int32(truncatingIfNeeded: p - start),
                                    tag: escaped ? .jsonEscapedString : .jsonString)
                p += 1
                return cell
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                p += 2
                continue
            }
            p += 1
        }
        throw SyntaxError(offset: open, message: "unterminated string")
    }

    private func scanValue(_ p: inout Int, _ end: Int) throws(SyntaxError) -> CellSpan {
        guard p < end else { throw SyntaxError(offset: p, message: "expected a value") }
        let start = p
        let c = input[p]
        switch c {
        case UInt8(ascii: "\""):
            return try scanString(&p, end)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            while p < end {
                let d = input[p]
                guard (d >= 48 && d <= 57) || d == UInt8(ascii: ".") || d == UInt8(ascii: "-")
                    || d == UInt8(ascii: "+") || d == UInt8(ascii: "e") || d == UInt8(ascii: "E") else { break }
                p += 1
            }
            guard ValueParser.parseDouble(input + start, p - start) != nil else {
                throw SyntaxError(offset: start, message: "not a valid number")
            }
            return CellSpan(start: start, length: Int32(p - start), tag: .jsonNumber)
        case UInt8(ascii: "t"):
            try expectWord("true", &p, end)
            return CellSpan(start: start, length: 4, tag: .jsonTrue)
        case UInt8(ascii: "f"):
            try expectWord("false", &p, end)
            return CellSpan(start: start, length: 5, tag: .jsonFalse)
        case UInt8(ascii: "n"):
            try expectWord("null", &p, end)
            return CellSpan(start: start, length: 4, tag: .jsonNull)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            try skipNested(&p, end)
            return CellSpan(start: start, length: Int32(truncatingIfNeeded: p - start),
                            tag: c == UInt8(ascii: "[") ? .jsonArray : .jsonObject)
        default:
            throw SyntaxError(offset: p, message: "expected a value (a string, number, true, false, null, array or object)")
        }
    }

    private func expectWord(_ word: StaticString, _ p: inout Int, _ end: Int) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard p + count <= end, memcmp(input + p, word.utf8Start, count) == 0 else {
            throw SyntaxError(offset: p, message: "expected '\(word)'")
        }
        p += count
    }

    /// Skips a nested array or object, strings respected.
    private func skipNested(_ p: inout Int, _ end: Int) throws(SyntaxError) {
        let open = p
        var depth = 0
        while p < end {
            let c = input[p]
            if c == UInt8(ascii: "\"") {
                _ = try scanString(&p, end)
                continue
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1 }
            if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 {
                    p += 1
                    return
                }
            }
            p += 1
        }
        throw SyntaxError(offset: open, message: "unterminated array or object")
    }
}
