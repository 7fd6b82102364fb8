import TuttiTerminal

/// What the loop must do at the terminal after a key.
public enum TerminalEffect: Sendable, Equatable {
    case none, suspend, redraw
    case mouse(Bool)
    /// Write a control sequence (an OSC 52 clipboard copy).
    case write(String)
}

/// Turns terminal events into workspace operations: keys through the binding table
/// (`KeyBindings`), the line editors of the filter bar and prompts, overlays and the mouse.
public enum Keymap {
    /// Handles one event; returns what the loop must do at the terminal.
    public static func handle(_ event: TerminalEvent, in workspace: Workspace) -> TerminalEffect {
        switch event {
        case .key(let key) where key.modifiers.contains(.alt):
            // No key is bound with Alt, and Esc typed just before a key reaches tutti as Alt+key
            // (`ESC x`): read it as the two keys it most likely was.
            _ = handle(.key(KeyEvent(.escape)), in: workspace)
            return handle(.key(KeyEvent(key.key, modifiers: key.modifiers.subtracting(.alt))), in: workspace)
        case .key(let key):
            // A message stays until the next key that does not say something new.
            let serial = workspace.messageSerial
            defer { if workspace.messageSerial == serial { workspace.clearMessage() } }
            if workspace.filterBar != nil { return filterBarKey(key, workspace) }
            if workspace.prompt != nil { return promptKey(key, workspace) }
            if workspace.overlay != nil { return overlayKey(key, workspace) }
            return boundKey(key, workspace)
        case .mouse(let mouse):
            mouseEvent(mouse, workspace)
        case .paste(let text):
            if workspace.filterBar != nil { workspace.editFilter { $0.editor.insert(text) } }
            if workspace.prompt != nil { workspace.editPrompt { $0.insert(text) } }
        case .resize, .wake:
            break
        }
        return .none
    }

    /// A key outside the bar, prompts and overlays: the binding table's action for it, in the
    /// focused pane's scopes first.
    private static func boundKey(_ event: KeyEvent, _ workspace: Workspace) -> TerminalEffect {
        switch KeyBindings.action(for: event, in: KeyBindings.scopes(for: workspace.panes[workspace.focus])) {
        case .global(let action)?: return perform(action, workspace)
        case .pane(let input)?: workspace.send(input)
        case nil: break
        }
        return .none
    }

    /// Carries out a workspace command.
    private static func perform(_ action: GlobalAction, _ workspace: Workspace) -> TerminalEffect {
        switch action {
        case .quit: workspace.quit()
        case .suspend: return .suspend
        case .redraw: return .redraw
        case .undo: workspace.undo()
        case .redo: workspace.redo()
        case .nextPane: workspace.cycleFocus(1)
        case .previousPane: workspace.cycleFocus(-1)
        case .cancel: workspace.cancel()
        case .openFilter: workspace.openFilterBar()
        case .toggleHelp: workspace.toggleHelp()
        case .exportRows: workspace.openPrompt(.exportRows)
        case .saveView: workspace.openPrompt(.saveView)
        case .saveReport: workspace.openPrompt(.saveReport)
        case .deriveColumn: workspace.openPrompt(.deriveColumn)
        case .copy: return workspace.clipboardSequence().map { .write($0) } ?? .none
        case .filterToSelection:
            if workspace.state.selection == nil {
                workspace.say("nothing is selected: brush a histogram or press Space on rows first")
            } else {
                workspace.dispatch(.filterToSelection)
            }
        case .toggleMaximized: workspace.toggleMaximized()
        case .narrower: workspace.resizeFocused(axis: .horizontal, by: -4)
        case .wider: workspace.resizeFocused(axis: .horizontal, by: 4)
        case .shorter: workspace.resizeFocused(axis: .vertical, by: -2)
        case .taller: workspace.resizeFocused(axis: .vertical, by: 2)
        case .rebalance: workspace.rebalance()
        case .swap: workspace.swapFocused()
        case .close: workspace.closeFocused()
        case .show(let kind): workspace.showPane(kind)
        case .toggleMouse:
            workspace.mouseEnabled.toggle()
            workspace.say(workspace.mouseEnabled ? "mouse on" : "mouse off: the terminal selects text")
            return .mouse(workspace.mouseEnabled)
        }
        return .none
    }

