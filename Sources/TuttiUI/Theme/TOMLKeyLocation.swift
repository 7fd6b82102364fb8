/// Where a key is written in a TOML document, so that a message about a value TOMLKit parsed
/// (which keeps no positions) can name its line and column.
enum TOMLKeyLocation {
    /// The 1-based line and column of the key at `path` (`["styles", "bar", "fg"]`), found under
    /// a table header (`[styles]`, `[styles.bar]`), as a dotted key (`bar.fg = 1`) or inside an
    /// inline table (`bar = { fg = 1 }`). When only the start of the path is written, the place
    /// of its deepest key; nil when not even the first key is.
    static func find(_ path: [String], in text: String) -> (line: Int, column: Int)? {
        var table: [String] = []
        var best: (depth: Int, line: Int, column: Int)?
        func consider(_ depth: Int, _ line: Int, _ column: Int) {
            if depth > (best?.depth ?? 0) { best = (depth, line, column) }
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine)
            var position = 0
            skipSpaces(line, &position)
            guard position < line.count, line[position] != "#" else { continue }
            if line[position] == "[" {
                position += line.dropFirst(position).prefix(2) == ["[", "["] ? 2 : 1
                var column = position + 1
                table = keys(line, &position, columns: &column)
                consider(matched(table, path), index + 1, column)
                continue
            }
            var column = position + 1
            let keyPath = table + keys(line, &position, columns: &column)
            let depth = matched(keyPath, path)
            guard depth > 0 else { continue }
            consider(depth, index + 1, depth > table.count ? column : 1)
            // Inside an inline table on the same line: look for the rest of the path there.
            guard depth == keyPath.count, depth < path.count else { continue }
            var inner = depth
            var search = position
            while inner < path.count, let found = inlineKey(path[inner], in: line, from: search) {
                inner += 1
                search = found + path[inner - 1].count
                consider(inner, index + 1, found + 1)
            }
        }
        return best.map { ($0.line, $0.column) }
    }

    /// How many leading keys of `path` the written `keys` match (0 unless all of `keys` do, or
    /// `keys` covers all of `path`).
    private static func matched(_ keys: [String], _ path: [String]) -> Int {
        let common = zip(keys, path).prefix { $0 == $1 }.count
        return common == keys.count || common == path.count ? common : 0
    }

    /// Reads a dotted key (`a.b`, `"a b".c`) at `position`; `column` ends at the last key's start.
    private static func keys(_ line: [Character], _ position: inout Int, columns column: inout Int) -> [String] {
        var result: [String] = []
        while position < line.count {
            skipSpaces(line, &position)
            guard position < line.count else { break }
            column = position + 1
            var key = ""
            if line[position] == "\"" || line[position] == "'" {
                let quote = line[position]
                position += 1
                while position < line.count, line[position] != quote { key.append(line[position]); position += 1 }
                position += 1
            } else {
                while position < line.count, line[position].isLetter || line[position].isNumber || "_-".contains(line[position]) {
                    key.append(line[position])
                    position += 1
                }
            }
            guard !key.isEmpty else { break }
            result.append(key)
            skipSpaces(line, &position)
            guard position < line.count, line[position] == "." else { break }
            position += 1
        }
        return result
    }

    /// The index of `key` written as a key (followed by `=`) in `line` from `start`.
    private static func inlineKey(_ key: String, in line: [Character], from start: Int) -> Int? {
        let wanted = Array(key)
        var index = start
        while index + wanted.count <= line.count {
            let before = index == 0 ? " " : line[index - 1]
            if Array(line[index..<index + wanted.count]) == wanted, " {,\t\"'".contains(before) {
                var after = index + wanted.count
                if after < line.count, "\"'".contains(line[after]) { after += 1 }
                skipSpaces(line, &after)
                if after < line.count, line[after] == "=" { return before == "\"" || before == "'" ? index - 1 : index }
            }
            index += 1
        }
        return nil
    }

    private static func skipSpaces(_ line: [Character], _ position: inout Int) {
        while position < line.count, line[position] == " " || line[position] == "\t" { position += 1 }
    }
}
