/// Makes column names usable: blank names get `column_N`, repeated names get `_2`, `_3`, ….
/// Linear in the number of columns, however many repeat.
enum ColumnNaming {
    /// Renames listed by name in the warning; the rest are counted.
    static let renamesShown = 5

    static func uniqueNames(_ raw: [String], source: String, warnings: inout [LoadWarning]) -> [String] {
        var used = Set<String>(minimumCapacity: raw.count)
        // The next suffix to try for each repeated name, so that n copies cost n steps.
        var nextSuffix: [String: Int] = [:]
        var result: [String] = []
        result.reserveCapacity(raw.count)
        var renamed: [String] = []
        var renamedCount = 0
        for (index, original) in raw.enumerated() {
            var name = original.isEmpty ? "column_\(index + 1)" : original
            if used.contains(name) {
                var suffix = nextSuffix[name] ?? 2
                while used.contains("\(name)_\(suffix)") { suffix += 1 }
                nextSuffix[name] = suffix + 1
                renamedCount += 1
                if renamed.count < renamesShown { renamed.append("'\(name)' → '\(name)_\(suffix)'") }
                name = "\(name)_\(suffix)"
            }
            used.insert(name)
            result.append(name)
        }
        if renamedCount > 0 {
            let more = renamedCount - renamed.count
            warnings.append(LoadWarning("\(source): duplicate column names renamed: " + renamed.joined(separator: ", ")
                + (more > 0 ? " and \(NumberFormatting.grouped(more)) more" : "")))
        }
        return result
    }
}
