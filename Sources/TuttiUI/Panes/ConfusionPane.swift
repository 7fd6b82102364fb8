import TuttiCore
import TuttiTerminal

/// The confusion matrix: label × prediction counts of the filtered rows, with the selected
/// count in each cell. With group columns, one matrix per value of the first (side by side
/// when the width allows, else stacked, scrolling to the cursor's), each headed by the group
/// and its counts. A matrix larger than the pane scrolls both ways with the cursor (the label
/// names and prediction header stay). Enter selects a cell's rows, within the cursor's group;
/// `%` toggles row percentages (each label's row sums to 100%: recall on the diagonal). Under a
/// single matrix, where the pane has room, each class's precision, recall, F1 and support and
/// their macro, micro and weighted averages. A score threshold re-derives the predictions, and
/// the matrix follows it. For a regression (`RegressionTask`) label and prediction share one
/// scale, so the table reads as predicted against actual, and the regression metrics and a
/// residual histogram take the per-class table's place (`ConfusionRegression`).
public struct ConfusionPane: Pane {
    public let kind = PaneKind.confusion
    /// The cell under the cursor: (label bin, prediction bin).
    public private(set) var cursor = (label: 0, prediction: 0)
    /// The group under the cursor (0 without group columns).
    public private(set) var group = 0
    private var binnings: (labels: ColumnBinning, predictions: ColumnBinning)?
    /// What the bins were made of: the label and prediction columns, and the threshold.
    private var binningsKey: (label: String, prediction: String, threshold: ScoreThreshold?)?
    private var matrices: ConfusionMatrices?
    private var matricesKey: (filter: RowSet, selection: RowSet?, groupColumn: String?)?
    /// The per-class metrics of the single matrix (nil with groups, or with bins of several values).
    private var classScores: ConfusionClassScores?
    /// The metrics and residuals of a regression (nil for classes).
    private var regression: ConfusionRegression?
    private var failure: String?
    /// On a sample of a table in a SQL engine: the engine's matrices of the whole table.
    private var exact = ConfusionEngineFigures()
    /// The engine's matrices (one per group, in the groups' order; one without groups) and the
    /// single matrix's per-class metrics, as the last layout left them (nil: the sample's are
    /// shown, until the engine counted every group's).
    private var exactCounts: [(counts: ConfusionCounts, scores: ConfusionClassScores?)]?
    /// On a sample of a table in a SQL engine: whose counts the matrix shows, for the title.
    private var engineNote: String?
    /// Whether cells show their share of the label's rows rather than their counts.
    public private(set) var rowPercentages: Bool
    /// The part of the matrices in view (the same in every group's).
    private(set) var viewport = ConfusionViewport()
    /// The first block row in view, and the blocks per row of the last render.
    private var scroll = 0
    private var perRow = 1

    /// The blocks' horizontal and vertical gaps.
    private static let gap = (x: 3, y: 1)

    /// A pane showing counts, or with `rowPercentages` the share of each label's rows.
    public init(rowPercentages: Bool = false) {
        self.rowPercentages = rowPercentages
    }

    public var title: String {
        let name = regression != nil ? (rowPercentages ? "Regression (row %): label × prediction" : "Regression: label × prediction")
            : rowPercentages ? "Confusion (row %): label × prediction" : "Confusion: label × prediction"
        let note = engineNote.map { " · " + $0 } ?? ""
        guard let split = matrices?.split else { return name + (regression?.isFresh == false ? " · updating…" : "") + note }
        let shown = split.groups.count, all = shown + split.omitted
        return name + " by \(split.feature.column)" + (all == shown ? "" : " (largest \(shown) of \(all))") + note
    }

