import TuttiCore

/// While the score threshold is being moved (`t`): what it was before, to put back on Esc.
public struct ThresholdEditor: Sendable, Equatable {
    /// The threshold in force when `t` was pressed (nil: the predictions as loaded).
    public let original: Double?
}

extension Workspace {
    /// `t`: starts moving the score threshold, from the one in force or from the score's middle
    /// (0.5 for probabilities); says why not when the roles allow no threshold.
    mutating func openThreshold() {
        let state = self.state
        do {
            let start = try state.threshold?.value
                ?? ScoreThreshold(value: 0, dataset: state.dataset, roles: state.roles).startingValue
            thresholdEditor = ThresholdEditor(original: state.threshold?.value)
            preview(start)
        } catch {
            say("\(error)", isError: true)
        }
    }

    /// ←/→ (Shift: ten steps): moves the threshold `steps` steps; every pane follows.
    mutating func moveThreshold(by steps: Int) {
        guard thresholdEditor != nil, let threshold = state.threshold else { return }
        preview(threshold.moved(by: steps))
    }

    /// Enter: keeps the threshold moved to, as one change undo can take back.
    mutating func keepThreshold() {
        guard let editor = thresholdEditor else { return }
        thresholdEditor = nil
        let kept = state.threshold?.value
        guard kept != editor.original else { return }
        dispatch(.previewThreshold(editor.original))
        dispatch(.setThreshold(kept))
        say(kept.map { "threshold \(NumberFormatting.shortest($0)) kept (u undoes)" } ?? "threshold cleared")
    }

    /// Esc: puts back the threshold in force before `t`.
    mutating func restoreThreshold() {
        guard let editor = thresholdEditor else { return }
        thresholdEditor = nil
        dispatch(.previewThreshold(editor.original))
        say(editor.original.map { "threshold back at \(NumberFormatting.shortest($0))" } ?? "predictions as loaded")
    }

    private mutating func preview(_ value: Double) {
        brush = nil
        dispatch(.previewThreshold(value))
    }
}
