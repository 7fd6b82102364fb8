/// Turns the cells of one column of one chunk into typed values, inferring the type as it goes:
/// integers widen to floats, and anything that is not a number, a boolean or a vector turns the
/// column into strings (earlier cells are then read again as text). A vector is a JSON array of
/// numbers or a delimited-text cell holding a bracketed list of numbers (`[0.5, 1, 2]`, as
/// pandas writes embeddings); lists of different widths in text cells keep the column text.
struct ColumnBuilder {
    private enum State { case empty, integer, float, boolean, strings, vector }

    private let input: UnsafePointer<UInt8>
    private let forceStrings: Bool
    private var state: State
    private var integers: [Int64] = []
    private var floats: [Double] = []
    private var booleans: [Bool] = []
    private var strings: StringColumnBuilder
    private var vectorValues: [Float] = []
    private var vectorWidth = -1
    private var missingRows: [Int32] = []
    private var rows = 0
    private var failure: (row: Int, message: String)?
    /// Why the column stays text although its cells looked typed.
    private var note: String?
    /// Whether the vectors came from bracketed lists in text cells.
    private var vectorsFromText = false
    private var scratch: [UInt8] = []
    private var numbers: [Double] = []
    private let expectedRows: Int
    /// The column's final storage for this chunk's rows, if it has one.
    private let target: PlacedTarget?
    /// Whether the integers or floats are written to `target` instead of their arrays.
    private var isPlaced = false
    /// Whether the cells given to `add` hold all `expectedRows` rows, so that the next row's
    /// cell can be read ahead (see `StringColumnBuilder.lookAhead`).
    private let looksAhead: Bool
    /// Where strings go (see `StringPlacement`).
    private let stringPlacement: StringPlacement

    /// A builder reading cell bytes from `input`. With a `target` (room for `expectedRows`
    /// rows), numbers of the target's kind are written there rather than kept (integers become
    /// floats for a float target).
    /// `looksAhead`: the cells given to `add` hold all `expectedRows` rows. `strings`: where
    /// strings go (codes with room for `expectedRows`).
    init(input: UnsafePointer<UInt8>, forceStrings: Bool, expectedRows: Int, target: PlacedTarget? = nil,
         looksAhead: Bool = false, strings placement: StringPlacement = StringPlacement()) {
        self.input = input
        stringPlacement = placement
        // A column not forced to strings makes its string builder when a cell turns it strings.
        strings = StringColumnBuilder(switchesWhenUnique: true, placement: forceStrings ? placement : StringPlacement())
        self.looksAhead = looksAhead
        self.forceStrings = forceStrings
        self.expectedRows = expectedRows
        self.target = forceStrings ? nil : target
        state = forceStrings ? .strings : .empty
        if forceStrings { strings.reserve(expectedRows) }
        missingRows.reserveCapacity(16)
    }

    /// Adds the next row's cell. `cells`, `stride` and `column` let the builder read earlier
    /// cells again if the column has to become strings.
    @inline(__always)
    mutating func add(_ cell: CellSpan, cells: UnsafePointer<CellSpan>, stride: Int, column: Int) {
        if failure != nil { return }
        if state == .strings {
            addString(cell)
            if looksAhead, rows + 1 < expectedRows {
                let next = cells[(rows + 1) * stride + column]
                if next.tag == .plain || next.tag == .quoted { strings.lookAhead(input + next.start, Int(next.length)) }
            }
        } else if !addTyped(cell) {
            restartAsStrings(cells: cells, stride: stride, column: column)
            addString(cell)
        }
        rows += 1
    }

    /// Adds a cell to a typed (non-string) column; false if the cell does not fit the type.
    @inline(__always)
    private mutating func addTyped(_ cell: CellSpan) -> Bool {
        let p = input + cell.start
        let n = Int(cell.length)
        switch cell.tag {
        case .absent, .jsonNull:
            appendMissingTyped()
            return true
        case .plain, .quoted:
            let (tp, tn) = ValueParser.trim(p, n)
            if tn == 0 || (cell.tag == .plain && ValueParser.isMissing(tp, tn)) {
                appendMissingTyped()
                return true
            }
            if tn >= 2, tp[0] == UInt8(ascii: "["), tp[tn - 1] == UInt8(ascii: "]") {
                return addVector(tp, tn, fromText: true)
            }
            return addNumberOrBoolean(tp, tn)
        case .csvQuoted:
            return false
        case .jsonNumber:
            return addNumberOrBoolean(p, n)
        case .jsonTrue, .jsonFalse:
            return addBoolean(cell.tag == .jsonTrue)
        case .jsonArray:
            return addVector(p, n, fromText: false)
        case .jsonString, .jsonEscapedString, .jsonObject:
            return false
        }
    }

