import Foundation
import TuttiCore
import TuttiTerminal

/// A scatter plot of the rows in Braille dots (2 × 4 per cell; an ASCII density fallback): x
/// and y from two numeric columns, a precomputed projection's pair of columns, or a projection
/// of a vector column computed in the background. Points can be coloured by a column (a
/// legend names the colours), dense cells are shaded, filtered-out points are faint and
/// selected ones are drawn in the selected tone with their own glyph. A rectangle brush — a
/// corner moved with the arrows and Shift+arrows, or a mouse drag — selects live across panes;
/// `+` `-` `0` zoom in, out and back.
public struct ScatterPane: Pane {
    public let kind = PaneKind.scatter
    /// Where x and y come from (chosen at the first layout when not given).
    public private(set) var axes: ScatterAxes?
    /// What the points are coloured by (a column, or `ScatterColoring.correctness`).
    public private(set) var colorBy: String?
    /// The x and y ranges shown; nil shows every point.
    public private(set) var viewport: (x: ClosedRange<Double>, y: ClosedRange<Double>)?
    /// The cell under the cursor, in the plot (line 0 at the top).
    public private(set) var cursor = (column: 0, line: 0)
    /// Projects vector columns, when this build has a method.
    let projector: VectorProjector?
    private var anchor: (column: Int, line: Int)?
    private var dragging = false
    private var projection = BackgroundValue<String, ProjectedPoints>()
    private var points: (axes: ScatterAxes, value: ScatterPoints)?
    private var coloring: ScatterColoring?
    /// The score threshold the colouring was made at (colours by prediction follow it).
    private var coloringThreshold: ScoreThreshold?
    private var plane: (key: PlaneKey, placement: ScatterRaster.Placement, cells: PlaneCells)?
    private var raster: (key: RasterKey, value: ScatterRaster)?
    /// The selected points' dots per cell, and what they were made from (nil while another pane brushes).
    private var selected: (key: SelectionKey?, dots: [UInt8])?
    /// The filtered points' dots per bin of the histogram another pane brushes, and the raster it goes with.
    private var brushDots: (key: RasterKey, table: ScatterBrushDots)?
    private var plot = PlotFrame(axisWidth: 0, width: 0, height: 0)
    private var notice: String?

    /// What the dot grid is made from.
    private struct PlaneKey: Equatable {
        let axes: ScatterAxes
        let x: PlaneAxis, y: PlaneAxis
    }

    /// What a raster is made from.
    private struct RasterKey: Equatable {
        let plane: PlaneKey
        let filter: RowSet
        let colorBy: String?
        let threshold: ScoreThreshold?
    }

    /// What the selected dots are made from (besides the raster).
    private struct SelectionKey: Equatable {
        let raster: RasterKey
        let selection: RowSet?
        let brushed: GridRectangle?
    }

    /// Where the plot lies in the interior: the y axis labels' width, then the plot's cells.
    private struct PlotFrame {
        let axisWidth: Int, width: Int, height: Int
    }

    /// A plot of `axes` (chosen at the first layout when nil), coloured by `colorBy`, showing
    /// `viewport`; vector columns are offered as axes when `projector` is given.
    public init(axes: ScatterAxes? = nil, colorBy: String? = nil, viewport: (x: ClosedRange<Double>, y: ClosedRange<Double>)? = nil,
                projector: VectorProjector? = nil) {
        self.axes = axes
        self.colorBy = colorBy
        self.viewport = viewport
        self.projector = projector
    }

    /// A plot as a view file saved it.
    init(settings: PaneSettings, projector: VectorProjector?) {
        var viewport: (x: ClosedRange<Double>, y: ClosedRange<Double>)?
        if let zoom = settings.zoom, zoom.count == 4, zoom.allSatisfy(\.isFinite), zoom[0] < zoom[1], zoom[2] < zoom[3] {
            viewport = (zoom[0]...zoom[1], zoom[2]...zoom[3])
        }
        self.init(axes: ScatterAxes(settings: settings), colorBy: settings.colorBy, viewport: viewport, projector: projector)
    }

