import Dispatch

/// Joins the per-chunk pieces of each column into one contiguous column and decides its final
/// kind: integer pieces and float pieces make a float column; a column with any string piece
/// is read as strings everywhere; strings become categorical when values repeat enough, else text.
struct ColumnAssembler {
    /// Most distinct values a categorical column may have.
    static let maxCategories = 65_536

    let table: ParsedTable
    let source: String
    /// The pattern of times that are not ISO 8601, if the user gave one.
    var timeFormat: TimeFormat?

    func assemble() throws -> (columns: [Column], warnings: [LoadWarning], notes: [String: String]) {
        let columnCount = table.names.count
        rereadAsStrings()
        let outcomes = ResultSlots<Result<AssembledColumn, TuttiError>>.collect(count: columnCount) { column in
            // Each column frees its chunk buffers (about 8 bytes a row); give the memory back
            // once enough has been freed.
            defer { MemoryTuning.released(bytes: table.chunkRowCounts.reduce(0, +) * 8) }
            do throws(TuttiError) { return .success(try assembleColumn(column)) } catch { return .failure(error) }
        }
        var columns: [Column] = []
        var warnings = table.warnings
        var notes: [String: String] = [:]
        for outcome in outcomes {
            let assembled = try outcome.get()
            columns.append(assembled.column)
            if let warning = assembled.warning { warnings.append(warning) }
            if let note = assembled.note { notes[assembled.column.name] = note }
        }
        return (columns, warnings, notes)
    }

    /// One finished column, with a repair to warn about and a note on its kind.
    private struct AssembledColumn {
        var column: Column
        var warning: LoadWarning?
        var note: String?
    }

    /// Reads again as strings the pieces of string columns that chunks typed otherwise, and puts
    /// them in the grid in their place: each chunk that needs it is read once for all its
    /// columns, the chunks on all cores.
    private func rereadAsStrings() {
        var columnsByChunk: [Int: [Int]] = [:]
        for column in table.names.indices where table.wholeColumns[column] == nil {
            let pieces = table.chunkRowCounts.indices.map { table.grid.peek(chunk: $0, column: column) }
            let present = pieces.compactMap { $0 }
            // A column that fails is reported when it is joined.
            guard present.allSatisfy({ $0.failure == nil }),
                  (try? joinedKind(present, name: table.names[column], forceText: table.textColumns.contains(column)))?.0 == .strings
            else { continue }
            for (chunk, piece) in pieces.enumerated() {
                switch piece?.values {
                case .strings?, .allMissing?, nil: continue
                default: columnsByChunk[chunk, default: []].append(column)
                }
            }
        }
        let asked = columnsByChunk.sorted { $0.key < $1.key }
        let grid = table.grid, reparse = table.reparseAsStrings
        // Each chunk's task writes only that chunk's slots.
        DispatchQueue.concurrentPerform(iterations: asked.count) { index in
            let (chunk, columns) = asked[index]
            for (column, piece) in zip(columns, reparse(chunk, columns)) { grid.put(piece, chunk: chunk, column: column) }
        }
    }

