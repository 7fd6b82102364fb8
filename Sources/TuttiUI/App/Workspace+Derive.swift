import TuttiCore

extension Workspace {
    /// Enter in the `=` prompt: adds the derived column (`u` undoes it), or keeps the prompt
    /// open with the problem under the text.
    mutating func answerDerivation(_ open: Prompt) {
        var again = open
        switch DerivationInput.check(open.editor.text, dataset: state.dataset) {
        case .failure(let problem):
            again.problem = problem.message
            again.problemRange = problem.range
            prompt = again
        case .success(let derived):
            prompt = nil
            dispatch(.derive(derived))
            if let column = state.dataset.column(named: derived.name) {
                say("added the column \(derived.name) (\(column.kind.rawValue)) · u undoes")
            } else {
                again.problem = message?.text ?? "the column could not be computed"
                prompt = again
            }
        }
    }
}
