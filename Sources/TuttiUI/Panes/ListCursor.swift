/// The cursor of a scrolling list pane: the item under it, the first item in view, and how
/// navigation keys and clicks move it.
struct ListCursor {
    /// The item under the cursor.
    private(set) var index = 0
    /// The first item in view.
    private(set) var scroll = 0
    /// How many items the last render showed.
    private(set) var visible = 1

    /// Fits the view to `lines` lines over `count` items, keeping the cursor in view and, when
    /// the view grew, showing no blank lines below while items are hidden above.
    mutating func fit(lines: Int, count: Int) {
        visible = max(1, lines)
        index = min(index, max(0, count - 1))
        scroll = min(scroll, max(0, count - visible))
        if index < scroll { scroll = index }
        if index >= scroll + visible { scroll = index - visible + 1 }
    }

    /// Moves for a navigation input (arrows up and down, pages, Home, End, the wheel);
    /// false when `input` is not one.
    mutating func move(_ input: PaneInput, count: Int) -> Bool {
        let last = max(0, count - 1)
        switch input {
        case .up: index = max(0, index - 1)
        case .down: index = min(last, index + 1)
        case .pageUp: index = max(0, index - visible)
        case .pageDown: index = min(last, index + visible)
        case .home: index = 0
        case .end: index = last
        case .scrollUp: index = max(0, index - 3)
        case .scrollDown: index = min(last, index + 3)
        default: return false
        }
        return true
    }

    /// Puts the cursor on the item shown on list line `line` (0 = the first item in view).
    mutating func click(line: Int, count: Int) {
        let item = scroll + line
        if line >= 0, item < count { index = item }
    }

    /// Puts the cursor on `item`.
    mutating func set(_ item: Int, count: Int) { index = min(max(0, item), max(0, count - 1)) }
}