    private func assembleColumn(_ column: Int) throws(TuttiError) -> AssembledColumn {
        let name = table.names[column]
        var pieces: [ChunkColumn] = if let whole = table.wholeColumns[column] {
            [whole]
        } else {
            table.chunkRowCounts.enumerated().map { chunk, count in
                table.grid.take(chunk: chunk, column: column)
                    ?? ChunkColumn(values: .allMissing, missingRows: [], rowCount: count, failure: nil)
            }
        }
        for (chunk, piece) in pieces.enumerated() {
            if let failure = piece.failure {
                throw TuttiError("column '\(name)' " + failure.message, file: source,
                                 line: table.lineOfRow(chunk, failure.row))
            }
        }
        var (kind, note) = try joinedKind(pieces, name: name, forceText: table.textColumns.contains(column))
        if kind == .strings, note == nil { note = pieces.lazy.compactMap(\.note).first }
        if kind == .strings {
            for chunk in pieces.indices {
                switch pieces[chunk].values {
                case .strings, .allMissing: continue
                default: pieces[chunk] = table.reparseAsStrings(chunk, [column])[0]
                }
            }
        }
        let rowCount = table.chunkRowCounts.reduce(0, +)
        let validity = Self.validity(of: pieces, rowCount: rowCount)
        // Number storage the chunks wrote in place: the column when it is of its kind, else freed.
        let placed = table.placed?.columns[column]
        defer { placed?.release() }
        var warning: LoadWarning?
        var data: ColumnData
        switch kind {
        case .missing:
            data = .categorical(codes: [UInt32](repeating: 0, count: rowCount), dictionary: StringTable())
        case .integer:
            data = .integer(NumberColumnJoiner.join(
                &pieces, rowCount: rowCount, placeholder: 0, placed: placed, isFloat: false,
                values: { if case .integer(let v) = $0 { v } else { nil } },
                stored: { isFloat, address in
                    isFloat ? Int64(exactly: address.load(as: Double.self)) ?? 0 : address.load(as: Int64.self)
                },
                take: { $0.takeIntegers(rows: rowCount) }))
        case .float:
            data = .float(NumberColumnJoiner.join(
                &pieces, rowCount: rowCount, placeholder: 0.0, placed: placed, isFloat: true,
                values: {
                    switch $0 {
                    case .float(let v): v
                    case .integer(let v): v.map(Double.init)
                    default: nil
                    }
                },
                stored: { isFloat, address in isFloat ? address.load(as: Double.self) : Double(address.load(as: Int64.self)) },
                take: { $0.takeFloats(rows: rowCount) }))
        case .boolean:
            data = .boolean(NumberColumnJoiner.join(
                &pieces, rowCount: rowCount, placeholder: false, placed: nil, isFloat: false,
                values: { if case .boolean(let v) = $0 { v } else { nil } },
                stored: { _, address in address.load(as: Bool.self) }, take: { _ in [] }))
        case .vector(let width):
            var values: [Float] = []
            values.reserveCapacity(rowCount * width)
            for chunk in pieces.indices {
                values.prefaultNext(pieces[chunk].rowCount * width)
                if case .vector(_, let piece) = pieces[chunk].values {
                    values.append(contentsOf: piece)
                } else {
                    values.append(contentsOf: repeatElement(0, count: pieces[chunk].rowCount * width))
                }
                pieces[chunk].values = .allMissing
            }
            data = .vector(width: width, values: values)
        case .strings:
            let forceText = table.textColumns.contains(column)
            var invalid = 0
            // Text the chunks appended in order joins as one piece.
            if let text = table.placed?.texts[column] { pieces = text.joinedPieces(pieces) }
            let placedCodes = table.placed?.codes[column]
            defer { placedCodes?.release() }
            let strings = StringColumnJoiner.join(&pieces, rowCount: rowCount, presentCount: validity.count,
                                                  forceText: forceText, placed: placedCodes, invalidUTF8Cells: &invalid)
            if invalid > 0 {
                warning = LoadWarning("\(source): \(NumberFormatting.grouped(invalid)) cells of column '\(name)' were not valid UTF-8; the bad bytes were replaced with U+FFFD")
            }
            data = strings
            if !forceText, note == nil {
                switch TimeColumnRecognizer.recognize(strings, validity: validity, format: timeFormat) {
                case .times(let times): data = .datetime(times)
                case .text(let why): note = why
                case .notTimes: break
                }
            }
        }
        return AssembledColumn(column: Column(name: name, data: data, validity: validity), warning: warning, note: note)
    }

    private enum JoinedKind: Equatable { case missing, integer, float, boolean, strings, vector(Int) }

    /// The kind the pieces join to, with a note when bracketed lists of two widths keep the
    /// column text.
    private func joinedKind(_ pieces: [ChunkColumn], name: String,
                            forceText: Bool) throws(TuttiError) -> (JoinedKind, String?) {
        if forceText { return (.strings, nil) }
        var kind = JoinedKind.missing
        for (chunk, piece) in pieces.enumerated() {
            let next: JoinedKind
            switch piece.values {
            case .allMissing: continue
            case .integer: next = .integer
            case .float: next = .float
            case .boolean: next = .boolean
            case .strings: return (.strings, nil)
            case .vector(let width, _): next = .vector(width)
            }
            switch (kind, next) {
            case (.missing, _): kind = next
            case (.integer, .float), (.float, .integer): kind = .float
            case (.vector(let a), .vector(let b)) where a != b && piece.vectorsFromText:
                return (.strings, ColumnBuilder.raggedNote(a, b))
            case (.vector(let a), .vector(let b)) where a != b:
                throw TuttiError("column '\(name)' has vectors of \(b) values where earlier rows have \(a)",
                                 file: source, line: table.lineOfRow(chunk, 0))
            case _ where kind == next: continue
            default: return (.strings, nil)
            }
        }
        return (kind, nil)
    }

    private static func validity(of pieces: [ChunkColumn], rowCount: Int) -> RowSet {
        var validity = RowSet(rowCount: rowCount, allSet: true)
        var offset = 0
        for piece in pieces {
            if case .allMissing = piece.values {
                for row in offset..<(offset + piece.rowCount) { validity.remove(row) }
            } else {
                for row in piece.missingRows { validity.remove(offset + Int(row)) }
            }
            offset += piece.rowCount
        }
        return validity
    }
}
