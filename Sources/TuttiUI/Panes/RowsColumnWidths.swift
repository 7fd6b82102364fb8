import TuttiCore

/// How wide the rows pane draws its columns: from the header and a sample of the values on
/// screen, capped so one long value cannot push every other column out; then, when every
/// remaining column fits, the spare width goes to the text columns whose values were cut.
enum RowsColumnWidths {
    /// What sizes one column.
    struct Sizing: Equatable {
        /// Cells the header needs.
        var header: Int
        /// Cells the widest sampled value needs.
        var widestValue: Int
        /// Whether the column holds free text (it gets spare width).
        var isText: Bool
        /// Whether the column holds numbers (they show whole, so are capped only by `numberCap`).
        var isNumeric: Bool
        /// A width the user set, used as it is.
        var fixed: Int?

        /// The width the content asks for.
        var natural: Int { fixed ?? max(header, widestValue, 1) }
    }

    /// The widest a number column sizes itself (the longest shortest form of a double).
    static let numberCap = 24
    /// The widest a categorical, boolean or vector column sizes itself.
    static let labelCap = 32
    /// The narrowest cap of a text column, however narrow the pane.
    static let textCapFloor = 16

    /// The capped width of each column for a pane `room` cells wide.
    static func capped(_ columns: [Sizing], room: Int) -> [Int] {
        columns.map { column in
            if let fixed = column.fixed { return fixed }
            let cap = column.isNumeric ? numberCap : column.isText ? max(textCapFloor, room / 2) : labelCap
            return min(column.natural, cap)
        }
    }

    /// `widths` with `spare` cells given out among the columns of `candidates` that want more
    /// (text columns below their natural width, not fixed), evenly, none beyond its natural width.
    static func spread(_ spare: Int, over widths: [Int], candidates: [Int], columns: [Sizing]) -> [Int] {
        var widths = widths
        var left = spare
        var wanting = candidates.filter { columns[$0].isText && columns[$0].fixed == nil && widths[$0] < columns[$0].natural }
        while left > 0 && !wanting.isEmpty {
            let share = max(1, left / wanting.count)
            for index in wanting where left > 0 {
                let given = min(share, columns[index].natural - widths[index], left)
                widths[index] += given
                left -= given
            }
            wanting.removeAll { widths[$0] >= columns[$0].natural }
        }
        return widths
    }
}