    /// On a sample of a table in a SQL engine: asks the engine for the matrices of classes over
    /// the whole table — the single one, or one per group of the sample's split — and takes them
    /// once all are counted; returns the work to start. A regression's figures are asked in
    /// `layOut` (`ConfusionRegression.updateExact`).
    private mutating func askEngine(_ context: PaneContext) -> [PaneCommand] {
        exactCounts = nil
        guard let engine = context.engine else {
            engineNote = nil
            return exact.stopAll()
        }
        var commands: [PaneCommand] = []
        if let matrices {
            let groups = matrices.split.map { $0.groups.map { SliceReport.expression($0.predicates) } }
            commands = exact.prepare(engine, state: context.state, labels: matrices.labels, predictions: matrices.predictions,
                                     groups: groups)
            // A regression's cells wait for its metrics, so the pane never mixes the two.
            if let counted = exact.counts(engine, state: context.state, labels: matrices.labels,
                                          predictions: matrices.predictions, groups: groups),
               matrices.split != nil || regression?.isExact ?? true {
                exactCounts = counted.map { ($0, matrices.split == nil && regression == nil ? ConfusionClassScores($0) : nil) }
            }
        } else {
            commands = exact.stopAll()
        }
        let asking = exact.isAsking || regression?.isAskingExact == true
        engineNote = exactCounts != nil ? "table of \(engine.tableRows.text)"
            : "sample \(NumberFormatting.grouped(engine.sampleRows))" + (asking ? " · …" : "")
        return commands
    }

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input): return handle(input, context: context)
        case .layout(let width, let height):
            return layOut(width: width, height: height, context: context) + askEngine(context)
        case .jobEnded(let handle):
            _ = regression?.receive(handle)
            _ = exact.receive(handle)
            return []
        case .find, .goToRow: return []
        }
    }

    public var savedSettings: PaneSettings { PaneSettings(rowPercentages: rowPercentages ? true : nil) }

    public func label(for action: PaneAction) -> String? {
        action == .toggleRowPercentages ? (rowPercentages ? "show counts" : "show row % (recall)") : nil
    }

    /// The matrices for the current state, counted again when the filter, the selection or the
    /// group column changed; nil (with `failure` saying why) when they cannot be counted.
    private mutating func current(_ context: PaneContext) -> ConfusionMatrices? {
        let state = context.state
        guard let label = state.roles[.label], let prediction = state.roles[.prediction] else {
            failure = "needs label and prediction columns (tutti guesses them by name; set them with --label and --prediction)"
            binnings = nil
            matrices = nil
            return nil
        }
        if binnings == nil || binningsKey.map({ $0.label != label || $0.prediction != prediction || $0.threshold != state.threshold }) ?? true,
           !followStep(state, label: label, prediction: prediction) {
            // A moved threshold re-derives the predictions alone: the label's bins are kept.
            let keptLabels = binningsKey?.label == label && label != prediction ? binnings?.labels : nil
            binningsKey = (label, prediction, state.threshold)
            matricesKey = nil
            do {
                regression = Self.regressionTask(state, label: label, prediction: prediction).map(ConfusionRegression.init)
                binnings = regression != nil
                    ? try ColumnBinning.sharedScale(dataset: state.dataset, columns: (label, prediction), bins: 12)
                    : (try keptLabels ?? ColumnBinning(dataset: state.dataset, column: label, bins: 12),
                       try ColumnBinning(dataset: state.dataset, column: prediction, bins: 12))
            } catch {
                binnings = nil
                matrices = nil
                regression = nil
                failure = "\(error)"
                return nil
            }
        }
        guard let binnings else { return nil }
        let selection = state.selection?.rows, groupColumn = state.groupColumns.first
        if let key = matricesKey, key.filter == state.filter.rows, key.selection == selection, key.groupColumn == groupColumn {
            return matrices
        }
        matricesKey = (state.filter.rows, selection, groupColumn)
        do {
            let counted = try ConfusionMatrices(state: state, labels: binnings.labels, predictions: binnings.predictions)
            matrices = counted
            classScores = counted.split == nil && regression == nil ? ConfusionClassScores(counted.counts[0]) : nil
            failure = nil
        } catch {
            matrices = nil
            classScores = nil
            failure = "\(error)"
        }
        return matrices
    }

    /// Follows a threshold step from the one the bins were made at by moving only the rows it
    /// flipped: the prediction bins recoded, the matrices and per-class metrics recounted from
    /// those rows (when the filter, the selection and the groups are those counted). False when
    /// the step cannot be followed so (see `ScoreThreshold.predictionBinning`, or groups by a
    /// column that reads the predictions): then everything is counted again.
    private mutating func followStep(_ state: ExplorerState, label: String, prediction: String) -> Bool {
        guard regression == nil, let key = binningsKey, key.label == label, key.prediction == prediction,
              let old = key.threshold, let new = state.threshold, let binnings, let flips = new.flips(since: old),
              let recoded = new.predictionBinning(updating: binnings.predictions, since: old) else { return false }
        let groupColumn = state.groupColumns.first
        if let groupColumn, groupColumn == prediction || state.dataset.derivedColumns.contains(where: { $0.name == groupColumn }) {
            return false
        }
        binningsKey = (label, prediction, new)
        self.binnings = (binnings.labels, recoded)
        let filter = state.filter.rows, selection = state.selection?.rows
        guard let matrices, let counted = matricesKey, counted.filter == filter, counted.selection == selection,
              counted.groupColumn == groupColumn else {
            matricesKey = nil
            return true
        }
        let recounted = matrices.recounted(flips.rows, predictions: recoded, filter: filter, selection: selection)
        self.matrices = recounted
        classScores = recounted.split == nil ? ConfusionClassScores(recounted.counts[0]) : nil
        return true
    }

    /// The regression task of `label` and `prediction`, or nil when they are classes.
    private static func regressionTask(_ state: ExplorerState, label: String, prediction: String) -> RegressionTask? {
        guard let labelColumn = state.dataset.column(named: label), let predictionColumn = state.dataset.column(named: prediction)
        else { return nil }
        return RegressionTask(label: labelColumn, prediction: predictionColumn)
    }

    /// Lays the matrices out for an interior of `width` × `height`: the part of each in view,
    /// the blocks per row and the first block row shown; returns the work that counts the
    /// regression figures, when they are not counted for the current rows.
    mutating func layOut(width: Int, height: Int, context: PaneContext) -> [PaneCommand] {
        guard let matrices = current(context) else { return [] }
        let drawer = ConfusionMatrixDrawer(context: context, labels: matrices.labels, predictions: matrices.predictions,
                                           paneWidth: width, rowPercentages: rowPercentages)
        guard let split = matrices.split else {
            var commands = regression?.update(filter: context.state.filter.rows, selection: context.state.selection?.rows,
                                              bins: width - 4) ?? []
            if let engine = context.engine, let key = binningsKey {
                commands += regression?.updateExact(engine, state: context.state, label: key.label, prediction: key.prediction,
                                                    bins: width - 4) ?? []
            }
            let showsLines = Self.showsClassScores(classScores, drawer: drawer, height: height)
                || regression.map { height >= drawer.height + 1 + $0.metricsLineCount } ?? false
            let matrixHeight = showsLines ? drawer.height : height
            viewport = viewport.following(cursor, drawer: drawer, size: (width, matrixHeight))
            return commands
        }
        guard !split.groups.isEmpty else { return [] }
        group = min(group, split.groups.count - 1)
        let block = Self.blockSize(drawer, width: width, height: height)
        viewport = viewport.following(cursor, drawer: drawer, size: (block.width, block.height - 1))
        perRow = max(1, (width + Self.gap.x) / (block.width + Self.gap.x))
        let visibleRows = max(1, (height + Self.gap.y) / (block.height + Self.gap.y))
        let cursorRow = group / perRow
        scroll = min(max(scroll, cursorRow - visibleRows + 1), cursorRow)
        return []
    }

    /// Whether the per-class table shows under the whole matrix: its header and a class fit.
    private static func showsClassScores(_ scores: ConfusionClassScores?, drawer: ConfusionMatrixDrawer, height: Int) -> Bool {
        scores != nil && height >= drawer.height + 3
    }

    /// A group's block: its heading and matrix, cut to the pane when larger (the matrix scrolls).
    private static func blockSize(_ drawer: ConfusionMatrixDrawer, width: Int, height: Int) -> (width: Int, height: Int) {
        (min(drawer.width, width), min(drawer.height + 1, height))
    }

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        guard let matrices else {
            canvas.message(failure ?? "", style: theme[.muted])
            return
        }
        let drawer = ConfusionMatrixDrawer(context: context, labels: matrices.labels, predictions: matrices.predictions,
                                           paneWidth: width, rowPercentages: rowPercentages)
        guard let split = matrices.split else {
            drawer.draw(&canvas, counts: exactCounts?.first?.counts ?? matrices.counts[0], cursor: context.focused ? cursor : nil,
                        viewport: viewport)
            if let classScores = exactCounts == nil ? classScores : exactCounts?.first?.scores,
               Self.showsClassScores(classScores, drawer: drawer, height: height) {
                for (index, line) in classScores.lines.prefix(height - drawer.height - 1).enumerated() {
                    canvas.fittedText(line.text, x: 0, y: drawer.height + 1 + index, style: line.isHeader ? theme[.header] : theme[.text])
                }
            }
            if let regression, height >= drawer.height + 1 + regression.metricsLineCount {
                canvas.within(Rect(x: 0, y: drawer.height + 1, width: width, height: height - drawer.height - 1)) { below in
                    regression.draw(&below, context: context)
                }
            }
            return
        }
        guard !split.groups.isEmpty else {
            canvas.message("no rows pass the filter", style: theme[.muted])
            return
        }
        let (blockWidth, blockHeight) = Self.blockSize(drawer, width: width, height: height)
        for (index, entry) in split.groups.enumerated() {
            let row = index / perRow - scroll
            let y = row * (blockHeight + Self.gap.y)
            guard row >= 0, y < height else { continue }
            let x = (index % perRow) * (blockWidth + Self.gap.x)
            let exactGroup = exactCounts.map { $0[index].counts }
            let counts = exactGroup ?? matrices.counts[index]
            canvas.within(Rect(x: x, y: y, width: blockWidth, height: blockHeight)) { block in
                let rows = exactGroup.map { $0.filtered.joined().reduce(0, +) } ?? entry.rows.count
                var heading = SliceReport.expression(entry.predicates) + " · " + NumberFormatting.grouped(rows)
                let selected = counts.selected.joined().reduce(0, +)
                if selected > 0 { heading += " · \(context.glyphs.selectionMark)\(NumberFormatting.grouped(selected))" }
                block.text(TextFitting.fit(heading, blockWidth, ellipsis: context.glyphs.ellipsis), x: 0, y: 0,
                           style: index == group && context.focused ? theme[.titleFocused] : theme[.title])
                block.within(Rect(x: 0, y: 1, width: blockWidth, height: blockHeight - 1)) { matrix in
                    drawer.draw(&matrix, counts: counts, cursor: index == group && context.focused ? cursor : nil,
                                viewport: viewport)
                }
            }
        }
    }

    mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        guard let matrices = current(context) else { return [] }
        let groups = matrices.counts.count
        guard groups > 0 else { return [] }
        let lastLabel = matrices.labels.binCount - 1, lastPrediction = matrices.predictions.binCount - 1
        switch input {
        case .up where cursor.label > 0: cursor.label -= 1
        case .up where group >= perRow: (group, cursor.label) = (group - perRow, lastLabel)
        case .down where cursor.label < lastLabel: cursor.label += 1
        case .down where group + perRow < groups: (group, cursor.label) = (group + perRow, 0)
        case .left where cursor.prediction > 0: cursor.prediction -= 1
        case .left where group > 0: (group, cursor.prediction) = (group - 1, lastPrediction)
        case .right where cursor.prediction < lastPrediction: cursor.prediction += 1
        case .right where group + 1 < groups: (group, cursor.prediction) = (group + 1, 0)
        case .action(.toggleRowPercentages):
            rowPercentages.toggle()
        case .enter, .space:
            let index = min(group, groups - 1)
            return [.dispatch(.select(matrices.rows(group: index, label: cursor.label, prediction: cursor.prediction),
                                      .confusionCell(matrices.predicates(group: index, label: cursor.label,
                                                                         prediction: cursor.prediction))))]
        default: break
        }
        return []
    }
}
