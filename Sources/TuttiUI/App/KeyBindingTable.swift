import TuttiCore
import TuttiTerminal

/// Every key binding of the explorer, in one table: `Keymap` dispatches from it, and the help
/// overlay, the footer and README.md's key tables are made from (or checked against) it.
/// Order matters: within a scope, the footer shows hints in table order.
public enum KeyBindings {
    /// The whole table.
    public static let all: [KeyBinding] = global + moving + summary + histogram + rows + confusion + slices
        + duplicates + pairViewer + scatter + instance + familiarity + labelIssues + comparison

    private static let global: [KeyBinding] = [
        KeyBinding("pane.cycle", .global, [.key(.tab, .nextPane), .key(.tab, shift: true, .previousPane)],
                   help: "next / previous pane (or click)", footer: KeyHint("Tab", "pane")),
        KeyBinding("filter.open", .global, [.key("/", .openFilter)],
                   help: "filter (Enter apply, Esc cancel, ↑↓ history)", footer: KeyHint("/", "filter")),
        KeyBinding("help", .global, [.key("?", .toggleHelp)], help: "help: the focused pane's keys first, then all the others",
                   footer: KeyHint("?", "help")),
        KeyBinding("quit", .global, [.key("q", .quit), .ctrl("c", .quit)], help: "quit", footer: KeyHint("q", "quit")),
        KeyBinding("column.derive", .global, [.key("=", .deriveColumn)],
                   help: "add a derived column: = name = expression (u undoes)", footer: KeyHint("=", "new column")),
        KeyBinding("layout.rebalance", .global, [.key("B", .rebalance)],
                   help: "rebalance: equal sizes, every pane at least its minimum"),
        KeyBinding("selection.filter", .global, [.key("f", .filterToSelection)], help: "filter to the selection"),
        KeyBinding("cancel", .global, [.key(.escape, .cancel)],
                   help: "close / stop background work / cancel brush / clear selection"),
        KeyBinding("export.rows", .global, [.key("x", .exportRows)],
                   help: "export the selected rows (or the filtered rows) to a file"),
        KeyBinding("view.save", .global, [.key("w", .saveView)],
                   help: "save the view (filter, selection, panes) to a JSON file; tutti open FILE reopens it"),
        KeyBinding("report.write", .global, [.key("R", .saveReport)], help: "write a report of the view: HTML or Markdown"),
        KeyBinding("clipboard.copy", .global, [.key("y", .copy)],
                   help: "copy the selected rows' ids (or the rows pane's cell) to the clipboard"),
        KeyBinding("history.undo-redo", .global, [.key("u", .undo), .ctrl("r", .redo)], help: "undo / redo"),
        KeyBinding("layout.maximize", .global, [.key("z", .toggleMaximized)], help: "maximise / restore the pane"),
        KeyBinding("layout.resize", .global,
                   [.key("<", .narrower), .key(">", .wider), .key("{", .shorter), .key("}", .taller)],
                   help: "narrower / wider / shorter / taller (or drag a border)"),
        KeyBinding("layout.swap", .global, [.key("S", .swap)], help: "swap with the next pane"),
        KeyBinding("layout.close", .global, [.key("X", .close)], help: "close the pane"),
        KeyBinding("pane.show", .global,
                   [.key("1", .show(.summary)), .key("2", .show(.rows)), .key("3", .show(.confusion)),
                    .key("4", .show(.slices)), .key("5", .show(.duplicates)), .key("6", .show(.scatter)),
                    .key("7", .show(.instance)), .key("8", .show(.comparison)), .key("9", .show(.familiarity))],
                   help: "show the summary / rows / confusion / slices / duplicates / scatter / instance / comparison / familiarity pane (opens it if closed)"),
        KeyBinding("pane.show-label-issues", .global, [.key("I", .show(.labelIssues))],
                   help: "show the label issues pane: likely label errors (opens it if closed)"),
        KeyBinding("threshold.move", .global, [.key("t", .threshold)],
                   help: "score threshold (binary tasks): ←→ move it, Shift ten steps, Enter keeps, Esc restores; every pane follows"),
        KeyBinding("sample.size", .global, [.key("P", .sampleSize)],
                   help: "on a database table: pull a new sample of another size (filter, selection and panes kept)"),
        KeyBinding("mouse.toggle", .global, [.key("m", .toggleMouse)], help: "mouse on / off (off: the terminal selects text)"),
        KeyBinding("screen.redraw", .global, [.ctrl("l", .redraw)], help: "redraw"),
        KeyBinding("app.suspend", .global, [.ctrl("z", .suspend)], help: "suspend (fg resumes)"),
    ]

