/// Values as JSON text fragments, for lists and structs shown as JSON.
enum JSONFragments {
    static func of(_ values: ParquetLeafValues, type: ColumnarValueType) -> [String] {
        let count = values.count
        let column = ColumnarMapping.chunkColumn(values, type: type, presence: .init(levels: [], presentLevel: 0, rowCount: count), forceText: false)
        switch column.values {
        case .integer(let v): return v.map { String($0) }
        case .float(let v): return v.map { $0.isFinite ? NumberFormatting.shortest($0) : "null" }
        case .boolean(let v): return v.map { $0 ? "true" : "false" }
        case .strings(let builder):
            if let table = builder.table { return (0..<table.count).map { quoted(table[$0]) } }
            let entries = builder.dictionary.entries
            let quotedEntries = (0..<entries.count).map { quoted(entries[$0]) }
            return builder.withCodes { codes in codes.map { $0 == StringColumnBuilder.missingCode ? "null" : quotedEntries[Int($0)] } }
        case .vector, .allMissing: return []
        }
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
