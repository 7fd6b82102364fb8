import TuttiCore
import TuttiTerminal

/// Everything that changes a workspace, as a value: `Workspace.update` takes one and returns the
/// effects the app must run. Keys, mouse and paste arrive as `.event` and go through the binding
/// table (`Keymap`), which turns them into the other actions.
public enum WorkspaceAction {
    /// A terminal event, read through the binding table, the filter bar, prompts and overlays.
    case event(TerminalEvent)
    /// Apply an action to the shared state, reporting errors as messages.
    case dispatch(ExplorerAction)
    /// Show a message in the status line.
    case say(String, isError: Bool = false)
    /// Send an input to the focused pane.
    case send(PaneInput)
    /// Esc: close what is open, else stop background work, else cancel a brush, else clear the
    /// selection.
    case cancel
    case undo, redo, quit, toggleHelp
    /// Ctrl-Z: suspend the program.
    case suspend
    /// Move an overlay's scroll position.
    case scrollOverlay(by: Int)
    /// Focus the next (`+1`) or previous (`-1`) pane.
    case cycleFocus(Int)
    /// Open (or focus) a histogram of a column.
    case openHistogram(String)
    /// Open (or focus) the pane of a kind that has only one instance.
    case showPane(PaneKind)
    /// Size every pane afresh: equal shares along each split, each at least its minimum.
    case rebalance
    /// Close the focused pane (the last one stays).
    case closeFocused
    /// Swap the focused pane with the next one.
    case swapFocused
    case toggleMaximized
    /// Grow the focused pane by `cells` along `axis`.
    case resizeFocused(axis: SplitAxis, by: Int)
    /// Mouse on the pane area, in screen cells: a press on a border starts a resize drag, in a
    /// pane it focuses it and passes the press on.
    case mousePress(x: Int, y: Int)
    case mouseDrag(x: Int, y: Int)
    case mouseRelease(x: Int, y: Int)
    /// The wheel over a pane: focus it and send it `input` (`.scrollUp`, `.scrollDown`).
    case wheel(x: Int, y: Int, PaneInput)
    case openFilterBar
    /// Edit the open filter bar (then validated).
    case editFilter((inout FilterBar) -> Void)
    /// Apply the filter bar's text if it is valid; otherwise keep the bar open.
    case submitFilter
    /// Open a prompt with a suggested answer.
    case openPrompt(PromptPurpose)
    /// Edit the open prompt's text.
    case editPrompt((inout LineEditor) -> Void)
    /// Tab in a prompt: all columns or the visible ones (export); text or regex (search).
    case togglePromptColumns
    /// Enter in a prompt.
    case submitPrompt
    /// y / n while asking whether to replace a file.
    case answerOverwrite(Bool)
    /// `y`: copy the selected rows' ids, or the rows pane's focused cell, to the clipboard.
    case copy
    /// `f`: filter to the selection.
    case filterToSelection
    /// `t`: start moving the score threshold.
    case openThreshold
    /// Move the threshold by a number of steps (negative: down).
    case moveThreshold(Int)
    /// Enter while moving the threshold: keep it.
    case keepThreshold
    /// `m`: turn mouse reporting on or off.
    case toggleMouse
    /// Before each frame: lay every visible pane out for a terminal of this size.
    case layout(width: Int, height: Int)
    /// What came of an effect the workspace asked for.
    case outcome(EffectOutcome)
}
