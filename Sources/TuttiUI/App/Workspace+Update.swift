import TuttiCore

extension Workspace {
    /// The one function that changes a workspace: carries out `action` and returns the effects
    /// the app must run (`EffectRunner`); what comes of them comes back as `.outcome`.
    public mutating func update(_ action: WorkspaceAction) -> [Effect] {
        apply(action)
        if engine != nil { askEngine() }
        defer { pending = [] }
        return pending
    }

    /// Carries out `action`; the effects it asks for wait in `pending` (keys read as several
    /// actions apply each in turn).
    mutating func apply(_ action: WorkspaceAction) {
        switch action {
        case .event(let event): handle(event)
        case .dispatch(let action): dispatch(action)
        case .say(let text, let isError): say(text, isError: isError)
        case .send(let input): send(input)
        case .cancel: cancel()
        case .undo: undo()
        case .redo: redo()
        case .quit: wantsQuit = true
        case .suspend: ask(.suspend)
        case .toggleHelp: overlay = overlay == nil || overlay != .help(scroll: 0) ? .help(scroll: 0) : nil
        case .scrollOverlay(let lines): scrollOverlay(by: lines)
        case .cycleFocus(let step): cycleFocus(step)
        case .openHistogram(let column): openHistogram(column)
        case .showPane(let kind): showPane(kind)
        case .rebalance: rebalance()
        case .closeFocused: closeFocused()
        case .swapFocused: swapFocused()
        case .toggleMaximized: maximized = maximized == nil ? focus : nil
        case .resizeFocused(let axis, let cells): resizeFocused(axis: axis, by: cells)
        case .mousePress(let x, let y): mousePress(x: x, y: y)
        case .mouseDrag(let x, let y): mouseDrag(x: x, y: y)
        case .mouseRelease(let x, let y): mouseRelease(x: x, y: y)
        case .wheel(let x, let y, let input): if focusPane(atX: x, y: y) != nil { send(input) }
        case .openFilterBar: openFilterBar()
        case .editFilter(let edit): editFilter(edit)
        case .submitFilter: submitFilter()
        case .openPrompt(let purpose): openPrompt(purpose)
        case .editPrompt(let edit): editPrompt(edit)
        case .togglePromptColumns: togglePromptColumns()
        case .submitPrompt: submitPrompt()
        case .answerOverwrite(let yes): answerOverwrite(yes)
        case .copy: copyToClipboard()
        case .filterToSelection:
            if state.selection == nil {
                say("nothing is selected: brush a histogram or press Space on rows first")
            } else {
                dispatch(.filterToSelection)
            }
        case .openThreshold: openThreshold()
        case .moveThreshold(let steps): moveThreshold(by: steps)
        case .keepThreshold: keepThreshold()
        case .toggleMouse:
            mouseEnabled.toggle()
            say(mouseEnabled ? "mouse on" : "mouse off: the terminal selects text")
            ask(.mouseReporting(mouseEnabled))
        case .layout(let width, let height): layOut(width: width, height: height)
        case .outcome(let outcome): receive(outcome)
        }
    }

    /// Asks the app to do `effect` (returned when the update ends).
    mutating func ask(_ effect: Effect) {
        if case .start(let job, _) = effect {
            work.removeAll { !$0.isRunning }
            work.append(job.handle)
        }
        pending.append(effect)
    }

    /// Applies an action to the shared state, reporting errors as messages.
    mutating func dispatch(_ action: ExplorerAction) {
        do {
            let change = try explorer.apply(action)
            if change.contains(.filter) || change.contains(.selection) { message = nil }
        } catch {
            say("\(error)", isError: true)
        }
    }

    /// Shows a message in the status line.
    mutating func say(_ text: String, isError: Bool = false) {
        message = (text, isError)
        messageSerial += 1
    }

    /// Esc: closes what is open (a threshold being moved goes back), else stops background work,
    /// else cancels a brush, else clears the selection.
    mutating func cancel() {
        if thresholdEditor != nil {
            restoreThreshold()
        } else if overlay != nil {
            overlay = nil
        } else if filterBar != nil {
            filterBar = nil
        } else if var open = prompt {
            if open.confirmingOverwrite {
                open.confirmingOverwrite = false
                prompt = open
            } else {
                prompt = nil
            }
        } else if panes[focus]?.closeInnerView() == true {
            return
        } else if runningWork.contains(where: { !$0.isStopping }) {
            let labels = runningWork.filter { !$0.isStopping }.map(\.label)
            ask(.stop(nil))
            say("stopping: " + labels.joined(separator: ", "))
            stoppingMessage = (messageSerial, labels)
        } else if brush != nil {
            brush = nil
        } else if state.selection != nil {
            dispatch(.clearSelection)
            say("selection cleared")
        }
    }

    private mutating func undo() {
        brush = nil
        say(explorer.undo().isEmpty ? "nothing to undo" : "undone")
    }

    private mutating func redo() {
        brush = nil
        say(explorer.redo().isEmpty ? "nothing to redo" : "redone")
    }

    private mutating func scrollOverlay(by lines: Int) {
        switch overlay {
        case .help(let scroll): overlay = .help(scroll: max(0, scroll + lines))
        case .row(let row, let scroll): overlay = .row(row, scroll: max(0, scroll + lines))
        case nil: break
        }
    }
}
