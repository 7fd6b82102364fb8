/// Looks at an input's name and first bytes: its format, a byte-order mark, binary content.
enum InputSniffer {
    /// Whether the input starts with the UTF-8 byte-order mark.
    static func hasUTF8BOM(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Refuses input that is not text: UTF-16 or a NUL byte in the first 64 KiB.
    static func rejectBinary(_ bytes: UnsafeRawBufferPointer, name: String) throws {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw TuttiError("is UTF-16 text; tutti reads UTF-8 (convert it with: iconv -f UTF-16 -t UTF-8)", file: name)
        }
        let sample = UnsafeRawBufferPointer(rebasing: bytes.prefix(64 * 1024))
        if let offset = sample.firstIndex(of: 0) {
            throw TuttiError("looks like binary data, not text (a NUL byte at offset \(offset)); tutti reads CSV, TSV and JSON Lines (optionally gzip-compressed), Parquet and Arrow IPC", file: name)
        }
    }

    /// The extension of a path, ignoring a trailing `.gz` (`a.tsv.gz` → `tsv`), lowercased.
    static func baseExtension(_ path: String) -> String {
        var parts = path.lowercased().split(separator: "/").last.map { $0.split(separator: ".") } ?? []
        if parts.count > 1, parts.last == "gz" { parts.removeLast() }
        return parts.count > 1 ? String(parts.last!) : ""
    }

    /// The format by extension (`.jsonl`, `.ndjson`, `.json` → JSON Lines), else by content: an
    /// input whose first non-blank character is `{` is JSON Lines, anything else delimited text.
    static func format(path: String, bytes: UnsafeRawBufferPointer, bodyStart: Int) -> DataFormat {
        switch baseExtension(path) {
        case "jsonl", "ndjson", "json": return .jsonLines
        case "csv", "tsv", "tab", "txt", "psv": return .delimited
        default:
            let first = bytes[bodyStart...].first { !isSpace($0) }
            return first == UInt8(ascii: "{") ? .jsonLines : .delimited
        }
    }
}
