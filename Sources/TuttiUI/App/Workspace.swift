import Foundation
import TuttiCore
import TuttiTerminal

/// The whole interface the loop drives: the shared state, the panes and their layout, focus,
/// the live brush, the filter bar, overlays and messages. It takes intents and asks for what it
/// cannot do itself (work, files) as effects the app runs (`takeEffects`, `receive`); it lays
/// its panes out before each frame (`prepareFrame`) and renders without changing anything. It
/// never touches a terminal or a file, so it is tested by rendering.
public final class Workspace {
    public private(set) var explorer: Explorer
    public private(set) var panes: [PaneID: any Pane] = [:]
    public private(set) var layout: LayoutNode<PaneID>
    public private(set) var focus: PaneID
    public private(set) var maximized: PaneID?
    public private(set) var brush: BrushPreview?
    public private(set) var filterBar: FilterBar?
    /// The open prompt (export path, overwrite confirmation), if any.
    public internal(set) var prompt: Prompt?
    public private(set) var overlay: Overlay?
    /// The last message and whether it reports an error.
    public private(set) var message: (text: String, isError: Bool)?
    /// Counts messages, so the keymap can tell whether a key said something.
    public private(set) var messageSerial = 0
    public var theme: Theme
    public var glyphs: Glyphs
    /// The data's path as a view file records it (`tutti:demo` for the demo data).
    public var datasetPath: String
    /// Whether tutti runs inside tmux (clipboard sequences are wrapped for it).
    public var insideTmux = false
    /// Whether the terminal reports the mouse.
    public var mouseEnabled = true
    /// Set when the user asked to quit.
    public private(set) var wantsQuit = false
    /// Work running off the UI thread.
    public let jobs: BackgroundJobs
    /// The "stopping: …" message and what it names, to say "stopped" once the work has ended.
    private var stoppingMessage: (serial: Int, labels: [String])?
    private var filterHistory: [String] = []
    private var nextID = 1
    private var dragBorder: SplitBorder?
    private var dragPane: PaneID?
    private var lastSize = (width: 80, height: 24)
    /// Effects asked for and not yet taken by the app.
    private var pending: [Effect] = []

    /// The smallest terminal tutti draws into.
    public static let minimumSize = (width: 40, height: 10)

    /// A workspace with the default layout.
    public init(dataset: Dataset, roles: ColumnRoles, theme: Theme, glyphs: Glyphs, jobs: BackgroundJobs = BackgroundJobs()) {
        self.jobs = jobs
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

    /// The layout as a view file stores it, and the focused pane's place in reading order.
    public func viewLayout() -> (layout: LayoutNode<ViewPane>, focus: Int?) {
        (layout.map { panes[$0].map(PaneRegistry.view(of:)) ?? ViewPane(kind: .summary) }, layout.panes.firstIndex(of: focus))
    }

    /// Takes a saved view's state, panes and layout; returns warnings about panes it could not
    /// make (an unknown kind, a histogram of a missing column), which are left out.
    @discardableResult
    public func restore(explorer: Explorer, layout saved: LayoutNode<ViewPane>, focus savedFocus: Int?) -> [String] {
        self.explorer = explorer
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
            return warnings
        }
        panes = made
        layout = root
        nextID = made.count + 1
        maximized = nil
        brush = nil
        focus = savedFocusID ?? root.panes[0]
        return warnings
    }

    /// The current shared state.
    public var state: ExplorerState { explorer.state }

    /// The area the panes share: everything but the status and footer lines.
    func paneArea(width: Int, height: Int) -> Rect { Rect(x: 0, y: 0, width: width, height: height - 2) }

    /// Each visible pane's outer rectangle.
    public func frames(width: Int, height: Int) -> [PaneID: Rect] {
        let area = paneArea(width: width, height: height)
        if let maximized { return [maximized: area] }
        return layout.frames(in: area)
    }

    func context(for id: PaneID) -> PaneContext {
        PaneContext(id: id, state: state, theme: theme, glyphs: glyphs, focused: id == focus && overlay == nil && prompt == nil,
                    brush: brush)
    }

    // MARK: Effects

    /// Hands the effects asked for so far to the app, which runs them.
    public func takeEffects() -> [Effect] {
        defer { pending = [] }
        return pending
    }

