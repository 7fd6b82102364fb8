/// Chooses the fields of a columnar file's schema that become columns.
enum ColumnarFieldSelection {
    /// The fields to read: those named by `wanted` (`--columns`, in that order) or every field
    /// tutti can read, with a warning for each one left out. `unsupported` says what a field is
    /// when tutti cannot read it (nil when it can). Two fields of one name are an error.
    static func select<Field>(_ fields: [Field], wanted: [String]?, place: ColumnarPlace,
                              name: (Field) -> String, unsupported: (Field) -> String?,
                              warnings: inout [LoadWarning]) throws -> [Field] {
        let names = fields.map(name)
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw place.error("has two columns named '\(name)'")
        }
        if let wanted {
            return try wanted.map { wantedName in
                guard let index = names.firstIndex(of: wantedName) else {
                    throw TuttiError.unknownColumn(wantedName, suggestion: NameSuggestion.nearest(to: wantedName, in: names), context: "--columns")
                }
                if let what = unsupported(fields[index]) {
                    throw place.error("is \(what), which tutti does not read", column: wantedName)
                }
                return fields[index]
            }
        }
        var readable: [Field] = []
        for (index, field) in fields.enumerated() {
            if let what = unsupported(field) {
                warnings.append(LoadWarning("\(place.file): column '\(names[index])' is \(what), which tutti does not read; it was left out"))
            } else {
                readable.append(field)
            }
        }
        return readable
    }
}
