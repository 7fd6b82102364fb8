import TuttiCore

/// While the score threshold is being moved (`t`): what it was before, to put back on Esc.
public struct ThresholdEditor: Sendable, Equatable {
    /// The threshold in force when `t` was pressed (nil: the predictions as loaded).
    public let original: ScoreThreshold?
}

extension Workspace {
    /// `t`: starts moving the score threshold, from the one in force or from the score's middle
    /// (0.5 for probabilities); says why not when the roles allow no threshold.
    mutating func openThreshold() {
        let state = self.state
        do {
            // The rows are put in score order once, so that each step visits only those it flips.
            let start: ScoreThreshold
            if let current = state.threshold {
                start = try current.ordered(in: state.dataset)
            } else {
                let made = try ScoreThreshold(value: 0, dataset: state.dataset, roles: state.roles)
                start = try made.at(made.startingValue, in: state.dataset).ordered(in: state.dataset)
            }
            thresholdEditor = ThresholdEditor(original: state.threshold)
            preview(start)
        } catch {
            say("\(error)", isError: true)
        }
    }

    /// ←/→ (Shift: ten steps): moves the threshold `steps` steps; every pane follows.
    mutating func moveThreshold(by steps: Int) {
        guard thresholdEditor != nil, let threshold = state.threshold else { return }
        do {
            preview(try threshold.at(threshold.moved(by: steps), in: state.dataset))
        } catch {
            say("\(error)", isError: true)
        }
    }

    /// Enter: keeps the threshold moved to, as one change undo can take back.
    mutating func keepThreshold() {
        guard let editor = thresholdEditor else { return }
        thresholdEditor = nil
        let kept = state.threshold
        guard kept != editor.original else { return }
        dispatch(.previewThreshold(editor.original))
        dispatch(.setThreshold(kept))
        say(kept.map { "threshold \(NumberFormatting.shortest($0.value)) kept (u undoes)" } ?? "threshold cleared")
    }

    /// Esc: puts back the threshold in force before `t`.
    mutating func restoreThreshold() {
        guard let editor = thresholdEditor else { return }
        thresholdEditor = nil
        dispatch(.previewThreshold(editor.original))
        say(editor.original.map { "threshold back at \(NumberFormatting.shortest($0.value))" } ?? "predictions as loaded")
    }

    private mutating func preview(_ threshold: ScoreThreshold) {
        brush = nil
        dispatch(.previewThreshold(threshold))
    }
}