    /// Whether effects wait for the app.
    public var hasPendingEffects: Bool { !pending.isEmpty }

    /// Asks the app to do `effect`.
    func ask(_ effect: Effect) { pending.append(effect) }

    /// Takes what came of an effect.
    public func receive(_ outcome: EffectOutcome) {
        switch outcome {
        case .fileChecked(let open, let path, let exists):
            guard prompt == open else { return }
            if exists && !open.confirmingOverwrite {
                var confirming = open
                confirming.confirmingOverwrite = true
                prompt = confirming
                return
            }
            carryOut(open, path: path, overwrite: open.confirmingOverwrite)
        case .writeRefused(let open, let problem):
            var again = open
            again.confirmingOverwrite = false
            again.problem = problem
            prompt = again
        case .viewSaved(let path):
            say("saved the view to \(path) · tutti open \(path) reopens it")
        case .writeStarted(.export(let path, let description)):
            say("exporting \(description) to \(path)…")
        case .writeStarted(.report(let path)):
            say("writing the report to \(path)…")
        case .writeStarted(.pane):
            break
        case .jobEnded(let handle, .pane(let id)):
            update(id, .jobEnded(handle))
        case .jobEnded(let handle, let owner):
            fileJobEnded(handle, owner: owner)
        }
    }

    // MARK: Commands

    /// Applies an action to the shared state, reporting errors as messages.
    public func dispatch(_ action: ExplorerAction) {
        do {
            let change = try explorer.apply(action)
            if change.contains(.filter) || change.contains(.selection) { message = nil }
        } catch {
            say("\(error)", isError: true)
        }
    }

    /// Shows a message in the status line.
    public func say(_ text: String, isError: Bool = false) {
        message = (text, isError)
        messageSerial += 1
    }

    /// Drops the message (the keymap does after a key that said nothing new).
    public func clearMessage() { message = nil }

    /// Sends an intent to the focused pane and carries out what it asks.
    public func send(_ input: PaneInput) { update(focus, .input(input)) }

    /// Updates pane `id` with `message` and carries out what it asks.
    func update(_ id: PaneID, _ message: PaneMessage) {
        // Taken out while it changes, so its arrays are not copied.
        guard var pane = panes.removeValue(forKey: id) else { return }
        let commands = pane.update(message, context: context(for: id))
        panes[id] = pane
        perform(commands, from: id)
    }

    func perform(_ commands: [PaneCommand], from source: PaneID) {
        for command in commands {
            switch command {
            case .dispatch(let action):
                dispatch(action)
            case .openHistogram(let column):
                openHistogram(column)
            case .showRow(let row):
                overlay = .row(row, scroll: 0)
            case .beginBrush(let binning, let anchor, let bins):
                brush = BrushPreview(source: source, binning: binning, anchor: anchor, range: bins, views: brushViews(except: source),
                                     filter: state.filter.rows)
            case .beginRectangleBrush(let cells, let rectangle):
                brush = BrushPreview(source: source, area: .cells(cells, rectangle: rectangle), views: brushViews(except: source),
                                     filter: state.filter.rows)
            case .moveBrush(let bins):
                brush = brush?.moved(to: bins)
            case .moveRectangleBrush(let rectangle):
                brush = brush?.moved(to: rectangle)
            case .commitBrush:
                guard let live = brush else { continue }
                brush = nil
                let selection = live.committed()
                dispatch(.select(selection.rows, selection.source))
            case .cancelBrush:
                brush = nil
            case .message(let text):
                say(text)
            case .error(let text):
                say(text, isError: true)
            case .prompt(let purpose):
                openPrompt(purpose)
            case .start(let job):
                ask(.start(job, owner: .pane(source)))
            case .stop(let handle):
                ask(.stop(handle))
            }
        }
    }

    /// The bins a brush in pane `source` counts for each other pane that has some.
    private func brushViews(except source: PaneID) -> [PaneID: ColumnBinning] {
        var views: [PaneID: ColumnBinning] = [:]
        for (id, pane) in panes where id != source {
            if let other = pane.brushBinning { views[id] = other }
        }
        return views
    }