    /// Moving in any pane; a pane's own bindings below say what the keys move over there.
    private static let moving: [KeyBinding] = [
        KeyBinding("cursor.move", .global, arrows(.up, .down, .left, .right), help: "move the cursor"),
        KeyBinding("cursor.page", .global, [.input(.pageUp, .pageUp), .input(.pageDown, .pageDown)], help: "a page up / down"),
        KeyBinding("cursor.ends", .global, ends, help: "first / last"),
        KeyBinding("cursor.extend", .global, extend, help: "extend the brush (histograms, scatter plots)"),
        KeyBinding("cursor.select", .global, [.input(.character(" "), .space)], help: "select what is under the cursor"),
        KeyBinding("cursor.open", .global, [.input(.enter, .enter)], help: "open or commit what is under the cursor"),
    ]

    private static let summary: [KeyBinding] = [
        KeyBinding("summary.move", .pane(.summary), arrows(.up, .down), help: "previous / next column",
                   footer: KeyHint("↑↓", "column")),
        KeyBinding("summary.open-histogram", .pane(.summary), [.input(.enter, .enter)], help: "open the column's histogram",
                   footer: KeyHint("Enter", "histogram")),
        KeyBinding("summary.group-by", .pane(.summary), [.key("b", .groupBy)],
                   help: "add or remove the column as a group column (up to 3)", footer: KeyHint("b", "group by (slices)")),
    ]

    private static let histogram: [KeyBinding] = [
        KeyBinding("histogram.move", .pane(.histogram), arrows(.left, .right), help: "previous / next bin (↑↓ for categories)",
                   footer: KeyHint("←→", "bin")),
        KeyBinding("histogram.brush", .pane(.histogram), extend, help: "brush: extend over the next bin (or drag the mouse)",
                   footer: KeyHint("⇧←→", "brush")),
        KeyBinding("histogram.select-bin", .pane(.histogram), [.input(.character(" "), .space)], help: "select the bin",
                   footer: KeyHint("Space", "select bin")),
        KeyBinding("histogram.commit", .pane(.histogram), [.input(.enter, .enter)], help: "commit the brush",
                   footer: KeyHint("Enter", "commit")),
        KeyBinding("histogram.filter", .pane(.histogram), [.key("f", .filterToSelection)], help: "filter to the selection",
                   footer: KeyHint("f", "filter")),
        KeyBinding("histogram.cycle-bin-mode", .pane(.histogram), [.key("b", .cycleBinMode)],
                   help: "even / quantile / log x bins", footer: KeyHint("b", "bin mode")),
        KeyBinding("histogram.log-y", .pane(.histogram), [.key("L", .toggleLogScale)], help: "log y (counts) on / off",
                   footer: KeyHint("L", "log y")),
        KeyBinding("histogram.bins", .pane(.histogram), [.key("+", .moreBins), .key("-", .fewerBins)], help: "more / fewer bins",
                   footer: KeyHint("+/-", "bins")),
        KeyBinding("histogram.overlay", .pane(.histogram), [.key("e", .toggleOverlay)],
                   help: "error rate per bin (on the score: the reliability curve and ECE) on / off", footer: KeyHint("e", "error per bin")),
        KeyBinding("histogram.overlay-metric", .pane(.histogram), [.key("E", .nextOverlayMetric)],
                   help: "next metric per bin: error, precision, recall, F1, FPR, FNR, positive share, mean score / loss, MAE, …",
                   footer: KeyHint("E", "metric")),
    ]

