import TuttiCore

/// The rows pane's choice of columns: which show, in what order, and the widths the user set.
/// Columns are named, so a choice outlives a reload and reads well in a view file.
struct RowsColumns {
    /// Every column of the dataset, in the order shown (hidden ones keep their place).
    private(set) var order: [String] = []
    /// Columns left out.
    private(set) var hidden: Set<String> = []
    /// Widths set with `[` / `]`, in cells; other columns size themselves.
    private(set) var widths: [String: Int] = [:]
    /// The dataset's columns, in its order.
    private var datasetOrder: [String] = []
    private var known = false
    /// A saved choice waiting for the dataset (applied by `adopt`).
    private var saved: (shown: [String]?, widths: [String: Int])

    /// The narrowest a column can be made.
    static let minimumWidth = 1
    /// The widest a column can be made.
    static let maximumWidth = 1000

    /// A choice from saved settings: the columns shown in order (every column when nil) and widths.
    init(shown: [String]? = nil, widths: [String: Int] = [:]) {
        saved = (shown, widths)
    }

    /// Fits the choice to `names` (the dataset's columns) the first time it is seen: the saved
    /// columns first in their order, the others hidden after them; unknown names are dropped.
    /// Later, columns the dataset gains (a derived column) show at the end, and columns it loses
    /// (an undone derivation) leave the choice.
    mutating func adopt(_ names: [String]) {
        guard !known else {
            guard names != datasetOrder else { return }
            let present = Set(names), before = Set(datasetOrder)
            order = order.filter { present.contains($0) } + names.filter { !before.contains($0) }
            hidden.formIntersection(present)
            widths = widths.filter { present.contains($0.key) }
            datasetOrder = names
            return
        }
        known = true
        datasetOrder = names
        let present = Set(names)
        if let shown = saved.shown {
            var seen = Set<String>()
            let chosen = shown.filter { present.contains($0) && seen.insert($0).inserted }
            order = chosen + names.filter { !seen.contains($0) }
            hidden = present.subtracting(chosen)
        } else {
            order = names
        }
        widths = saved.widths.filter { present.contains($0.key) }
            .mapValues { min(max($0, Self.minimumWidth), Self.maximumWidth) }
    }

    /// The columns shown, left to right.
    var shown: [String] { order.filter { !hidden.contains($0) } }

    /// Whether columns are hidden or moved (a view file then records the columns shown).
    var isChosen: Bool { !hidden.isEmpty || order != datasetOrder }

    /// Hides `name`; refuses to hide the last column shown.
    mutating func hide(_ name: String) -> Bool {
        guard shown.count > 1, !hidden.contains(name) else { return false }
        hidden.insert(name)
        return true
    }

    /// Shows every hidden column again; returns how many there were.
    mutating func showAll() -> Int {
        defer { hidden = [] }
        return hidden.count
    }

    /// Moves shown column `name` one place left (`by` -1) or right (+1) among the shown columns.
    mutating func move(_ name: String, by step: Int) -> Bool {
        let visible = shown
        guard let index = visible.firstIndex(of: name), visible.indices.contains(index + step),
              let from = order.firstIndex(of: name), let to = order.firstIndex(of: visible[index + step]) else { return false }
        order.swapAt(from, to)
        return true
    }

    /// Sets the width of `name` (clamped to the allowed range); returns the width set.
    mutating func setWidth(_ name: String, _ width: Int) -> Int {
        let clamped = min(max(width, Self.minimumWidth), Self.maximumWidth)
        widths[name] = clamped
        return clamped
    }

    /// Lets `name` size itself again.
    mutating func resetWidth(_ name: String) {
        widths[name] = nil
    }
}
