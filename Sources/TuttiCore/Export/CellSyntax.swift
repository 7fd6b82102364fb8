/// How cells are spelt in one output format: missing cells, strings, and the values only some
/// formats can hold.
enum CellSyntax {
    /// CSV or TSV. `singleColumn`: a row of one missing cell must not be a blank line, which the
    /// loader skips, so a missing cell is written `""` instead of nothing.
    case delimited(singleColumn: Bool)
    /// JSON Lines.
    case json

    /// A missing cell: nothing (or `""` in a table of one column) in CSV / TSV, `null` in JSON.
    var missing: StaticString {
        switch self {
        case .delimited(let singleColumn): singleColumn ? "\"\"" : ""
        case .json: "null"
        }
    }

    /// Whether the format is JSON Lines.
    var isJSON: Bool {
        if case .json = self { true } else { false }
    }

    /// Appends a string cell: quoted when it must be in CSV / TSV, a JSON string in JSON Lines.
    @inline(__always)
    func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        switch self {
        case .delimited: DelimitedQuoting.append(bytes, to: out)
        case .json: JSONEscaping.appendString(bytes, to: out)
        }
    }
}
