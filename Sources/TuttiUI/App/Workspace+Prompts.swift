import Foundation
import TuttiCore

extension Workspace {
    /// Opens a prompt for `purpose` with a suggested path.
    public func openPrompt(_ purpose: PromptPurpose) {
        var open = Prompt(purpose: purpose, path: suggestedPath(for: purpose))
        if purpose == .searchRows { open.regex = rowsPane?.pane.search?.isRegex ?? false }
        prompt = open
    }

    /// Edits the open prompt's path.
    public func editPrompt(_ edit: (inout LineEditor) -> Void) {
        guard var open = prompt, !open.confirmingOverwrite else { return }
        edit(&open.editor)
        open.problem = nil
        prompt = open
    }

    /// Tab in the export prompt: all columns or only the visible ones; in the search prompt:
    /// text or a regular expression.
    public func togglePromptColumns() {
        guard var open = prompt else { return }
        switch open.purpose {
        case .exportRows: open.allColumns.toggle()
        case .searchRows: open.regex.toggle()
        default: return
        }
        prompt = open
    }

    /// Enter: asks before replacing an existing file, else carries the prompt out.
    public func submitPrompt() {
        guard var open = prompt else { return }
        guard open.purpose.asksForFile else {
            answerRowsPrompt(open)
            return
        }
        let path = Self.expandedPath(open.editor.text)
        guard !path.isEmpty else {
            open.problem = "type a file name"
            prompt = open
            return
        }
        if FileManager.default.fileExists(atPath: path) && !open.confirmingOverwrite {
            open.confirmingOverwrite = true
            prompt = open
            return
        }
        carryOut(open, path: path, overwrite: open.confirmingOverwrite)
    }

    /// y / n while asking whether to replace a file.
    public func answerOverwrite(_ yes: Bool) {
        guard let open = prompt, open.confirmingOverwrite else { return }
        if yes {
            carryOut(open, path: Self.expandedPath(open.editor.text), overwrite: true)
        } else {
            cancel()
        }
    }

    private func carryOut(_ open: Prompt, path: String, overwrite: Bool) {
        prompt = nil
        do {
            switch open.purpose {
            case .exportRows: try startExport(to: path, allColumns: open.allColumns, overwrite: overwrite)
            case .saveView: try saveView(to: path, overwrite: overwrite)
            case .saveReport: try startReport(to: path, overwrite: overwrite)
            case .searchRows, .goToRow: break
            }
        } catch {
            var again = open
            again.confirmingOverwrite = false
            again.problem = "\(error)"
            prompt = again
        }
    }

    /// After background work for a prompt failed (a write error): the prompt again, with the
    /// path and the problem, unless the user has opened something else since.
    func reopenPrompt(_ purpose: PromptPurpose, path: String, problem: String) {
        guard prompt == nil, filterBar == nil else {
            say(problem, isError: true)
            return
        }
        var again = Prompt(purpose: purpose, path: path)
        again.problem = problem
        prompt = again
    }

    private func suggestedPath(for purpose: PromptPurpose) -> String {
        let name = URLName.lastComponent(state.dataset.source)
        let stem = name.split(separator: ".").first.map(String.init) ?? "tutti"
        switch purpose {
        case .exportRows: return "\(stem.isEmpty || stem == "-" ? "tutti" : stem)-\(state.selection == nil ? "filtered" : "selection").csv"
        case .saveView: return "\(stem.isEmpty || stem == "-" ? "tutti" : stem)-view.json"
        case .saveReport: return "\(stem.isEmpty || stem == "-" ? "tutti" : stem)-report.html"
        case .searchRows: return rowsPane?.pane.search?.text ?? ""
        case .goToRow: return ""
        }
    }

    /// `~` expanded; surrounding spaces dropped.
    static func expandedPath(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("~") ? NSString(string: trimmed).expandingTildeInPath : trimmed
    }
}