    public var title: String {
        guard let axes else { return "Scatter" }
        if case .projection = axes, let projector { return "Scatter: \(projector.method) \(axes.title)" }
        return "Scatter: \(axes.title)"
    }

    public var savedSettings: PaneSettings {
        var settings = PaneSettings(colorBy: colorBy, zoom: viewport.map { [$0.x.lowerBound, $0.x.upperBound, $0.y.lowerBound, $0.y.upperBound] })
        switch axes {
        case .columns(let x, let y)?:
            settings.xColumn = x
            settings.yColumn = y
        case .projection(let vector)?:
            settings.vectorColumn = vector
        case nil:
            break
        }
        return settings
    }

    // MARK: Choosing axes

    /// What `p` cycles through: precomputed projection pairs, then vector columns (with a projector).
    private func projections(_ state: ExplorerState) -> [ScatterAxes] {
        ScatterAxes.projections(state, vectors: projector != nil)
    }

    // MARK: Update

    public mutating func update(_ message: PaneMessage, context: PaneContext) -> [PaneCommand] {
        switch message {
        case .input(let input):
            return handle(input, context: context)
        case .layout(let width, let height):
            return layOut(width: width, height: height, context: context)
        case .jobEnded(let handle):
            _ = projection.receive(handle)
            return []
        case .find, .goToRow:
            return []
        }
    }

    /// Lays the plot out: the points of the axes (asking for a projection if needed), the dot
    /// grid for the size and zoom, the colouring, and the raster for the state and brush.
    private mutating func layOut(width: Int, height: Int, context: PaneContext) -> [PaneCommand] {
        let state = context.state
        if axes == nil { axes = ScatterAxes.defaultAxes(state, vectors: projector != nil) }
        guard let axes else {
            notice = "no numeric column to plot: a scatter plot needs two numeric columns or a vector column"
            return []
        }
        var commands: [PaneCommand] = []
        guard let points = loadPoints(axes, state: state, commands: &commands) else { return commands }
        if coloring?.key != colorBy || coloringThreshold != thresholdColored(state) {
            coloring = nil
            coloringThreshold = thresholdColored(state)
            if let colorBy {
                switch ScatterColoring.make(colorBy, state: state) {
                case .success(let made): coloring = made
                case .failure(let error):
                    self.colorBy = nil
                    commands.append(.error("cannot colour by \(colorBy): \(error.message)"))
                }
            }
        }
        guard let bounds = points.bounds else {
            notice = "no row has both coordinates"
            return commands
        }
        let shown = viewport ?? bounds
        let yLabels = [NumberFormatting.compact(shown.y.upperBound), NumberFormatting.compact(shown.y.lowerBound)]
        let axisWidth = min(max(yLabels.map { DisplayWidth.of($0) }.max() ?? 1, 1) + 1, max(1, width / 3))
        plot = PlotFrame(axisWidth: axisWidth, width: width - axisWidth, height: height - 3)
        guard plot.width >= 4, plot.height >= 2 else {
            notice = "too small for a plot"
            return commands
        }
        notice = nil
        cursor = (min(max(cursor.column, 0), plot.width - 1), min(max(cursor.line, 0), plot.height - 1))
        let key = PlaneKey(axes: axes, x: PlaneAxis(lower: shown.x.lowerBound, upper: shown.x.upperBound, count: plot.width * 2),
                           y: PlaneAxis(lower: shown.y.lowerBound, upper: shown.y.upperBound, count: plot.height * 4))
        if plane?.key != key {
            var names: (x: String, y: String)?
            if case .columns(let x, let y) = axes { names = (x, y) }
            let dots = PlaneCells(xs: points.xs, ys: points.ys, present: points.present, x: key.x, y: key.y, columnNames: names)
            plane = (key, ScatterRaster.Placement(plane: dots, width: plot.width), dots.coarsened(x: 2, y: 4))
            if context.brush?.source == context.id { commands.append(.cancelBrush) }
        }
        updateRaster(key, context: context)
        return commands
    }

