import TuttiTerminal

/// Reads terminal events as workspace actions: keys through the binding table (`KeyBindings`),
/// the line editors of the filter bar and prompts, overlays and the mouse. What a key means
/// depends on what is open, so each is read in the workspace's state when it arrives.
enum Keymap {
    /// The actions `event` stands for while the workspace is as it is.
    static func actions(for event: KeyEvent, in workspace: Workspace) -> [WorkspaceAction] {
        if workspace.thresholdEditor != nil { return thresholdKey(event) }
        if workspace.filterBar != nil { return [filterBarKey(event)] }
        if workspace.prompt != nil { return promptKey(event, confirming: workspace.prompt?.confirmingOverwrite == true) }
        if workspace.overlay != nil { return overlayKey(event) }
        switch KeyBindings.action(for: event, in: KeyBindings.scopes(for: workspace.panes[workspace.focus])) {
        case .global(let action)?: return global(action)
        case .pane(let input)?: return [.send(input)]
        case nil: return []
        }
    }

    /// The actions of a workspace command.
    private static func global(_ action: GlobalAction) -> [WorkspaceAction] {
        switch action {
        case .quit: [.quit]
        case .suspend: [.suspend]
        // Every frame draws what changed; there is nothing more to do.
        case .redraw: []
        case .undo: [.undo]
        case .redo: [.redo]
        case .nextPane: [.cycleFocus(1)]
        case .previousPane: [.cycleFocus(-1)]
        case .cancel: [.cancel]
        case .openFilter: [.openFilterBar]
        case .toggleHelp: [.toggleHelp]
        case .exportRows: [.openPrompt(.exportRows)]
        case .saveView: [.openPrompt(.saveView)]
        case .saveReport: [.openPrompt(.saveReport)]
        case .deriveColumn: [.openPrompt(.deriveColumn)]
        case .copy: [.copy]
        case .filterToSelection: [.filterToSelection]
        case .toggleMaximized: [.toggleMaximized]
        case .narrower: [.resizeFocused(axis: .horizontal, by: -4)]
        case .wider: [.resizeFocused(axis: .horizontal, by: 4)]
        case .shorter: [.resizeFocused(axis: .vertical, by: -2)]
        case .taller: [.resizeFocused(axis: .vertical, by: 2)]
        case .rebalance: [.rebalance]
        case .swap: [.swapFocused]
        case .close: [.closeFocused]
        case .show(let kind): [.showPane(kind)]
        case .toggleMouse: [.toggleMouse]
        case .threshold: [.openThreshold]
        case .sampleSize: [.openPrompt(.sampleSize)]
        }
    }

    /// While the threshold moves: ←/→ (h/l) a step, with Shift ten, Enter keeps, Esc restores.
    private static func thresholdKey(_ event: KeyEvent) -> [WorkspaceAction] {
        let steps = event.modifiers.contains(.shift) ? 10 : 1
        switch event.key {
        case .left, .character("h"): return [.moveThreshold(-steps)]
        case .right, .character("l"): return [.moveThreshold(steps)]
        case .character("H"): return [.moveThreshold(-10)]
        case .character("L"): return [.moveThreshold(10)]
        case .enter: return [.keepThreshold]
        case .escape: return [.cancel]
        case .character("c") where event.modifiers.contains(.ctrl): return [.cancel]
        default: return []
        }
    }

    private static func overlayKey(_ event: KeyEvent) -> [WorkspaceAction] {
        switch event.key {
        case .escape, .enter, .character("q"), .character("?"): [.cancel]
        case .up, .character("k"): [.scrollOverlay(by: -1)]
        case .down, .character("j"): [.scrollOverlay(by: 1)]
        case .pageUp: [.scrollOverlay(by: -10)]
        case .pageDown, .character(" "): [.scrollOverlay(by: 10)]
        default: []
        }
    }

    private static func filterBarKey(_ event: KeyEvent) -> WorkspaceAction {
        switch event.key {
        case .escape: .cancel
        case .enter: .submitFilter
        case .character("c") where event.modifiers.contains(.ctrl): .cancel
        default: .editFilter { editLine(event, &$0.editor) }
        }
    }

    private static func promptKey(_ event: KeyEvent, confirming: Bool) -> [WorkspaceAction] {
        if confirming {
            switch event.key {
            case .character("y"), .character("Y"): return [.answerOverwrite(true)]
            case .character("n"), .character("N"), .escape: return [.answerOverwrite(false)]
            default: return []
            }
        }
        switch event.key {
        case .escape: return [.cancel]
        case .enter: return [.submitPrompt]
        case .tab: return [.togglePromptColumns]
        case .character("c") where event.modifiers.contains(.ctrl): return [.cancel]
        default: return [.editPrompt { editLine(event, &$0) }]
        }
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

    /// The actions of a mouse event: over an overlay, the filter bar or a prompt the wheel
    /// scrolls the overlay; on the panes it scrolls, focuses, brushes or drags a border.
    static func actions(for mouse: MouseEvent, in workspace: Workspace) -> [WorkspaceAction] {
        guard workspace.overlay == nil, workspace.filterBar == nil, workspace.prompt == nil else {
            switch mouse.button {
            case .wheelUp: return [.scrollOverlay(by: -3)]
            case .wheelDown: return [.scrollOverlay(by: 3)]
            default: return []
            }
        }
        switch (mouse.button, mouse.action) {
        case (.wheelUp, _): return [.wheel(x: mouse.x, y: mouse.y, .scrollUp)]
        case (.wheelDown, _): return [.wheel(x: mouse.x, y: mouse.y, .scrollDown)]
        case (.left, .press): return [.mousePress(x: mouse.x, y: mouse.y)]
        case (_, .drag): return [.mouseDrag(x: mouse.x, y: mouse.y)]
        case (_, .release): return [.mouseRelease(x: mouse.x, y: mouse.y)]
        default: return []
        }
    }
}

extension Workspace {
    /// A terminal event, read through the keymap. Alt+key is Esc then the key (no key is bound
    /// with Alt, and Esc typed just before a key reaches tutti as `ESC x`). A message stays until
    /// the next key that does not say something new.
    mutating func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key) where key.modifiers.contains(.alt):
            handle(.key(KeyEvent(.escape)))
            handle(.key(KeyEvent(key.key, modifiers: key.modifiers.subtracting(.alt))))
        case .key(let key):
            let serial = messageSerial
            for action in Keymap.actions(for: key, in: self) { apply(action) }
            if messageSerial == serial { message = nil }
        case .mouse(let mouse):
            for action in Keymap.actions(for: mouse, in: self) { apply(action) }
        case .paste(let text):
            if filterBar != nil { editFilter { $0.editor.insert(text) } }
            if prompt != nil { editPrompt { $0.insert(text) } }
        case .resize, .wake:
            break
        }
    }
}
