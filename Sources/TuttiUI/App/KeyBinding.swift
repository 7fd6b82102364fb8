import TuttiCore
import TuttiTerminal

/// Where a key binding applies.
public enum KeyScope: Sendable, Hashable {
    /// Every pane (when the focused pane binds the key too, the pane's binding wins).
    case global
    /// One kind of pane, when it has the focus.
    case pane(PaneKind)
    /// The duplicates pane's pair viewer, when it is open.
    case pairViewer
}

/// A command of the workspace as a whole.
public enum GlobalAction: Sendable, Hashable {
    case quit, suspend, redraw, undo, redo
    case nextPane, previousPane, cancel, openFilter, toggleHelp
    case exportRows, saveView, saveReport, copy, filterToSelection, deriveColumn
    case toggleMaximized, narrower, wider, shorter, taller, rebalance, swap, close
    case show(PaneKind)
    case toggleMouse
    case threshold
    /// On a sample of a table in a SQL engine: ask for a new sample size and pull that sample.
    case sampleSize
}

/// What a key does: a workspace command, or an input for the focused pane.
public enum KeyAction: Sendable, Hashable {
    case global(GlobalAction)
    case pane(PaneInput)
}

/// One key of a binding and the action it triggers.
public struct KeyPress: Sendable, Hashable {
    /// The key; a modifier it does not name is ignored when matching, except Ctrl with a character.
    public let key: KeyEvent
    public let action: KeyAction

    public init(_ key: KeyEvent, _ action: KeyAction) {
        self.key = key
        self.action = action
    }
}

/// A key and what it does, as the footer shows it.
public struct KeyHint: Sendable, Equatable {
    public let keys: String
    public let action: String
    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}

/// One entry of the binding table: its keys and their actions, a long name, the scope, the
/// help text (the `?` overlay and README.md) and, when it has one, its short footer hint.
public struct KeyBinding: Sendable {
    /// A stable long name such as `histogram.cycle-bin-mode`.
    public let name: String
    public let scope: KeyScope
    /// The keys, each with its action (`u` undoes, Ctrl-R redoes).
    public let presses: [KeyPress]
    /// What the keys do, for the help overlay and the README.
    public let help: String
    /// The footer's short form, most useful bindings first in table order; nil keeps it out.
    public let footer: KeyHint?

    public init(_ name: String, _ scope: KeyScope, _ presses: [KeyPress], help: String, footer: KeyHint? = nil) {
        self.name = name
        self.scope = scope
        self.presses = presses
        self.help = help
        self.footer = footer
    }

    /// The pane action of the binding's first key, if it has one (for a pane's live label).
    var paneAction: PaneAction? {
        if case .pane(.action(let action))? = presses.first?.action { return action }
        return nil
    }
}