    /// The points of `axes`: read from the columns, or the projection once it has come back.
    private mutating func loadPoints(_ axes: ScatterAxes, state: ExplorerState, commands: inout [PaneCommand]) -> ScatterPoints? {
        if let points, points.axes == axes { return points.value }
        switch axes {
        case .columns(let x, let y):
            guard let xColumn = state.dataset.column(named: x), let yColumn = state.dataset.column(named: y),
                  let value = ScatterPoints(x: xColumn, y: yColumn) else {
                notice = "'\(x)' and '\(y)' are not both numeric columns of the data"
                return nil
            }
            points = (axes, value)
            return value
        case .projection(let vector):
            guard let projector, let column = state.dataset.column(named: vector), column.kind == .vector else {
                notice = "'\(vector)' is not a vector column this tutti can project"
                return nil
            }
            let project = projector.project
            commands += projection.request(for: vector, label: "\(projector.method) of \(vector)") { handle in
                try project(column, WorkContext(progress: { handle.report($0.fraction, detail: $0.phase) }, cancellation: handle.cancellation))
            }
            switch projection.status {
            case .ready(let projected):
                guard projected.x.count == state.dataset.rowCount, projected.y.count == state.dataset.rowCount else {
                    notice = "the projection of '\(vector)' has \(projected.x.count) points for \(state.dataset.rowCount) rows"
                    return nil
                }
                let value = ScatterPoints(projected: projected, rowCount: state.dataset.rowCount)
                points = (axes, value)
                return value
            case let status:
                notice = status.explanation(doing: "projecting \(vector) (\(projector.method))", work: "the projection")
                return nil
            }
        }
    }

    /// The score threshold the colours follow: the one in force when they are of correctness, of
    /// the predictions or of a derived column (which may read them); nil for other colours, which
    /// a threshold step leaves as they are.
    private func thresholdColored(_ state: ExplorerState) -> ScoreThreshold? {
        guard let colorBy, colorBy == ScatterColoring.correctness || colorBy == state.threshold?.prediction
                || state.dataset.derivedColumns.contains(where: { $0.name == colorBy }) else { return nil }
        return state.threshold
    }

    /// Rasters the points for the state and lays the selection over them, unless they are current
    /// (a brush on another pane is followed every frame: a histogram's from a table of dots per
    /// bin made when it starts).
    private mutating func updateRaster(_ plane: PlaneKey, context: PaneContext) {
        guard let grid = self.plane else { return }
        let filter = context.state.filter.rows
        let key = RasterKey(plane: plane, filter: filter, colorBy: colorBy, threshold: thresholdColored(context.state))
        if raster?.key != key {
            raster = (key, ScatterRaster(placement: grid.placement, width: plot.width, height: plot.height, filter: filter, coloring: coloring))
        }
        guard let base = raster?.value else { return }
        let brush = context.brush
        let own = brush?.source == context.id ? brush?.rectangle : nil
        let other = own == nil ? brush : nil
        if let bins = other?.bins {
            if brushDots?.key != key || brushDots?.table.binning != bins.binning {
                brushDots = (key, ScatterBrushDots(placement: grid.placement, cellCount: base.width * base.height, binning: bins.binning,
                                                   filter: filter))
            }
            selected = (nil, brushDots?.table.selected(bins.range) ?? [])
            return
        }
        brushDots = nil
        let selection = other == nil && own == nil ? context.state.selection?.rows : nil
        let selectionKey: SelectionKey? = other != nil ? nil : SelectionKey(raster: key, selection: selection, brushed: own)
        if let selectionKey, let selected, selected.key == selectionKey { return }
        selected = (selectionKey, base.selectedDots(placement: grid.placement, filter: filter, selection: selection,
                                                    isSelected: other.map { live in { live.contains($0) } }, brushed: own))
    }

    // MARK: Input

