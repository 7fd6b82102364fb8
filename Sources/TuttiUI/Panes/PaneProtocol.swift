import TuttiCore
import TuttiTerminal

/// What a pane is asked to do, after the keymap has turned keys and mouse events into intents.
public enum PaneInput: Sendable, Hashable {
    case up, down, left, right, pageUp, pageDown, home, end
    /// Shift+Left / Shift+Right: extend a brush.
    case extendLeft, extendRight
    case enter, space
    /// A named command from the binding table (`KeyBindings`).
    case action(PaneAction)
    /// Mouse, in the pane's interior coordinates.
    case mousePress(x: Int, y: Int)
    case mouseDrag(x: Int, y: Int)
    case mouseRelease(x: Int, y: Int)
    case scrollUp, scrollDown
}

/// What a pane asks the application to do.
public enum PaneCommand: Sendable {
    /// Apply an action to the shared state.
    case dispatch(ExplorerAction)
    /// Open (or focus) a histogram of a column.
    case openHistogram(String)
    /// Show one row's detail view.
    case showRow(Int)
    /// Start a live brush on a histogram over the given bins.
    case beginBrush(ColumnBinning, bins: ClosedRange<Int>)
    /// Move the live brush.
    case moveBrush(ClosedRange<Int>)
    /// Turn the live brush into the selection.
    case commitBrush
    /// Drop the live brush.
    case cancelBrush
    /// Show a message in the status line.
    case message(String)
    /// Open a prompt (the rows pane's search and go-to-row).
    case prompt(PromptPurpose)
    /// Run the rows pane's search and move to the next (or previous) match.
    case findInRows(forward: Bool, includingCursor: Bool)
}

/// Everything a pane reads while rendering or handling input.
public struct PaneContext {
    public let id: PaneID
    public let state: ExplorerState
    public let theme: Theme
    public let glyphs: Glyphs
    public let focused: Bool
    /// The live brush, if one is being dragged.
    public let brush: BrushPreview?
    /// Whole-data summaries of every column, in column order.
    public let summaries: [ColumnSummary]
    /// Where panes run work too slow for the UI thread.
    public let jobs: BackgroundJobs
}

/// A component of the interface: renders into its part of the canvas and turns input into
/// commands. Panes never talk to each other; they read the shared state and emit actions.
public protocol Pane: AnyObject {
    var kind: PaneKind { get }
    /// The title shown in the pane's border.
    var title: String { get }
    /// Draws the pane's interior; the canvas clip is the interior, origin at its top-left.
    func render(into canvas: inout Canvas, context: PaneContext)
    /// Handles an input; the canvas size is the interior size of the last render.
    func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand]
    /// The binding scopes in force while the pane has the focus, most specific first
    /// (`[.pane(kind)]` by default).
    var keyScopes: [KeyScope] { get }
    /// What the key for `action` does now, when the pane's state changes it (a toggle's
    /// other state); nil keeps the binding table's text.
    func label(for action: PaneAction) -> String?
    /// What the pane remembers in a view file (none by default).
    var savedSettings: PaneSettings { get }
    /// Esc: closes a view inside the pane (the pair viewer); false when there is none.
    func closeInnerView() -> Bool
}

extension Pane {
    public func closeInnerView() -> Bool { false }
    public var keyScopes: [KeyScope] { [.pane(kind)] }
    public func label(for action: PaneAction) -> String? { nil }
}
