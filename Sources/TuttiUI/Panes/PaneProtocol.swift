import TuttiCore
import TuttiTerminal

/// What a pane is asked to do, after the keymap has turned keys and mouse events into intents.
public enum PaneInput: Sendable, Hashable {
    case up, down, left, right, pageUp, pageDown, home, end
    /// Shift+arrows: extend a brush.
    case extendLeft, extendRight, extendUp, extendDown
    case enter, space
    /// A named command from the binding table (`KeyBindings`).
    case action(PaneAction)
    /// Mouse, in the pane's interior coordinates.
    case mousePress(x: Int, y: Int)
    case mouseDrag(x: Int, y: Int)
    case mouseRelease(x: Int, y: Int)
    case scrollUp, scrollDown
}

/// What a pane is told: an input, the size to lay itself out for, the end of work it started,
/// or a request from a prompt. `update` is the only place a pane's view state changes.
public enum PaneMessage: Sendable {
    /// A key or mouse intent, for the focused pane.
    case input(PaneInput)
    /// Sent to every visible pane before each frame: its interior size. The pane derives what
    /// it draws from the size and the context's state (the bins that fit, the scroll, the rows
    /// in view) and asks for the work its view needs; `render` then only reads.
    case layout(width: Int, height: Int)
    /// Work the pane started (`PaneCommand.start`) has ended: finished, failed or stopped.
    case jobEnded(JobHandle)
    /// The search prompt (`F`): find `CellSearch` in the rows and go to the first match.
    case find(CellSearch)
    /// The go-to-row prompt (`:`): move to a dataset row.
    case goToRow(Int)
}

/// What a pane asks the application to do.
public enum PaneCommand: Sendable {
    /// Apply an action to the shared state.
    case dispatch(ExplorerAction)
    /// Open (or focus) a histogram of a column.
    case openHistogram(String)
    /// Show one row's detail view.
    case showRow(Int)
    /// Start a live brush on a histogram over the given bins, from the bin `anchor`.
    case beginBrush(ColumnBinning, anchor: Int, bins: ClosedRange<Int>)
    /// Start a live brush on a scatter plot over a rectangle of its cells.
    case beginRectangleBrush(PlaneCells, rectangle: GridRectangle)
    /// Move the live brush.
    case moveBrush(ClosedRange<Int>)
    /// Move the live rectangle brush.
    case moveRectangleBrush(GridRectangle)
    /// Turn the live brush into the selection.
    case commitBrush
    /// Drop the live brush.
    case cancelBrush
    /// Show a message in the status line.
    case message(String)
    /// Show an error in the status line.
    case error(String)
    /// Open a prompt (the rows pane's search and go-to-row).
    case prompt(PromptPurpose)
    /// Start background work; its end comes back to the pane as `PaneMessage.jobEnded`.
    case start(JobRequest)
    /// Ask background work to stop.
    case stop(JobHandle)
}

/// Everything a pane reads while it updates or renders.
public struct PaneContext {
    public let id: PaneID
    public let state: ExplorerState
    public let theme: Theme
    public let glyphs: Glyphs
    public let focused: Bool
    /// The live brush, if one is being dragged.
    public let brush: BrushPreview?
    /// On a sample of a table in a SQL engine: the engine's exact figures for this pane.
    public var engine: EngineFigures? = nil
}

/// What a rows pane offers exports, the clipboard and the prompts: the columns it shows in its
/// order, its sort and the rows in that order, the cell under its cursor and its search.
public struct RowsListing {
    /// The columns shown, left to right (hidden ones left out).
    public let columns: [Column]
    /// The sort, if any.
    public let sort: (column: String, ascending: Bool)?
    /// The filtered rows in the pane's order (computed only when the pane is sorted).
    public let order: [Int]?
    /// The row and column under the cursor.
    public let focusedCell: (row: Int, column: String)?
    /// The search `F` started.
    public let search: CellSearch?
}

/// A component of the interface, as a value: its view state, `update` (the only place that
/// state changes; returns what the app must do) and a pure `render`. Panes never talk to each
/// other; they read the shared state and emit commands. The workspace asks a pane only through
/// this protocol, never by its concrete type.
public protocol Pane {
    var kind: PaneKind { get }
    /// The title shown in the pane's border.
    var title: String { get }
    /// Changes the pane for `message`; returns what the application must do.
    mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand]
    /// Draws the pane's interior; the canvas clip is the interior, origin at its top-left. Reads
    /// the pane as the last `layout` left it; changes nothing and starts nothing.
    func render(into canvas: inout Canvas, context: PaneContext)
    /// The binding scopes in force while the pane has the focus, most specific first
    /// (`[.pane(kind)]` by default).
    var keyScopes: [KeyScope] { get }
    /// What the key for `action` does now, when the pane's state changes it (a toggle's
    /// other state); nil keeps the binding table's text.
    func label(for action: PaneAction) -> String?
    /// What the pane remembers in a view file (none by default).
    var savedSettings: PaneSettings { get }
    /// Esc: closes a view inside the pane (the pair viewer); false when there is none.
    mutating func closeInnerView() -> Bool
    /// The bins a live brush on another pane counts for this one (a histogram's), if any.
    var brushBinning: ColumnBinning? { get }
    /// What the pane offers exports, the clipboard and the rows prompts, if it lists rows.
    func rowsListing(_ state: ExplorerState) -> RowsListing?
}

extension Pane {
    public mutating func closeInnerView() -> Bool { false }
    public var brushBinning: ColumnBinning? { nil }
    public func rowsListing(_ state: ExplorerState) -> RowsListing? { nil }
    public var keyScopes: [KeyScope] { [.pane(kind)] }
    public func label(for action: PaneAction) -> String? { nil }
}
