/// Makes column names usable: blank names get `column_N`, repeated names get `_2`, `_3`, ….
enum ColumnNaming {
    static func uniqueNames(_ raw: [String], source: String, warnings: inout [LoadWarning]) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        var renamed: [String] = []
        for (index, original) in raw.enumerated() {
            var name = original.isEmpty ? "column_\(index + 1)" : original
            if used.contains(name) {
                var suffix = 2
                while used.contains("\(name)_\(suffix)") { suffix += 1 }
                renamed.append("'\(name)' → '\(name)_\(suffix)'")
                name = "\(name)_\(suffix)"
            }
            used.insert(name)
            result.append(name)
        }
        if !renamed.isEmpty {
            warnings.append(LoadWarning("\(source): duplicate column names renamed: " + renamed.joined(separator: ", ")))
        }
        return result
    }
}
