import TuttiCore

extension Workspace {
    /// Sends an intent to the focused pane and carries out what it asks.
    mutating func send(_ input: PaneInput) { update(focus, .input(input)) }

    /// Updates pane `id` with `message` and carries out what it asks.
    mutating func update(_ id: PaneID, _ message: PaneMessage) {
        // Taken out while it changes, so its arrays are not copied.
        guard var pane = panes.removeValue(forKey: id) else { return }
        let commands = pane.update(message, context: context(for: id))
        panes[id] = pane
        perform(commands, from: id)
    }

    /// Carries out what pane `source` asked for: state actions, the live brush, panes to open,
    /// messages, prompts, and work to start or stop (as effects).
    private mutating func perform(_ commands: [PaneCommand], from source: PaneID) {
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
                paneWork.removeAll { !$0.isRunning }
                paneWork.append(job.handle)
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
}
