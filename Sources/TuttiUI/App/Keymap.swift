import TuttiTerminal

/// What the loop must do at the terminal after a key.
public enum TerminalEffect: Sendable, Equatable {
    case none, suspend, redraw
    case mouse(Bool)
}

/// Turns terminal events into workspace operations: one place for every key binding.
public enum Keymap {
    /// Handles one event; returns what the loop must do at the terminal.
    public static func handle(_ event: TerminalEvent, in workspace: Workspace) -> TerminalEffect {
        switch event {
        case .key(let key):
            if workspace.filterBar != nil { return filterBarKey(key, workspace) }
            if workspace.overlay != nil { return overlayKey(key, workspace) }
            return key.isPlain(.character("c"), .ctrl) ? quit(workspace) : globalKey(key, workspace)
        case .mouse(let mouse):
            mouseEvent(mouse, workspace)
        case .paste(let text):
            if workspace.filterBar != nil { workspace.editFilter { $0.insert(text) } }
        case .resize, .wake:
            break
        }
        return .none
    }

    private static func quit(_ workspace: Workspace) -> TerminalEffect {
        workspace.quit()
        return .none
    }

    private static func globalKey(_ event: KeyEvent, _ workspace: Workspace) -> TerminalEffect {
        let ctrl = event.modifiers.contains(.ctrl)
        switch event.key {
        case .character("z") where ctrl: return .suspend
        case .character("l") where ctrl: return .redraw
        case .character("r") where ctrl: workspace.redo()
        case .tab: workspace.cycleFocus(event.modifiers.contains(.shift) ? -1 : 1)
        case .escape: workspace.cancel()
        case .character(let character) where !ctrl && !event.modifiers.contains(.alt):
            switch character {
            case "q": workspace.quit()
            case "/": workspace.openFilterBar()
            case "?": workspace.toggleHelp()
            case "u": workspace.undo()
            case "f":
                if workspace.state.selection == nil {
                    workspace.say("nothing is selected: brush a histogram or press Space on rows first")
                } else {
                    workspace.dispatch(.filterToSelection)
                }
            case "z": workspace.toggleMaximized()
            case "<": workspace.resizeFocused(axis: .horizontal, by: -4)
            case ">": workspace.resizeFocused(axis: .horizontal, by: 4)
            case "{": workspace.resizeFocused(axis: .vertical, by: -2)
            case "}": workspace.resizeFocused(axis: .vertical, by: 2)
            case "S": workspace.swapFocused()
            case "X": workspace.closeFocused()
            case "1": workspace.showPane(.summary)
            case "2": workspace.showPane(.rows)
            case "3": workspace.showPane(.confusion)
            case "4": workspace.showPane(.slices)
            case "5": workspace.showPane(.duplicates)
            case "m":
                workspace.mouseEnabled.toggle()
                workspace.say(workspace.mouseEnabled ? "mouse on" : "mouse off: the terminal selects text")
                return .mouse(workspace.mouseEnabled)
            case "k": workspace.send(.up)
            case "j": workspace.send(.down)
            case "h": workspace.send(.left)
            case "l": workspace.send(.right)
            case "g": workspace.send(.home)
            case "G": workspace.send(.end)
            case " ": workspace.send(.space)
            default: workspace.send(.character(character))
            }
        default:
            if let input = paneInput(event) { workspace.send(input) }
        }
        return .none
    }

    private static func paneInput(_ event: KeyEvent) -> PaneInput? {
        let shift = event.modifiers.contains(.shift)
        switch event.key {
        case .up: return .up
        case .down: return .down
        case .left: return shift ? .extendLeft : .left
        case .right: return shift ? .extendRight : .right
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .home
        case .end: return .end
        case .enter: return .enter
        default: return nil
        }
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
        let ctrl = event.modifiers.contains(.ctrl)
        switch event.key {
        case .escape: workspace.cancel()
        case .enter: workspace.submitFilter()
        case .backspace: workspace.editFilter { $0.deleteBackward() }
        case .delete: workspace.editFilter { $0.deleteForward() }
        case .left: workspace.editFilter { $0.moveLeft() }
        case .right: workspace.editFilter { $0.moveRight() }
        case .home: workspace.editFilter { $0.moveHome() }
        case .end: workspace.editFilter { $0.moveEnd() }
        case .up: workspace.editFilter { $0.recall(-1) }
        case .down: workspace.editFilter { $0.recall(1) }
        case .character("a") where ctrl: workspace.editFilter { $0.moveHome() }
        case .character("e") where ctrl: workspace.editFilter { $0.moveEnd() }
        case .character("w") where ctrl: workspace.editFilter { $0.deleteWord() }
        case .character("u") where ctrl: workspace.editFilter { bar in while bar.cursor > 0 { bar.deleteBackward() } }
        case .character("c") where ctrl: workspace.cancel()
        case .character(let character) where !ctrl: workspace.editFilter { $0.insert(character) }
        default: break
        }
        return .none
    }

    private static func mouseEvent(_ mouse: MouseEvent, _ workspace: Workspace) {
        guard workspace.overlay == nil, workspace.filterBar == nil else {
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

extension KeyEvent {
    /// Whether this is `key` with exactly `modifiers`.
    func isPlain(_ key: Key, _ modifiers: KeyModifiers) -> Bool { self.key == key && self.modifiers == modifiers }
}