    private mutating func handle(_ input: PaneInput, context: PaneContext) -> [PaneCommand] {
        switch input {
        case .up, .down, .left, .right:
            move(input)
        case .home:
            cursor = (0, cursor.line)
        case .end:
            cursor = (max(0, plot.width - 1), cursor.line)
        case .extendLeft, .extendRight, .extendUp, .extendDown:
            let live = context.brush?.source == context.id && context.brush?.rectangle != nil
            let start = live ? anchor ?? cursor : cursor
            move([.extendLeft: .left, .extendRight: .right, .extendUp: .up, .extendDown: .down][input] ?? input)
            return brush(from: start, live: live)
        case .space:
            return brush(from: cursor, live: false) + [.commitBrush]
        case .enter:
            guard context.brush?.source == context.id else { return [] }
            return [.commitBrush]
        case .mousePress(let x, let y):
            guard let cell = cell(atX: x, y: y, clamp: false) else { return [] }
            cursor = cell
            dragging = true
            return brush(from: cell, live: false)
        case .mouseDrag(let x, let y):
            guard dragging, context.brush?.source == context.id, let cell = cell(atX: x, y: y, clamp: true) else { return [] }
            cursor = cell
            return brush(from: anchor ?? cell, live: true)
        case .mouseRelease:
            guard dragging else { return [] }
            dragging = false
            return context.brush?.source == context.id ? [.commitBrush] : []
        case .action(let action):
            return act(action, context: context)
        default:
            break
        }
        return []
    }

    private mutating func move(_ input: PaneInput) {
        switch input {
        case .left: cursor.column = max(0, cursor.column - 1)
        case .right: cursor.column = min(max(0, plot.width - 1), cursor.column + 1)
        case .up: cursor.line = max(0, cursor.line - 1)
        case .down: cursor.line = min(max(0, plot.height - 1), cursor.line + 1)
        default: break
        }
    }

    /// Starts (or moves, when `live`) the brush over the rectangle from `start` to the cursor.
    private mutating func brush(from start: (column: Int, line: Int), live: Bool) -> [PaneCommand] {
        guard let cells = plane?.cells, plot.height > 0 else { return [] }
        anchor = start
        let rectangle = GridRectangle(column: start.column, row: plot.height - 1 - start.line,
                                      otherColumn: cursor.column, otherRow: plot.height - 1 - cursor.line)
        return live ? [.moveRectangleBrush(rectangle)] : [.beginRectangleBrush(cells, rectangle: rectangle)]
    }

    /// The plot cell under interior coordinates (`x`, `y`), clamped to the plot when `clamp`.
    private func cell(atX x: Int, y: Int, clamp: Bool) -> (column: Int, line: Int)? {
        let column = x - plot.axisWidth, line = y - 1
        if clamp { return (min(max(column, 0), plot.width - 1), min(max(line, 0), plot.height - 1)) }
        guard column >= 0, column < plot.width, line >= 0, line < plot.height else { return nil }
        return (column, line)
    }

    private mutating func act(_ action: PaneAction, context: PaneContext) -> [PaneCommand] {
        let state = context.state
        let cancel: [PaneCommand] = context.brush?.source == context.id ? [.cancelBrush] : []
        switch action {
        case .nextXColumn, .nextYColumn:
            let numeric = ScatterAxes.numericColumns(state)
            guard !numeric.isEmpty else { return [.message("the data has no numeric column")] }
            var (x, y) = (numeric[0], numeric[min(1, numeric.count - 1)])
            if case .columns(let oldX, let oldY)? = axes { (x, y) = (oldX, oldY) }
            func next(_ name: String) -> String { numeric[((numeric.firstIndex(of: name) ?? -1) + 1) % numeric.count] }
            if action == .nextXColumn { x = next(x) } else { y = next(y) }
            setAxes(.columns(x: x, y: y))
            return cancel + [.message("x: \(x) · y: \(y)")]
        case .nextProjection:
            let choices = projections(state)
            guard !choices.isEmpty else {
                return [.message("no projection: no column pair such as umap_1/umap_2 or x/y" + (projector == nil ? "" : ", no vector column"))]
            }
            let next = choices[((axes.flatMap { choices.firstIndex(of: $0) } ?? -1) + 1) % choices.count]
            setAxes(next)
            return cancel + [.message(next.title)]
        case .nextColoring:
            let choices = ScatterColoring.choices(state)
            let all: [String?] = [nil] + choices
            colorBy = all[((all.firstIndex(of: colorBy) ?? 0) + 1) % all.count]
            return [.message(colorBy.map { "colour by \($0 == ScatterColoring.correctness ? "correct / incorrect" : $0)" } ?? "no colours")]
        case .zoomIn, .zoomOut:
            return cancel + zoom(in: action == .zoomIn)
        case .resetZoom:
            viewport = nil
            return cancel + [.message("zoom reset: every point shows")]
        default:
            return []
        }
    }