    private static let rows: [KeyBinding] = [
        KeyBinding("rows.row-cursor", .pane(.rows), arrows(.up, .down), help: "previous / next row", footer: KeyHint("↑↓", "row")),
        KeyBinding("rows.column-cursor", .pane(.rows), arrows(.left, .right), help: "previous / next column",
                   footer: KeyHint("←→", "column")),
        KeyBinding("rows.select", .pane(.rows), [.input(.character(" "), .space)], help: "toggle the row into the selection",
                   footer: KeyHint("Space", "select row")),
        KeyBinding("rows.sort", .pane(.rows), [.key("s", .sort)], help: "sort by the column: ascending, descending, off",
                   footer: KeyHint("s", "sort")),
        KeyBinding("rows.find", .pane(.rows), [.key("F", .find)], help: "find a value (Tab in the prompt: a regular expression)",
                   footer: KeyHint("F", "find")),
        KeyBinding("rows.next-match", .pane(.rows), [.key("n", .nextMatch)],
                   help: "next match of the search (F); with no search (Esc ends it): rows like this, the row and its k nearest neighbours selected",
                   footer: KeyHint("n", "next match")),
        KeyBinding("rows.previous-match", .pane(.rows), [.key("N", .previousMatch)], help: "previous match of the search",
                   footer: KeyHint("N", "previous match")),
        KeyBinding("rows.neighbor-count", .pane(.rows), [.key("K", .nextNeighborCount)], help: neighborCountHelp,
                   footer: KeyHint("K", "k")),
        KeyBinding("rows.go-to-row", .pane(.rows), [.key(":", .goToRow)], help: "go to row number", footer: KeyHint(":", "go to row")),
        KeyBinding("rows.column-width", .pane(.rows), [.key("[", .narrowColumn), .key("]", .widenColumn)],
                   help: "narrow/widen column by 2 cells", footer: KeyHint("[ ]", "narrow/widen column")),
        KeyBinding("rows.fit-column", .pane(.rows), [.key("_", .fitColumn)], help: "fit column to its values",
                   footer: KeyHint("_", "fit column")),
        KeyBinding("rows.hide-column", .pane(.rows), [.key("-", .hideColumn)], help: "hide column", footer: KeyHint("-", "hide column")),
        KeyBinding("rows.show-hidden", .pane(.rows), [.key("+", .showHiddenColumns)], help: "show hidden columns again",
                   footer: KeyHint("+", "show hidden")),
        KeyBinding("rows.reorder-column", .pane(.rows), [.key("H", .moveColumnLeft), .key("L", .moveColumnRight)],
                   help: "move column left / right", footer: KeyHint("H L", "move column")),
        KeyBinding("rows.ends", .pane(.rows), ends, help: "first/last row", footer: KeyHint("g G", "first/last row")),
        KeyBinding("rows.details", .pane(.rows), [.input(.enter, .enter)], help: "show the row's details (text wrapped)",
                   footer: KeyHint("Enter", "details")),
    ]

    private static let confusion: [KeyBinding] = [
        KeyBinding("confusion.move", .pane(.confusion), arrows(.left, .right, .up, .down),
                   help: "move over the cells (and across matrices at the edges)", footer: KeyHint("←→↑↓", "cell")),
        KeyBinding("confusion.select", .pane(.confusion), [.input(.enter, .enter), .input(.character(" "), .space)],
                   help: "select the cell's rows", footer: KeyHint("Enter", "select cell")),
        KeyBinding("confusion.row-percentages", .pane(.confusion), [.key("%", .toggleRowPercentages)],
                   help: "row percentages (recall) or counts", footer: KeyHint("%", "row %")),
    ]

