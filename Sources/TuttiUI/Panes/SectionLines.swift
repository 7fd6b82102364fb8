/// The lines of a list in sections: a heading per section (when the list has headings), then
/// the section's items, or a note line when it has none. Items are numbered across sections, in
/// order; a cursor moves over items and skips headings and notes.
struct SectionLines {
    enum Line: Equatable {
        case heading(section: Int)
        /// Item `item` (numbered across sections) of section `section`.
        case item(section: Int, item: Int)
        /// The note of a section without items.
        case empty(section: Int)
    }

    let lines: [Line]
    /// The line of each item.
    let itemLines: [Int]

    /// Lines for sections of `itemCounts` items each.
    init(itemCounts: [Int], headed: Bool) {
        var lines: [Line] = [], itemLines: [Int] = []
        for (section, count) in itemCounts.enumerated() {
            if headed { lines.append(.heading(section: section)) }
            if count == 0 { lines.append(.empty(section: section)) }
            for _ in 0..<count {
                itemLines.append(lines.count)
                lines.append(.item(section: section, item: itemLines.count - 1))
            }
        }
        self.lines = lines
        self.itemLines = itemLines
    }

    /// The first line to show in `visible` lines, moved as little as possible from `scroll` to
    /// bring `item` into view — with its section's heading when it is the section's first item.
    func scroll(_ scroll: Int, showing item: Int, visible: Int) -> Int {
        let last = max(0, lines.count - visible)
        guard itemLines.indices.contains(item) else { return min(max(0, scroll), last) }
        var line = itemLines[item]
        if line > 0, case .heading = lines[line - 1] { line -= 1 }
        var top = min(max(0, scroll), last)
        if line < top { top = line }
        if itemLines[item] >= top + visible { top = itemLines[item] - visible + 1 }
        return top
    }
}
