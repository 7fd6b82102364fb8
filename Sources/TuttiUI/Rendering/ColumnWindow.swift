/// The columns of a table that fit across a width, left to right from a first column: whole
/// columns only (or text and charts narrowed to a minimum), so a number is never cut at the
/// right edge; columns that do not fit are left out and marked with `›` (and those scrolled
/// past on the left with `‹`). The first column shown always shows, cut to the room there is
/// when even it does not fit.
struct ColumnWindow: Equatable {
    /// One column shown: its index, where it starts, and its width on screen.
    struct Placed: Equatable {
        let index: Int
        let x: Int
        let width: Int
    }

    /// Says that more columns follow on the right.
    static let rightMark: Character = "›"
    /// Says that columns were scrolled past on the left.
    static let leftMark: Character = "‹"

    /// The columns shown, left to right.
    let placed: [Placed]
    /// Whether columns before the first shown were left out.
    let moreLeft: Bool
    /// Whether columns after the last shown were left out.
    let moreRight: Bool

    /// The columns of `widths` from `first` that fit between `x` and `width`, `gap` cells apart.
    /// A column with more after it must leave room for the gap and the `›` mark. A column of
    /// text or a chart listed in `minimums` may show narrower, down to its minimum, rather
    /// than be left out (numbers never: they show whole or not at all).
    init(widths: [Int], first: Int = 0, x: Int, width: Int, gap: Int = 1, minimums: [Int: Int] = [:]) {
        var placed: [Placed] = []
        var left = x
        var index = first
        while index < widths.count {
            let limit = index == widths.count - 1 ? width : width - gap - 1
            if left + widths[index] <= limit {
                placed.append(Placed(index: index, x: left, width: widths[index]))
            } else if placed.isEmpty, limit > left {
                placed.append(Placed(index: index, x: left, width: limit - left))
                index += 1
                break
            } else {
                if let minimum = minimums[index], limit - left >= minimum {
                    placed.append(Placed(index: index, x: left, width: limit - left))
                    index += 1
                }
                break
            }
            left += widths[index] + gap
            index += 1
        }
        self.placed = placed
        moreLeft = first > 0
        moreRight = index < widths.count
    }

    /// Whether column `index` shows whole.
    func showsWhole(_ index: Int, widths: [Int]) -> Bool {
        placed.contains { $0.index == index && $0.width == widths[index] }
    }
}
