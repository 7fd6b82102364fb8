import Foundation
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// The Adult dataset (see `AdultFixture`).
let adult = AdultFixture.dataset
let adultRoles = ColumnRoles.infer(from: adult)

/// A context for updating and rendering a pane alone.
func paneContext(_ state: ExplorerState, id: PaneID = PaneID(1), focused: Bool = true, brush: BrushPreview? = nil,
                 glyphs: Glyphs = .unicode) -> PaneContext {
    PaneContext(id: id, state: state, theme: .fallback, glyphs: glyphs, focused: focused, brush: brush)
}

extension Pane {
    /// Updates the pane as the app would: work it starts runs at once, and its end comes back
    /// to the pane; returns the other commands.
    mutating func settle(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        var others: [PaneCommand] = []
        for command in update(message, context: context) {
            switch command {
            case .start(let job):
                job.handle.finish(Result { try job.work(job.handle) })
                others += settle(.jobEnded(job.handle), context: context)
            case .stop(let handle): handle.cancel()
            default: others.append(command)
            }
        }
        return others
    }

    /// Sends an input, as the focused pane gets it.
    mutating func send(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        settle(.input(input), context: context)
    }

    /// Lays the pane out at an interior size: twice, as the app does when work started by the
    /// first layout has already ended.
    mutating func layOut(_ context: PaneContext, width: Int, height: Int) {
        for _ in 0..<2 { _ = settle(.layout(width: width, height: height), context: context) }
    }
}

/// Lays `pane` out at the size and renders it into a canvas, as the app does for a frame.
func render<P: Pane>(_ pane: inout P, _ context: PaneContext, width: Int = 80, height: Int = 20) -> Canvas {
    pane.layOut(context, width: width, height: height)
    var canvas = Canvas(width: width, height: height)
    pane.render(into: &canvas, context: context)
    return canvas
}

/// Renders a fresh copy of `pane`.
func render<P: Pane>(_ pane: P, _ context: PaneContext, width: Int = 80, height: Int = 20) -> Canvas {
    var copy = pane
    return render(&copy, context, width: width, height: height)
}

/// A workspace on the Adult data (the default layout).
func adultWorkspace() -> Workspace { Workspace(dataset: adult, roles: adultRoles, theme: .fallback, glyphs: .unicode) }

/// A workspace driven in process as the app drives it: actions through `Workspace.update`, the
/// effects they return run at once by the app's effect runner (background work inline unless
/// the test asks for worker threads), frames made as the app makes them, the terminal a
/// `RecordingTerminal`. Reading a member reads the workspace (`ws.panes`, `ws.state`).
@dynamicMemberLookup
final class TestWorkspace {
    /// The terminal the effects act on (clipboard sequences, mouse reporting).
    let terminal = RecordingTerminal(width: 120, height: 40)
    private let app: App

    init(_ workspace: Workspace = adultWorkspace(), jobs: BackgroundJobs = BackgroundJobs(inline: true)) {
        app = App(terminal: terminal, workspace: workspace, jobs: jobs)
    }

    /// The workspace as it stands.
    var workspace: Workspace { app.workspace }

    subscript<Value>(dynamicMember keyPath: KeyPath<Workspace, Value>) -> Value { app.workspace[keyPath: keyPath] }

    /// Updates the workspace with `action` and runs the effects it returns.
    func apply(_ action: WorkspaceAction) { app.apply(action) }

    /// The next frame, as the app makes it (ended work delivered, panes laid out, then drawn).
    func frame(width: Int, height: Int) -> Canvas { app.frame(width: width, height: height) }
}

/// Counts the characters of a set in a canvas.
func count(_ characters: Set<Character>, in canvas: Canvas) -> Int {
    canvas.cells.filter { $0.character.map(characters.contains) ?? false }.count
}

/// The Adult explorer state under `filter`.
func adultState(filter: String) throws -> ExplorerState {
    var explorer = Explorer(state: ExplorerState(dataset: adult, roles: adultRoles))
    try explorer.apply(.setFilter(filter))
    return explorer.state
}

/// The summary pane's line of `column` in `canvas` (empty when it is not drawn).
func summaryLine(_ column: String, in canvas: Canvas) -> String {
    canvas.lines.first { $0.dropFirst().hasPrefix(column + " ") } ?? ""
}
