import Foundation
import TuttiCore

extension Workspace {
    /// Opens a prompt for `purpose` with a suggested path.
    mutating func openPrompt(_ purpose: PromptPurpose) {
        if purpose == .sampleSize, engine?.sample == nil {
            say("P pulls a new sample of a database table; this data is loaded whole")
            return
        }
        var open = Prompt(purpose: purpose, path: suggestedPath(for: purpose))
        if purpose == .searchRows { open.regex = rowsPane?.listing.search?.isRegex ?? false }
        prompt = open
    }

    /// Edits the open prompt's path.
    mutating func editPrompt(_ edit: (inout LineEditor) -> Void) {
        guard var open = prompt, !open.confirmingOverwrite else { return }
        edit(&open.editor)
        open.problem = nil
        open.problemRange = nil
        open.checkDerivation(state.dataset)
        prompt = open
    }

    /// Tab in the export prompt: all columns or only the visible ones; in the search prompt:
    /// text or a regular expression.
    mutating func togglePromptColumns() {
        guard var open = prompt else { return }
        switch open.purpose {
        case .exportRows: open.allColumns.toggle()
        case .searchRows: open.regex.toggle()
        default: return
        }
        prompt = open
    }

    /// Enter: asks before replacing an existing file (once the app has checked whether it
    /// exists), else carries the prompt out.
    mutating func submitPrompt() {
        guard var open = prompt else { return }
        guard open.purpose.asksForFile else {
            switch open.purpose {
            case .deriveColumn: answerDerivation(open)
            case .sampleSize: answerSampleSize(open)
            default: answerRowsPrompt(open)
            }
            return
        }
        let path = Self.expandedPath(open.editor.text)
        guard !path.isEmpty else {
            open.problem = "type a file name"
            prompt = open
            return
        }
        ask(.checkFile(open, path: path))
    }

    /// y / n while asking whether to replace a file.
    mutating func answerOverwrite(_ yes: Bool) {
        guard let open = prompt, open.confirmingOverwrite else { return }
        if yes {
            carryOut(open, path: Self.expandedPath(open.editor.text), overwrite: true)
        } else {
            cancel()
        }
    }

    /// Closes the prompt and asks the app to write its file.
    mutating func carryOut(_ open: Prompt, path: String, overwrite: Bool) {
        prompt = nil
        let inputs = [state.dataset.source]
        let file: FileWrite
        switch open.purpose {
        case .exportRows: file = export(allColumns: open.allColumns, overwrite: overwrite)
        case .saveView: file = .view(viewDocument(), inputs: inputs)
        case .saveReport:
            file = .report(ReportInput(state: state, datasetName: URLName.lastComponent(state.dataset.source),
                                       panes: viewLayout().layout.panes), inputs: inputs)
        case .searchRows, .goToRow, .deriveColumn, .sampleSize: return
        }
        ask(.write(file, prompt: open, path: path, overwrite: overwrite))
    }

    /// After background work for a prompt failed (a write error): the prompt again, with the
    /// path and the problem, unless the user has opened something else since.
    mutating func reopenPrompt(_ purpose: PromptPurpose, path: String, problem: String) {
        guard prompt == nil, filterBar == nil else {
            say(problem, isError: true)
            return
        }
        prompt = Prompt(purpose: purpose, path: path).answered(with: problem)
    }

    private func suggestedPath(for purpose: PromptPurpose) -> String {
        let name = URLName.lastComponent(state.dataset.source)
        let stem = name.split(separator: ".").first.map(String.init) ?? "tutti"
        switch purpose {
        case .exportRows: return "\(stem.isEmpty || stem == "-" ? "tutti" : stem)-\(state.selection == nil ? "filtered" : "selection").csv"
        case .saveView: return "\(stem.isEmpty || stem == "-" ? "tutti" : stem)-view.json"
        case .saveReport: return "\(stem.isEmpty || stem == "-" ? "tutti" : stem)-report.html"
        case .searchRows: return rowsPane?.listing.search?.text ?? ""
        case .goToRow, .deriveColumn: return ""
        case .sampleSize: return String(state.dataset.rowCount)
        }
    }

    /// `~` expanded; surrounding spaces dropped.
    static func expandedPath(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("~") ? NSString(string: trimmed).expandingTildeInPath : trimmed
    }
}