    @inline(__always)
    private mutating func addNumberOrBoolean(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        switch state {
        case .integer, .empty:
            if let value = ValueParser.parseInteger(p, n) {
                if isPlaced {
                    placeInteger(value)
                    return true
                }
                if state == .empty, let target {
                    startPlacing(target)
                    placeInteger(value)
                    return true
                }
                if state == .empty {
                    // Rows missing before the first value hold placeholders.
                    state = .integer
                    integers = .prefaulted(capacity: max(expectedRows, rows + 1))
                    integers.append(contentsOf: repeatElement(0, count: rows))
                }
                integers.append(value)
                return true
            }
            if let value = ValueParser.parseDouble(p, n) {
                if state == .empty, let target, target.isFloat {
                    startPlacing(target)
                    target.base.storeBytes(of: value, toByteOffset: rows * 8, as: Double.self)
                    return true
                }
                floats = .prefaulted(capacity: max(expectedRows, rows + 1))
                if state == .empty {
                    floats.append(contentsOf: repeatElement(0, count: rows))
                } else if isPlaced, let target {
                    // Integers placed in an integer column that this chunk turns to floats.
                    let placed = target.base.assumingMemoryBound(to: Int64.self)
                    for row in 0..<rows { floats.append(Double(placed[row])) }
                    isPlaced = false
                } else {
                    for value in integers { floats.append(Double(value)) }
                }
                integers = []
                state = .float
                floats.append(value)
                return true
            }
            if state == .empty, let value = ValueParser.parseBoolean(p, n) { return addBoolean(value) }
            return false
        case .float:
            guard let value = ValueParser.parseDouble(p, n) else { return false }
            if isPlaced {
                target.unsafelyUnwrapped.base.storeBytes(of: value, toByteOffset: rows * 8, as: Double.self)
            } else {
                floats.append(value)
            }
            return true
        case .boolean:
            guard let value = ValueParser.parseBoolean(p, n) else { return false }
            booleans.append(value)
            return true
        case .vector, .strings:
            return false
        }
    }

    /// Starts writing this chunk's numbers to `target`: the rows missing so far hold zeros.
    private mutating func startPlacing(_ target: PlacedTarget) {
        state = target.isFloat ? .float : .integer
        isPlaced = true
        Prefault.pages(target.base, count: expectedRows * 8)
        for row in 0..<rows { target.base.storeBytes(of: 0, toByteOffset: row * 8, as: Int64.self) }
    }

    /// Writes the next row's integer to the target (as a float for a float target).
    @inline(__always)
    private func placeInteger(_ value: Int64) {
        let base = target.unsafelyUnwrapped
        if base.isFloat {
            base.base.storeBytes(of: Double(value), toByteOffset: rows * 8, as: Double.self)
        } else {
            base.base.storeBytes(of: value, toByteOffset: rows * 8, as: Int64.self)
        }
    }

    private mutating func addBoolean(_ value: Bool) -> Bool {
        guard state == .empty || state == .boolean else { return false }
        if state == .empty {
            booleans = .prefaulted(capacity: max(expectedRows, rows + 1))
            booleans.append(contentsOf: repeatElement(false, count: rows))
        }
        state = .boolean
        booleans.append(value)
        return true
    }

    /// Adds a bracketed list of numbers. A JSON array of another width than earlier rows is an
    /// error; a text cell's list of another width keeps the column text, with a note.
    private mutating func addVector(_ p: UnsafePointer<UInt8>, _ n: Int, fromText: Bool) -> Bool {
        guard state == .empty || state == .vector, parseNumberArray(p, n) else { return false }
        if state == .empty {
            state = .vector
            vectorWidth = numbers.count
            vectorsFromText = fromText
            // Rows missing before the first vector become zeros.
            vectorValues = [Float](repeating: 0, count: rows * vectorWidth)
        } else if numbers.count != vectorWidth, fromText {
            note = Self.raggedNote(vectorWidth, numbers.count)
            return false
        } else if numbers.count != vectorWidth {
            failure = (rows, "has a vector of \(numbers.count) values where earlier rows have \(vectorWidth)")
            return true
        }
        for value in numbers { vectorValues.append(Float(value)) }
        return true
    }