    private static let slices: [KeyBinding] = [
        KeyBinding("slices.move", .pane(.slices), arrows(.up, .down), help: "previous / next slice", footer: KeyHint("↑↓", "slice")),
        KeyBinding("slices.select", .pane(.slices), [.input(.enter, .enter), .input(.character(" "), .space)],
                   help: "select the slice's rows (a stopped search: run it again)", footer: KeyHint("Enter", "select")),
        KeyBinding("slices.sort", .pane(.slices), [.key("s", .sort)], help: "next sort metric", footer: KeyHint("s", "sort")),
        KeyBinding("slices.reverse", .pane(.slices), [.key("r", .reverse)], help: "reverse the order", footer: KeyHint("r", "reverse")),
        KeyBinding("slices.minimum-size", .pane(.slices), [.key("[", .halveMinimumSize), .key("]", .doubleMinimumSize)],
                   help: "halve / double the minimum size", footer: KeyHint("[ ]", "min size")),
        KeyBinding("slices.diverse", .pane(.slices), [.key("d", .toggleDiverse)], help: "diverse slices or every slice found",
                   footer: KeyHint("d", "diverse or all")),
    ]

    private static let duplicates: [KeyBinding] = [
        KeyBinding("duplicates.move", .pane(.duplicates), arrows(.up, .down), help: "previous / next cluster",
                   footer: KeyHint("↑↓", "cluster")),
        KeyBinding("duplicates.select", .pane(.duplicates), [.input(.character(" "), .space)], help: "select the cluster's rows",
                   footer: KeyHint("Space", "select")),
        KeyBinding("duplicates.compare", .pane(.duplicates), [.input(.enter, .enter)],
                   help: "open the pair viewer (a stopped search: run it again)", footer: KeyHint("Enter", "compare rows")),
        KeyBinding("duplicates.filter-kind", .pane(.duplicates), [.key("f", .filterToKind)],
                   help: "filter to the rows of every cluster of the kind", footer: KeyHint("f", "filter to the kind")),
        KeyBinding("duplicates.sort", .pane(.duplicates), [.key("s", .sort)], help: "sort by size / similarity / selected / kind",
                   footer: KeyHint("s", "sort")),
        KeyBinding("duplicates.reverse", .pane(.duplicates), [.key("r", .reverse)], help: "reverse the order",
                   footer: KeyHint("r", "reverse")),
        KeyBinding("duplicates.like-this", .pane(.duplicates), [.key("n", .rowsLikeThis)],
                   help: "rows like this: the cluster's first row (the pair viewer's left row) and its k nearest neighbours selected",
                   footer: KeyHint("n", "rows like this")),
        KeyBinding("duplicates.neighbor-count", .pane(.duplicates), [.key("K", .nextNeighborCount)], help: neighborCountHelp,
                   footer: KeyHint("K", "k")),
    ]

    private static let pairViewer: [KeyBinding] = [
        KeyBinding("pair.members", .pairViewer, arrows(.left, .right), help: "previous / next members of the cluster",
                   footer: KeyHint("←→", "members")),
        KeyBinding("pair.scroll", .pairViewer, arrows(.up, .down) + [.input(.pageUp, .pageUp), .input(.pageDown, .pageDown)],
                   help: "scroll", footer: KeyHint("↑↓", "scroll")),
        KeyBinding("pair.select", .pairViewer, [.input(.character(" "), .space)], help: "select the cluster's rows",
                   footer: KeyHint("Space", "select")),
        KeyBinding("pair.back", .pairViewer, [.input(.enter, .enter)], help: "back to the clusters (Esc too)",
                   footer: KeyHint("Enter", "back")),
    ]

