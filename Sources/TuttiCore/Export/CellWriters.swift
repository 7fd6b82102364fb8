/// Appends the cells of one column, one row at a time: a missing cell here, values in the subclass
/// for each kind of column (a class rather than a protocol so that the row loop can call writers
/// without retaining them, see `RowEncoder`).
class CellWriter {
    private let validity: RowSet
    /// The text of a missing cell.
    let missing: StaticString

    init(validity: RowSet, syntax: CellSyntax) {
        self.validity = validity
        missing = syntax.missing
    }

    /// Appends the cell of `row`.
    @inline(__always)
    final func write(row: Int, to out: OutputBuffer) {
        if validity.contains(row) { writeValue(row: row, to: out) } else { out.append(missing) }
    }

    /// Appends the value of `row`, which is present.
    func writeValue(row: Int, to out: OutputBuffer) {
        preconditionFailure("each kind of column has its own writer")
    }

    /// A writer for `column`'s cells in `syntax`.
    static func make(for column: Column, syntax: CellSyntax) -> CellWriter {
        let validity = column.validity
        return switch column.data {
        case .integer(let values): IntegerCells(values: values, validity: validity, syntax: syntax)
        case .float(let values): FloatCells(values: values, validity: validity, syntax: syntax)
        case .boolean(let values): BooleanCells(values: values, validity: validity, syntax: syntax)
        case .categorical(let codes, let dictionary):
            CategoricalCells(codes: codes, dictionary: dictionary, validity: validity, syntax: syntax)
        case .text(let table): TextCells(table: table, validity: validity, syntax: syntax)
        case .vector(let width, let values): VectorCells(width: width, values: values, validity: validity, syntax: syntax)
        case .datetime(let values): TimeCells(values: values, validity: validity, syntax: syntax)
        }
    }
}

/// Integers in decimal.
private final class IntegerCells: CellWriter {
    let values: [Int64]

    init(values: [Int64], validity: RowSet, syntax: CellSyntax) {
        self.values = values
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        out.append(values[row])
    }
}

/// Floats in their shortest round-trip form, always with a `.` or an exponent (`1.0`, not `1`) so an
/// all-integral float column reads back as float. NaN is written as a missing cell (tutti reads
/// `NaN` as missing anyway); infinities as `1e999` / `-1e999` in CSV / TSV (read back as infinite)
/// and as `null` in JSON, which has no infinity.
private final class FloatCells: CellWriter {
    let values: [Double]
    let isJSON: Bool

    init(values: [Double], validity: RowSet, syntax: CellSyntax) {
        self.values = values
        isJSON = syntax.isJSON
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        let value = values[row]
        if value.isFinite {
            out.appendShortest(value)
        } else if value.isNaN || isJSON {
            out.append(missing)
        } else {
            out.append(value < 0 ? "-1e999" : "1e999")
        }
    }
}

/// `true` / `false`.
private final class BooleanCells: CellWriter {
    let values: [Bool]

    init(values: [Bool], validity: RowSet, syntax: CellSyntax) {
        self.values = values
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        out.append(values[row] ? "true" : "false")
    }
}

/// Dictionary values, each encoded (quoted or escaped) once; a cell is one copy of its entry.
private final class CategoricalCells: CellWriter {
    let codes: [UInt32]
    /// Entry `code` is the encoded value of `code`; the last entry is the missing cell, for codes
    /// past the dictionary.
    let encoded: StringTable

    init(codes: [UInt32], dictionary: StringTable, validity: RowSet, syntax: CellSyntax) {
        self.codes = codes
        let scratch = OutputBuffer(capacity: dictionary.bytes.count + 3 * dictionary.count + 16)
        var offsets = [0]
        offsets.reserveCapacity(dictionary.count + 2)
        for code in 0..<dictionary.count {
            dictionary.withBytes(at: code) { syntax.appendString($0, to: scratch) }
            offsets.append(scratch.count)
        }
        scratch.append(syntax.missing)
        offsets.append(scratch.count)
        encoded = StringTable(bytes: Array(scratch.bytes), offsets: offsets)
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        encoded.withBytes(at: min(Int(codes[row]), encoded.count - 1)) { out.append($0) }
    }
}

/// Free text, quoted or escaped cell by cell.
private final class TextCells: CellWriter {
    let table: StringTable
    let syntax: CellSyntax

    init(table: StringTable, validity: RowSet, syntax: CellSyntax) {
        self.table = table
        self.syntax = syntax
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        table.withBytes(at: row) { syntax.appendString($0, to: out) }
    }
}

/// Times as ISO 8601 text in UTC (`2009-12-23T17:38:18Z`, or the date alone at midnight), read
/// back as times.
private final class TimeCells: CellWriter {
    let values: [Int64]
    let syntax: CellSyntax

    init(values: [Int64], validity: RowSet, syntax: CellSyntax) {
        self.values = values
        self.syntax = syntax
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        var text = TimeFormatting.iso(values[row])
        text.withUTF8 { syntax.appendString($0, to: out) }
    }
}

/// Vectors as JSON arrays of shortest round-trip floats, `[0.5,-1.0]`: an array in JSON Lines (read
/// back as a vector), the array's text in quotes in CSV / TSV (read back as a vector too). A vector holding
/// a NaN or an infinity, which JSON cannot spell, is written as a missing cell.
private final class VectorCells: CellWriter {
    let width: Int
    let values: [Float]
    let isJSON: Bool

    init(width: Int, values: [Float], validity: RowSet, syntax: CellSyntax) {
        self.width = width
        self.values = values
        isJSON = syntax.isJSON
        super.init(validity: validity, syntax: syntax)
    }

    override func writeValue(row: Int, to out: OutputBuffer) {
        values.withUnsafeBufferPointer { all in
            let vector = UnsafeBufferPointer(rebasing: all[(row * width)..<((row + 1) * width)])
            guard vector.allSatisfy(\.isFinite) else { return out.append(missing) }
            if !isJSON { out.append(UInt8(ascii: "\"")) }
            out.append(UInt8(ascii: "["))
            for (index, value) in vector.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.appendShortest(value)
            }
            out.append(UInt8(ascii: "]"))
            if !isJSON { out.append(UInt8(ascii: "\"")) }
        }
    }
}