    /// Esc: closes what is open, else stops background work, else cancels a brush, else
    /// clears the selection.
    public func cancel() {
        if overlay != nil {
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
        } else if jobs.running.contains(where: { !$0.isStopping }) {
            let labels = jobs.running.filter { !$0.isStopping }.map(\.label)
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

    public func undo() {
        brush = nil
        say(explorer.undo().isEmpty ? "nothing to undo" : "undone")
    }

    public func redo() {
        brush = nil
        say(explorer.redo().isEmpty ? "nothing to redo" : "redone")
    }

    public func quit() { wantsQuit = true }

    public func toggleHelp() { overlay = overlay == nil || overlay != .help(scroll: 0) ? .help(scroll: 0) : nil }

    /// Moves an overlay's scroll position.
    public func scrollOverlay(by lines: Int) {
        switch overlay {
        case .help(let scroll): overlay = .help(scroll: max(0, scroll + lines))
        case .row(let row, let scroll): overlay = .row(row, scroll: max(0, scroll + lines))
        case nil: break
        }
    }

    // MARK: Panes

    /// Focuses the next (`+1`) or previous (`-1`) pane.
    public func cycleFocus(_ step: Int) {
        let order = maximized.map { [$0] } ?? layout.panes
        guard let index = order.firstIndex(of: focus), !order.isEmpty else { return }
        focus = order[(index + step + order.count) % order.count]
    }

    /// Focuses the pane containing the given screen cell.
    public func focusPane(atX x: Int, y: Int) -> PaneID? {
        guard let (id, _) = frames(width: lastSize.width, height: lastSize.height).first(where: { $0.value.contains(x: x, y: y) }) else {
            return nil
        }
        focus = id
        return id
    }

    /// Opens (or focuses) a histogram of `column`.
    public func openHistogram(_ column: String) {
        if let existing = panes.first(where: { $0.value.kind == .histogram && $0.value.savedSettings.column == column })?.key {
            focus = existing
            maximized = nil
            return
        }
        PaneRegistry.make(.histogram, settings: PaneSettings(column: column)).map(open)
    }

    /// Opens (or focuses) the pane of a kind that has only one instance.
    public func showPane(_ kind: PaneKind) {
        if let existing = panes.first(where: { $0.value.kind == kind })?.key {
            focus = existing
            return
        }
        PaneRegistry.make(kind).map(open)
    }

    /// Opens `pane` in half of the pane that can best spare it (the largest one whose halves both
    /// keep their minimums), then lifts every pane to its minimum where the terminal has room.
    private func open(_ pane: any Pane) {
        let area = paneArea(width: lastSize.width, height: lastSize.height)
        guard let (target, axis) = PanePlacement.best(frames: layout.frames(in: area), minimum: minimumFrame(of:),
                                                      new: pane.kind.minimumFrame) else { return }
        let id = PaneID(nextID)
        nextID += 1
        panes[id] = pane
        layout.insert(id, beside: target, axis: axis)
        layout.enforceMinimums(in: area, minimumFrame(of:))
        maximized = nil
        focus = id
    }

    /// Sizes every pane afresh: equal shares along each split, each pane at least its minimum.
    public func rebalance() {
        maximized = nil
        layout.rebalance(in: paneArea(width: lastSize.width, height: lastSize.height), minimumFrame(of:))
        say("panes rebalanced")
    }

    private func minimumFrame(of id: PaneID) -> PaneMinimum {
        panes[id]?.kind.minimumFrame ?? PaneMinimum(width: 3, height: 3)
    }

    /// Closes the focused pane (the last one stays).
    public func closeFocused() {
        guard panes.count > 1, layout.remove(focus) else {
            say("the last pane stays open")
            return
        }
        panes[focus] = nil
        if brush?.source == focus { brush = nil }
        maximized = nil
        focus = layout.panes.first ?? focus
    }

    /// Swaps the focused pane with the next one.
    public func swapFocused() {
        let order = layout.panes
        guard order.count > 1, let index = order.firstIndex(of: focus) else { return }
        layout.swap(focus, order[(index + 1) % order.count])
    }

    public func toggleMaximized() { maximized = maximized == nil ? focus : nil }

    /// Grows the focused pane by `cells` along `axis`.
    public func resizeFocused(axis: SplitAxis, by cells: Int) {
        guard maximized == nil else { return }
        layout.resize(focus, axis: axis, by: cells, in: paneArea(width: lastSize.width, height: lastSize.height))
    }

    // MARK: Mouse

    /// A press: on a border it starts a resize drag; in a pane it focuses it and passes the press on.
    public func mousePress(x: Int, y: Int) {
        let area = paneArea(width: lastSize.width, height: lastSize.height)
        if maximized == nil, let border = layout.borders(in: area).first(where: { border in
            border.axis == .horizontal ? (x == border.position - 1 || x == border.position) && border.span.contains(y)
                                       : (y == border.position - 1 || y == border.position) && border.span.contains(x)
        }) {
            dragBorder = border
            return
        }
        guard let id = focusPane(atX: x, y: y), let frame = frames(width: lastSize.width, height: lastSize.height)[id] else { return }
        dragPane = id
        send(.mousePress(x: x - frame.x - 1, y: y - frame.y - 1))
    }

    public func mouseDrag(x: Int, y: Int) {
        let area = paneArea(width: lastSize.width, height: lastSize.height)
        if let border = dragBorder {
            let splitRect = layout.rect(ofSplitAt: border.path, in: area)
            let delta = (border.axis == .horizontal ? x : y) - border.position
            layout.moveBorder(path: border.path, index: border.index, by: delta, in: splitRect)
            dragBorder = layout.borders(in: area).first { $0.path == border.path && $0.index == border.index }
            return
        }
        guard let id = dragPane, let frame = frames(width: lastSize.width, height: lastSize.height)[id] else { return }
        focus = id
        send(.mouseDrag(x: x - frame.x - 1, y: y - frame.y - 1))
    }

    public func mouseRelease(x: Int, y: Int) {
        if dragBorder != nil {
            dragBorder = nil
            return
        }
        guard let id = dragPane, let frame = frames(width: lastSize.width, height: lastSize.height)[id] else { return }
        dragPane = nil
        focus = id
        send(.mouseRelease(x: x - frame.x - 1, y: y - frame.y - 1))
    }

    // MARK: Filter bar

    public func openFilterBar() {
        var bar = FilterBar(text: state.filter.isExpression ? state.filter.expression : "", history: filterHistory)
        bar.validate(state.dataset)
        filterBar = bar
    }

    /// Edits the open filter bar and validates the result.
    public func editFilter(_ edit: (inout FilterBar) -> Void) {
        guard var bar = filterBar else { return }
        edit(&bar)
        bar.validate(state.dataset)
        filterBar = bar
    }

    /// Applies the filter bar's text if it is valid; otherwise keeps the bar open.
    public func submitFilter() {
        guard let bar = filterBar else { return }
        if let problem = bar.problem {
            say(problem.message, isError: true)
            return
        }
        filterBar = nil
        let text = bar.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, filterHistory.last != text { filterHistory.append(text) }
        dispatch(.setFilter(text))
        say(text.isEmpty ? "filter cleared" : "\(NumberFormatting.grouped(state.filteredCount)) rows pass the filter")
    }

    // MARK: Rendering

    /// Readies the next frame of the given size: says "stopped" once stopped work has ended, and
    /// lays every pane out at its interior size (panes ask for the work their view needs).
    public func prepareFrame(width: Int, height: Int) {
        if let stopping = stoppingMessage, !jobs.running.contains(where: \.isStopping) {
            stoppingMessage = nil
            if stopping.serial == messageSerial { say("stopped: " + stopping.labels.joined(separator: ", ")) }
        }
        lastSize = (width, height)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else { return }
        for (id, frame) in frames(width: width, height: height).sorted(by: { $0.key < $1.key }) {
            let interior = frame.inset(by: 1)
            guard interior.width >= Self.smallestInterior.width, interior.height >= Self.smallestInterior.height else { continue }
            update(id, .layout(width: interior.width, height: interior.height))
        }
    }

    /// The smallest interior a pane draws into ("too small" below it).
    static let smallestInterior = (width: 8, height: 2)

    /// Draws everything into a new canvas of the given size, as the last `prepareFrame` left it.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = WorkspaceRenderer(workspace: self).render(width: width, height: height)
        glyphs.fit(&canvas)
        return canvas
    }
}