    private static let scatter: [KeyBinding] = [
        KeyBinding("scatter.move", .pane(.scatter), arrows(.left, .right, .up, .down), help: "move the cursor (the brush's corner)",
                   footer: KeyHint("←→↑↓", "cursor")),
        KeyBinding("scatter.brush", .pane(.scatter), extend + extendVertically,
                   help: "brush a rectangle: extend it with the corner (or drag the mouse)", footer: KeyHint("⇧←→↑↓", "brush")),
        KeyBinding("scatter.select-cell", .pane(.scatter), [.input(.character(" "), .space)], help: "select the points of the cell",
                   footer: KeyHint("Space", "select cell")),
        KeyBinding("scatter.commit", .pane(.scatter), [.input(.enter, .enter)], help: "commit the brush", footer: KeyHint("Enter", "commit")),
        KeyBinding("scatter.axes", .pane(.scatter), [.key("a", .nextXColumn), .key("A", .nextYColumn)],
                   help: "next numeric column on x / on y", footer: KeyHint("a A", "x / y column")),
        KeyBinding("scatter.projection", .pane(.scatter), [.key("p", .nextProjection)],
                   help: "next projection: column pairs (umap_1/umap_2, x/y, …), then vector columns", footer: KeyHint("p", "projection")),
        KeyBinding("scatter.colour", .pane(.scatter), [.key("c", .nextColoring)],
                   help: "colour by: correct / incorrect, label, prediction, columns of up to 8 values, none",
                   footer: KeyHint("c", "colour")),
        KeyBinding("scatter.zoom", .pane(.scatter), [.key("+", .zoomIn), .key("-", .zoomOut), .key("0", .resetZoom)],
                   help: "zoom in (around the cursor) / out / reset", footer: KeyHint("+ - 0", "zoom")),
    ]

    private static let instance: [KeyBinding] = [
        KeyBinding("instance.step", .pane(.instance), [.key("[", .previousRow), .key("]", .nextRow)],
                   help: "previous / next row: the selected rows, or the filtered rows when none is selected",
                   footer: KeyHint("[ ]", "previous/next row")),
        KeyBinding("instance.scroll", .pane(.instance), arrows(.up, .down) + [.input(.pageUp, .pageUp), .input(.pageDown, .pageDown)],
                   help: "scroll", footer: KeyHint("↑↓", "scroll")),
        KeyBinding("instance.compare", .pane(.instance), [.key("d", .compareWithRow)],
                   help: "compare with this row: other rows mark the cells (≠) and words that differ from it; d on it again stops",
                   footer: KeyHint("d", "compare")),
        KeyBinding("instance.like-this", .pane(.instance), [.key("n", .rowsLikeThis)],
                   help: "rows like this: the row and its k nearest neighbours selected", footer: KeyHint("n", "rows like this")),
        KeyBinding("instance.neighbor-count", .pane(.instance), [.key("K", .nextNeighborCount)], help: neighborCountHelp,
                   footer: KeyHint("K", "k")),
    ]

    private static let familiarity: [KeyBinding] = [
        KeyBinding("familiarity.move", .pane(.familiarity), arrows(.up, .down), help: "previous / next row, least familiar first",
                   footer: KeyHint("↑↓", "row")),
        KeyBinding("familiarity.bin", .pane(.familiarity), arrows(.left, .right), help: "previous / next bin of the score histogram",
                   footer: KeyHint("←→", "bin")),
        KeyBinding("familiarity.brush", .pane(.familiarity), extend,
                   help: "brush a score range on the histogram (or drag the mouse), live in every pane", footer: KeyHint("⇧←→", "brush")),
        KeyBinding("familiarity.select-range", .pane(.familiarity), [.input(.enter, .enter)],
                   help: "select the brushed score range (the bin under the cursor when there is no brush)",
                   footer: KeyHint("Enter", "select range")),
        KeyBinding("familiarity.select-row", .pane(.familiarity), [.input(.character(" "), .space)],
                   help: "toggle the row into the selection", footer: KeyHint("Space", "select row")),
        KeyBinding("familiarity.like-this", .pane(.familiarity), [.key("n", .rowsLikeThis)],
                   help: "rows like this: the row and its k nearest neighbours selected", footer: KeyHint("n", "rows like this")),
        KeyBinding("familiarity.neighbor-count", .pane(.familiarity), [.key("K", .nextNeighborCount)], help: neighborCountHelp,
                   footer: KeyHint("K", "k")),
        KeyBinding("familiarity.group", .pane(.familiarity), [.key("b", .nextGroupColumn)],
                   help: "group by the next categorical column, then by the shared group column again",
                   footer: KeyHint("b", "group by")),
        KeyBinding("familiarity.ends", .pane(.familiarity), ends, help: "least / most familiar row"),
    ]