    private mutating func setAxes(_ new: ScatterAxes) {
        axes = new
        viewport = nil
    }

    /// Halves (or doubles) the ranges shown, around the cursor's cell when zooming in.
    private mutating func zoom(in zoomingIn: Bool) -> [PaneCommand] {
        guard let key = plane?.key, let bounds = points?.value.bounds, plot.width > 0, plot.height > 0 else { return [] }
        let centerX = zoomingIn ? key.x.edge(cursor.column * 2 + 1) : (key.x.lower + key.x.upper) / 2
        let centerY = zoomingIn ? key.y.edge((plot.height - 1 - cursor.line) * 4 + 2) : (key.y.lower + key.y.upper) / 2
        let factor = zoomingIn ? 0.5 : 2
        let halfX = (key.x.upper - key.x.lower) * factor / 2, halfY = (key.y.upper - key.y.lower) * factor / 2
        if !zoomingIn, halfX * 2 >= bounds.x.upperBound - bounds.x.lowerBound, halfY * 2 >= bounds.y.upperBound - bounds.y.lowerBound {
            viewport = nil
            return [.message("zoom reset: every point shows")]
        }
        viewport = ((centerX - halfX)...(centerX + halfX), (centerY - halfY)...(centerY + halfY))
        cursor = (plot.width / 2, plot.height / 2)
        return [.message("zoom \(zoomText(shown: halfX * 2, bounds: bounds))")]
    }