    /// The note for a column of bracketed lists of two widths.
    static func raggedNote(_ first: Int, _ other: Int) -> String {
        "holds lists of \(first) and of \(other) numbers, so it stays text (a vector column needs one width)"
    }

    /// Parses `[n, n, …]` (commas or white space between numbers, as pandas and NumPy write
    /// them) into `numbers`; false if any element is not a number.
    private mutating func parseNumberArray(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        numbers.removeAll(keepingCapacity: true)
        var i = 1
        let end = n - 1
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0d || c == 0x0a }
        func skipSpace() { while i < end, isSpace(p[i]) { i += 1 } }
        skipSpace()
        if i == end { return true }
        while i < end {
            skipSpace()
            let start = i
            while i < end, p[i] != UInt8(ascii: ","), !isSpace(p[i]) { i += 1 }
            guard let value = ValueParser.parseDouble(p + start, i - start) else { return false }
            numbers.append(value)
            skipSpace()
            if i < end, p[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i == end { return false }
            }
        }
        return true
    }

    @inline(__always)
    private mutating func appendMissingTyped() {
        missingRows.append(Int32(rows))
        if isPlaced {
            target.unsafelyUnwrapped.base.storeBytes(of: 0, toByteOffset: rows * 8, as: Int64.self)
            return
        }
        switch state {
        case .empty: break
        case .integer: integers.append(0)
        case .float: floats.append(0)
        case .boolean: booleans.append(false)
        case .vector: vectorValues.append(contentsOf: repeatElement(0, count: vectorWidth))
        case .strings: strings.appendMissing()
        }
    }

    /// Adds a cell to a string column.
    @inline(__always)
    private mutating func addString(_ cell: CellSpan) {
        let p = input + cell.start
        let n = Int(cell.length)
        switch cell.tag {
        case .absent, .jsonNull:
            missingRows.append(Int32(rows))
            strings.appendMissing()
        case .plain:
            let (tp, tn) = ValueParser.trim(p, n)
            if ValueParser.isMissing(tp, tn) {
                missingRows.append(Int32(rows))
                strings.appendMissing()
            } else {
                strings.append(p, n)
            }
        case .quoted:
            if n == 0 {
                missingRows.append(Int32(rows))
                strings.appendMissing()
            } else {
                strings.append(p, n)
            }
        case .csvQuoted:
            TextDecoding.unquoteCSV(p, n, into: &scratch)
            appendScratch(missingIfEmpty: true)
        case .jsonEscapedString:
            if !TextDecoding.unescapeJSON(p, n, into: &scratch) {
                scratch = Array(UnsafeBufferPointer(start: p, count: n))
            }
            appendScratch(missingIfEmpty: false)
        case .jsonString, .jsonNumber, .jsonArray, .jsonObject:
            strings.append(p, n)
        case .jsonTrue:
            strings.append(StaticString("true").utf8Start, 4)
        case .jsonFalse:
            strings.append(StaticString("false").utf8Start, 5)
        }
    }

    private mutating func appendScratch(missingIfEmpty: Bool) {
        if missingIfEmpty && scratch.isEmpty {
            missingRows.append(Int32(rows))
            strings.appendMissing()
        } else {
            scratch.withUnsafeBufferPointer { strings.append($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
        }
    }

    private mutating func restartAsStrings(cells: UnsafePointer<CellSpan>, stride: Int, column: Int) {
        let done = rows
        state = .strings
        isPlaced = false
        integers = []
        floats = []
        booleans = []
        vectorValues = []
        missingRows.removeAll(keepingCapacity: true)
        strings = StringColumnBuilder(switchesWhenUnique: true, placement: stringPlacement)
        strings.reserve(expectedRows)
        rows = 0
        for row in 0..<done {
            addString(cells[row * stride + column])
            rows += 1
        }
    }

    /// The finished column.
    consuming func finish() -> ChunkColumn {
        let values: ChunkValues
        switch state {
        case .empty: values = .allMissing
        case .integer: values = .integer(integers)
        case .float: values = .float(floats)
        case .boolean: values = .boolean(booleans)
        case .strings: values = .strings(strings)
        case .vector: values = .vector(width: vectorWidth, values: vectorValues)
        }
        return ChunkColumn(values: values, missingRows: missingRows, rowCount: rows, failure: failure, note: note,
                           vectorsFromText: vectorsFromText, placedRow: isPlaced ? target?.firstRow : nil)
    }
}