    /// What `K` does, wherever it is bound.
    private static let neighborCountHelp = "k, the neighbours of rows like this and of familiarity: 5, 10, 20, 50, 100"

    private static let labelIssues: [KeyBinding] = [
        KeyBinding("label-issues.move", .pane(.labelIssues), arrows(.up, .down), help: "previous / next likely label error (the instance pane shows its row)",
                   footer: KeyHint("↑↓", "issue")),
        KeyBinding("label-issues.select", .pane(.labelIssues), [.input(.character(" "), .space)],
                   help: "toggle the row into the selection", footer: KeyHint("Space", "select row")),
        KeyBinding("label-issues.select-all", .pane(.labelIssues), [.input(.enter, .enter)],
                   help: "select every likely label error (a stopped search: run it again)", footer: KeyHint("Enter", "select all")),
    ]

    private static let comparison: [KeyBinding] = [
        KeyBinding("comparison.move", .pane(.comparison), arrows(.left, .right, .up, .down),
                   help: "move over the agreement cells, then down into the slices", footer: KeyHint("←→↑↓", "cell / slice")),
        KeyBinding("comparison.select", .pane(.comparison), [.input(.enter, .enter), .input(.character(" "), .space)],
                   help: "select the cell's or the slice's rows (a stopped search: run it again)", footer: KeyHint("Enter", "select")),
        KeyBinding("comparison.models", .pane(.comparison), [.key("a", .nextModelA), .key("b", .nextModelB)],
                   help: "next model as A / as B (with more than two models)", footer: KeyHint("a b", "model A / B")),
    ]

    /// The arrow keys among `inputs` (`.up`, `.down`, `.left`, `.right`) with their vi letters.
    private static func arrows(_ inputs: PaneInput...) -> [KeyPress] {
        let keys: [PaneInput: (Key, Character)] = [.up: (.up, "k"), .down: (.down, "j"), .left: (.left, "h"), .right: (.right, "l")]
        return inputs.map { .input(keys[$0]!.0, $0) } + inputs.map { .input(.character(keys[$0]!.1), $0) }
    }

    private static let ends: [KeyPress] = [.input(.home, .home), .input(.end, .end), .input(.character("g"), .home),
                                           .input(.character("G"), .end)]
    private static let extend: [KeyPress] = [.input(.left, shift: true, .extendLeft), .input(.right, shift: true, .extendRight)]
    private static let extendVertically: [KeyPress] = [.input(.up, shift: true, .extendUp), .input(.down, shift: true, .extendDown)]
}

extension KeyPress {
    /// A plain key for a workspace command.
    static func key(_ key: Key, shift: Bool = false, _ action: GlobalAction) -> KeyPress {
        KeyPress(KeyEvent(key, modifiers: shift ? .shift : []), .global(action))
    }

    /// A character key for a workspace command.
    static func key(_ character: Character, _ action: GlobalAction) -> KeyPress { key(.character(character), action) }

    /// Ctrl with a character, for a workspace command.
    static func ctrl(_ character: Character, _ action: GlobalAction) -> KeyPress { KeyPress(.ctrl(character), .global(action)) }

    /// A character key for a pane action.
    static func key(_ character: Character, _ action: PaneAction) -> KeyPress {
        KeyPress(.character(character), .pane(.action(action)))
    }

    /// A key that sends an input to the focused pane.
    static func input(_ key: Key, shift: Bool = false, _ input: PaneInput) -> KeyPress {
        KeyPress(KeyEvent(key, modifiers: shift ? .shift : []), .pane(input))
    }
}
