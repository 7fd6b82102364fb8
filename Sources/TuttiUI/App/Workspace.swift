import TuttiCore
import TuttiTerminal

/// The whole interface as a value: the shared state, the panes and their layout, focus, the live
/// brush, the filter bar, prompts, overlays and messages. One function changes it,
/// `update(_ action:) -> [Effect]` (`Workspace+Update.swift`), which asks for what it cannot do
/// itself (work, files, the clipboard, the terminal) as effects the app runs; what came of them
/// comes back as `.outcome`. It renders without changing anything and never touches a terminal or
/// a file, so it is tested by updating and rendering.
public struct Workspace {
    public internal(set) var explorer: Explorer
    public internal(set) var panes: [PaneID: any Pane] = [:]
    public internal(set) var layout: LayoutNode<PaneID>
    public internal(set) var focus: PaneID
    public internal(set) var maximized: PaneID?
    public internal(set) var brush: BrushPreview?
    public internal(set) var filterBar: FilterBar?
    /// The open prompt (export path, overwrite confirmation), if any.
    public internal(set) var prompt: Prompt?
    public internal(set) var overlay: Overlay?
    /// Set while the score threshold is being moved (`t`).
    public internal(set) var thresholdEditor: ThresholdEditor?
    /// The last message and whether it reports an error.
    public internal(set) var message: (text: String, isError: Bool)?
    /// Counts messages, so a key that said nothing new clears the last one.
    public internal(set) var messageSerial = 0
    public var theme: Theme
    public var glyphs: Glyphs
    /// The data's path as a view file records it (`tutti:demo` for the demo data).
    public var datasetPath: String
    /// The table in a SQL engine the dataset is a sample of (nil for data loaded whole).
    public var engine: EngineRows?
    /// What the engine answered so far.
    var engineCounts = EngineCounts()
    /// Whether tutti runs inside tmux (clipboard sequences are wrapped for it).
    public var insideTmux = false
    /// Whether the terminal reports the mouse (`m` toggles it).
    public var mouseEnabled = true
    /// Set when the user asked to quit.
    public internal(set) var wantsQuit = false
    /// The handles of the background work the workspace asked for, oldest first (finished work
    /// is dropped as its end comes back).
    var work: [JobHandle] = []
    /// The handles of the work panes started (a new sample stops what is left of it).
    var paneWork: [JobHandle] = []
    /// The "stopping: …" message and what it names, to say "stopped" once the work has ended.
    var stoppingMessage: (serial: Int, labels: [String])?
    var filterHistory: [String] = []
    var nextID = 1
    var dragBorder: SplitBorder?
    var dragPane: PaneID?
    var lastSize = (width: 80, height: 24)
    /// Effects asked for during the current `update`, returned when it ends.
    var pending: [Effect] = []

    /// The smallest terminal tutti draws into.
    public static let minimumSize = (width: 40, height: 10)

    /// The smallest interior a pane draws into ("too small" below it).
    static let smallestInterior = (width: 8, height: 2)

    /// A workspace with the default layout.
    public init(dataset: Dataset, roles: ColumnRoles, theme: Theme, glyphs: Glyphs) {
        datasetPath = dataset.source
        explorer = Explorer(state: ExplorerState(dataset: dataset, roles: roles))
        self.theme = theme
        self.glyphs = glyphs
        var made: [PaneID: any Pane] = [:]
        layout = DefaultLayout.interface(dataset, roles: roles).map { view in
            let id = PaneID(made.count + 1)
            made[id] = PaneRegistry.make(view) ?? PaneRegistry.make(.summary)
            return id
        }
        panes = made
        nextID = made.count + 1
        focus = PaneID(1)
    }

    /// This workspace with a saved view's state, panes and layout, and warnings about panes it
    /// could not make (an unknown kind, a histogram of a missing column), which are left out.
    /// With no pane it can make, the layout stays as it was.
    public func restoring(explorer: Explorer, layout saved: LayoutNode<ViewPane>,
                          focus savedFocus: Int?) -> (workspace: Workspace, warnings: [String]) {
        var restored = self
        restored.explorer = explorer
        var made: [PaneID: any Pane] = [:]
        var warnings: [String] = []
        var position = 0  // the saved pane's place in reading order
        var savedFocusID: PaneID?
        let built = saved.compactMap { view -> PaneID? in
            defer { position += 1 }
            if view.kind == .histogram, let column = view.settings.column, explorer.state.dataset.column(named: column) == nil {
                warnings.append("the view's histogram of '\(column)' was left out: the data has no such column")
                return nil
            }
            guard let pane = PaneRegistry.make(view) else {
                warnings.append(view.kind == .histogram
                                ? "the view's histogram pane names no column (settings.column); it was left out"
                                : "the view's \(view.kind) pane was left out: this tutti does not know it")
                return nil
            }
            let id = PaneID(made.count + 1)
            made[id] = pane
            if position == savedFocus { savedFocusID = id }
            return id
        }
        guard let root = built else {
            warnings.append("the view has no pane this tutti can show; the default layout stays")
            return (restored, warnings)
        }
        restored.panes = made
        restored.layout = root
        restored.nextID = made.count + 1
        restored.maximized = nil
        restored.brush = nil
        restored.focus = savedFocusID ?? root.panes[0]
        return (restored, warnings)
    }

    /// The current shared state.
    public var state: ExplorerState { explorer.state }

    /// The background work still running that the status line lists and Esc stops (quiet
    /// refreshes left out), oldest first.
    public var runningWork: [JobHandle] { work.filter { $0.isRunning && !$0.isQuiet } }

    /// The layout as a view file stores it, and the focused pane's place in reading order.
    public func viewLayout() -> (layout: LayoutNode<ViewPane>, focus: Int?) {
        (layout.map { panes[$0].map(PaneRegistry.view(of:)) ?? ViewPane(kind: .summary) }, layout.panes.firstIndex(of: focus))
    }

    /// The area the panes share: everything but the status and footer lines.
    func paneArea(width: Int, height: Int) -> Rect { Rect(x: 0, y: 0, width: width, height: height - 2) }

    /// Each visible pane's outer rectangle.
    public func frames(width: Int, height: Int) -> [PaneID: Rect] {
        let area = paneArea(width: width, height: height)
        if let maximized { return [maximized: area] }
        return layout.frames(in: area)
    }

    /// What pane `id` reads while it updates or renders.
    func context(for id: PaneID) -> PaneContext {
        PaneContext(id: id, state: state, theme: theme, glyphs: glyphs, focused: id == focus && overlay == nil && prompt == nil,
                    brush: brush, engine: engineFigures)
    }

    /// Draws everything into a new canvas of the given size, as the last `.layout` left it.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = WorkspaceRenderer(workspace: self).render(width: width, height: height)
        glyphs.fit(&canvas)
        return canvas
    }
}
