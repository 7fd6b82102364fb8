/// Where one cell's text lies in the input, and how to read it. Parsers emit these; column
/// builders turn them into typed values. No cell text is copied until a builder needs it.
struct CellSpan {
    /// Offset of the first byte in the input.
    var start: Int
    /// Number of bytes.
    var length: Int32
    /// How to decode the bytes.
    var tag: CellTag

    /// A cell absent from its row (a short CSV row, a JSON object without the key).
    static let absent = CellSpan(start: 0, length: 0, tag: .absent)
}

/// How a cell's bytes are to be read.
enum CellTag: UInt8 {
    /// Text as it stands (an unquoted CSV field).
    case plain
    /// The inside of a quoted CSV field without escapes: never a missing marker unless empty
    /// (a quoted "NA" is the text NA).
    case quoted
    /// A CSV field with quotes in it, from its opening quote: decode `""` and strip quotes.
    case csvQuoted
    /// Nothing there.
    case absent
    /// A JSON string's contents, without escapes.
    case jsonString
    /// A JSON string's contents with backslash escapes to decode.
    case jsonEscapedString
    /// A JSON number's text.
    case jsonNumber
    case jsonTrue
    case jsonFalse
    case jsonNull
    /// A JSON array, brackets included (a vector if every element is a number).
    case jsonArray
    /// A nested JSON object, kept as its JSON text.
    case jsonObject
}