    private static func overlayKey(_ event: KeyEvent, _ workspace: Workspace) -> TerminalEffect {
        switch event.key {
        case .escape, .enter, .character("q"), .character("?"): workspace.cancel()
        case .up, .character("k"): workspace.scrollOverlay(by: -1)
        case .down, .character("j"): workspace.scrollOverlay(by: 1)
        case .pageUp: workspace.scrollOverlay(by: -10)
        case .pageDown, .character(" "): workspace.scrollOverlay(by: 10)
        default: break
        }
        return .none
    }

    private static func filterBarKey(_ event: KeyEvent, _ workspace: Workspace) -> TerminalEffect {
        switch event.key {
        case .escape: workspace.cancel()
        case .enter: workspace.submitFilter()
        case .character("c") where event.modifiers.contains(.ctrl): workspace.cancel()
        default: workspace.editFilter { editLine(event, &$0.editor) }
        }
        return .none
    }

    private static func promptKey(_ event: KeyEvent, _ workspace: Workspace) -> TerminalEffect {
        if workspace.prompt?.confirmingOverwrite == true {
            switch event.key {
            case .character("y"), .character("Y"): workspace.answerOverwrite(true)
            case .character("n"), .character("N"), .escape: workspace.answerOverwrite(false)
            default: break
            }
            return .none
        }
        switch event.key {
        case .escape: workspace.cancel()
        case .enter: workspace.submitPrompt()
        case .tab: workspace.togglePromptColumns()
        case .character("c") where event.modifiers.contains(.ctrl): workspace.cancel()
        default: workspace.editPrompt { editLine(event, &$0) }
        }
        return .none
    }

    /// The editing keys shared by the filter bar and the prompts.
    private static func editLine(_ event: KeyEvent, _ editor: inout LineEditor) {
        let ctrl = event.modifiers.contains(.ctrl)
        switch event.key {
        case .backspace: editor.deleteBackward()
        case .delete: editor.deleteForward()
        case .left: editor.moveLeft()
        case .right: editor.moveRight()
        case .home: editor.moveHome()
        case .end: editor.moveEnd()
        case .up: editor.recall(-1)
        case .down: editor.recall(1)
        case .character("a") where ctrl: editor.moveHome()
        case .character("e") where ctrl: editor.moveEnd()
        case .character("w") where ctrl: editor.deleteWord()
        case .character("u") where ctrl: editor.deleteToStart()
        case .character(let character) where !ctrl: editor.insert(character)
        default: break
        }
    }

    private static func mouseEvent(_ mouse: MouseEvent, _ workspace: Workspace) {
        guard workspace.overlay == nil, workspace.filterBar == nil, workspace.prompt == nil else {
            if mouse.button == .wheelUp { workspace.scrollOverlay(by: -3) }
            if mouse.button == .wheelDown { workspace.scrollOverlay(by: 3) }
            return
        }
        switch (mouse.button, mouse.action) {
        case (.wheelUp, _):
            if workspace.focusPane(atX: mouse.x, y: mouse.y) != nil { workspace.send(.scrollUp) }
        case (.wheelDown, _):
            if workspace.focusPane(atX: mouse.x, y: mouse.y) != nil { workspace.send(.scrollDown) }
        case (.left, .press): workspace.mousePress(x: mouse.x, y: mouse.y)
        case (_, .drag): workspace.mouseDrag(x: mouse.x, y: mouse.y)
        case (_, .release): workspace.mouseRelease(x: mouse.x, y: mouse.y)
        default: break
        }
    }
}
