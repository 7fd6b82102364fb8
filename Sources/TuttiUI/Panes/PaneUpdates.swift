/// A pane whose update is its keys and its layout only: it starts no background work and
/// answers no prompt (the summary, a histogram, the confusion matrix).
protocol KeysAndLayoutPane: Pane {
    /// Changes the pane for an input; returns what the application must do.
    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand]
    /// Derives what the pane draws from its interior size and the state.
    mutating func layOut(width: Int, height: Int, context: PaneContext)
}

extension KeysAndLayoutPane {
    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input): return handle(input, context: context)
        case .layout(let width, let height): layOut(width: width, height: height, context: context)
        case .jobEnded, .find, .goToRow: break
        }
        return []
    }
}

/// A pane whose view is computed in the background from the state (the slices, the
/// duplicates): before each input and layout it asks for the work the state needs (`sync`);
/// the work's end comes back to `receive`; Enter after the user stopped the work runs it again.
protocol BackgroundComputedPane: KeysAndLayoutPane {
    /// Asks for the work the current state needs and takes its value once it has ended; returns
    /// the work to start or stop.
    mutating func sync(_ context: PaneContext) -> [PaneCommand]
    /// Takes the end of work; false when it is not the pane's current work.
    mutating func receive(_ ended: JobHandle) -> Bool
    /// Whether the user stopped the work, so nothing is shown.
    var isStopped: Bool { get }
    /// Forgets the stopped work, so the next `sync` starts it again.
    mutating func retry() -> [PaneCommand]
    /// Takes the end of other work the pane started from a key (rows like this); none by default.
    mutating func otherWorkEnded(_ ended: JobHandle, context: PaneContext) -> [PaneCommand]
}

extension BackgroundComputedPane {
    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input):
            let commands = sync(context)
            if isStopped, input == .enter { return commands + retry() + sync(context) }
            return commands + handle(input, context: context)
        case .layout(let width, let height):
            let commands = sync(context)
            layOut(width: width, height: height, context: context)
            return commands
        case .jobEnded(let handle):
            return receive(handle) ? sync(context) : otherWorkEnded(handle, context: context)
        case .find, .goToRow:
            return []
        }
    }

    mutating func otherWorkEnded(_ ended: JobHandle, context: PaneContext) -> [PaneCommand] { [] }
}