    /// How far the plot is zoomed in along x ("4×").
    private func zoomText(shown: Double, bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)) -> String {
        let full = bounds.x.upperBound - bounds.x.lowerBound
        guard full > 0, shown > 0 else { return "1×" }
        return NumberFormatting.compact(full / shown) + "×"
    }

    // MARK: Rendering

    public func render(into canvas: inout Canvas, context: PaneContext) {
        let (width, height) = canvas.size
        let theme = context.theme
        if let notice {
            canvas.fittedText(notice, x: 0, y: 0, style: theme[.muted])
            return
        }
        guard let raster = raster?.value, let selected = selected?.dots, let key = plane?.key, let bounds = points?.value.bounds,
              height >= 5 else { return }
        var header = "\(NumberFormatting.grouped(context.state.filteredCount)) rows"
        let selectedCount = context.brush?.selectedCount ?? context.state.selectedCount
        if context.state.selection != nil || context.brush != nil { header += " · \(NumberFormatting.grouped(selectedCount)) selected" }
        if viewport != nil { header += " · zoom \(zoomText(shown: key.x.upper - key.x.lower, bounds: bounds))" }
        canvas.fittedText(header, x: 0, y: 0, style: theme[.muted])
        drawAxes(&canvas, key: key, context: context)
        drawPoints(&canvas, raster, selected: selected, context: context)
        drawBrushAndCursor(&canvas, context: context)
        drawFooter(&canvas, key: key, raster: raster, context: context, y: height - 1, width: width)
    }

    private func drawAxes(_ canvas: inout Canvas, key: PlaneKey, context: PaneContext) {
        let style = context.theme[.muted]
        let labelWidth = plot.axisWidth - 1
        let top = NumberFormatting.compact(key.y.upper), bottom = NumberFormatting.compact(key.y.lower)
        canvas.fittedText(TextFitting.pad(top, labelWidth, right: true), x: 0, y: 1, style: style, maxWidth: labelWidth)
        canvas.fittedText(TextFitting.pad(bottom, labelWidth, right: true), x: 0, y: plot.height, style: style, maxWidth: labelWidth)
        for line in 0..<plot.height { canvas.set(x: labelWidth, y: line + 1, context.glyphs.verticalLine, style: style) }
        let left = NumberFormatting.compact(key.x.lower), right = NumberFormatting.compact(key.x.upper)
        let y = plot.height + 1
        canvas.fittedText(left, x: plot.axisWidth, y: y, style: style)
        let rightX = max(plot.axisWidth + DisplayWidth.of(left) + 1, plot.axisWidth + plot.width - DisplayWidth.of(right))
        canvas.fittedText(right, x: rightX, y: y, style: style)
    }

    private func drawPoints(_ canvas: inout Canvas, _ raster: ScatterRaster, selected: [UInt8], context: PaneContext) {
        let theme = context.theme, glyphs = context.glyphs
        let dense = max(2, Int(raster.densest) * 2 / 3)
        for line in 0..<raster.height {
            for column in 0..<raster.width {
                let cell = line * raster.width + column
                let x = plot.axisWidth + column, y = line + 1
                if selected[cell] != 0 {
                    canvas.set(x: x, y: y, glyphs.selectionMark, style: theme[.barSelected].adding(.bold))
                } else if raster.dots[cell] != 0 {
                    var style = theme[.text]
                    if let coloring, raster.colors[cell] != ScatterColoring.missing,
                       let color = ScatterColoring.color(Int(raster.colors[cell]), key: coloring.key, colors: theme.colors) {
                        style.foreground = color
                    }
                    if Int(raster.counts[cell]) >= dense { style = style.adding(.bold) }
                    canvas.set(x: x, y: y, glyphs.point(bits: raster.dots[cell], count: Int(raster.counts[cell])), style: style)
                } else if raster.faint[cell] != 0 {
                    canvas.set(x: x, y: y, glyphs.point(bits: raster.faint[cell], count: 1), style: theme[.muted].adding(.dim))
                }
            }
        }
    }

    private func drawBrushAndCursor(_ canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        if let brush = context.brush, brush.source == context.id, let rectangle = brush.rectangle {
            let top = plot.height - 1 - rectangle.rows.upperBound, bottom = plot.height - 1 - rectangle.rows.lowerBound
            let area = Rect(x: plot.axisWidth + rectangle.columns.lowerBound, y: top + 1, width: rectangle.columns.count, height: bottom - top + 1)
            canvas.restyle(area) { $0.background = theme[.brush].background; $0.attributes.formUnion(theme[.brush].attributes) }
        }
        guard context.focused else { return }
        let x = plot.axisWidth + cursor.column, y = cursor.line + 1
        let cell = canvas[canvas.clip.x + x, canvas.clip.y + y]
        if cell.character == " " { canvas.set(x: x, y: y, "+", style: theme[.cursor]) }
        canvas.restyle(Rect(x: x, y: y, width: 1, height: 1)) { $0 = theme[.cursor] }
    }

    /// The legend of the colours, or what lies under the cursor.
    private func drawFooter(_ canvas: inout Canvas, key: PlaneKey, raster: ScatterRaster, context: PaneContext, y: Int, width: Int) {
        let theme = context.theme
        if let coloring {
            var x = canvas.text(coloring.title + ":", x: 0, y: y, style: theme[.muted]) + 1
            for (index, name) in coloring.names.enumerated() where x < width {
                var swatch = theme[.text]
                if let color = ScatterColoring.color(index, key: coloring.key, colors: theme.colors) { swatch.foreground = color }
                let mark = theme.colors >= 8 ? context.glyphs.verticalEighths[8] : Character(String(index + 1))
                canvas.set(x: x, y: y, mark, style: swatch)
                x += 2 + canvas.text(name, x: x + 2, y: y, style: theme[.text], maxWidth: max(0, width - x - 2)) + 1
            }
            if theme.colors < 8 { canvas.fittedText(" (no colours on this terminal)", x: min(x, width - 1), y: y, style: theme[.muted]) }
            return
        }
        let column = cursor.column, row = plot.height - 1 - cursor.line
        let xText = "\(NumberFormatting.compact(key.x.edge(column * 2)))–\(NumberFormatting.compact(key.x.edge(column * 2 + 2)))"
        let yText = "\(NumberFormatting.compact(key.y.edge(row * 4)))–\(NumberFormatting.compact(key.y.edge(row * 4 + 4)))"
        let count = Int(raster.counts[cursor.line * raster.width + column])
        canvas.fittedText("x \(xText) · y \(yText): \(NumberFormatting.grouped(count)) row\(count == 1 ? "" : "s")", x: 0, y: y,
                          style: context.focused ? theme[.text] : theme[.muted])
    }
}
