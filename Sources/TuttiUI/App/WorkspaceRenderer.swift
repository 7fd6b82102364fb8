import TuttiCore
import TuttiTerminal

/// Draws a workspace: pane frames and interiors, the status line, the footer or filter bar,
/// and overlays; or a clear message when the terminal is too small.
struct WorkspaceRenderer {
    let workspace: Workspace

    func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let theme = workspace.theme
        guard width >= Workspace.minimumSize.width, height >= Workspace.minimumSize.height else {
            let lines = ["terminal too small: \(width)×\(height)",
                         "tutti needs \(Workspace.minimumSize.width)×\(Workspace.minimumSize.height)", "q quits"]
            for (index, line) in lines.enumerated() where index < height {
                canvas.fittedText(line, x: 0, y: index, style: index == 0 ? theme[.error] : theme[.text])
            }
            return canvas
        }
        for (id, frame) in workspace.frames(width: width, height: height) {
            guard let pane = workspace.panes[id] else { continue }
            let interior = frame.inset(by: 1)
            if interior.width < Workspace.smallestInterior.width || interior.height < Workspace.smallestInterior.height {
                canvas.within(interior) { $0.fittedText("too small", x: 0, y: 0, style: theme[.muted]) }
            } else {
                let context = workspace.context(for: id)
                canvas.within(interior) { pane.render(into: &$0, context: context) }
            }
            // After the interior, so a title that depends on what the pane just computed is current.
            drawFrame(&canvas, frame, title: pane.title, focused: id == workspace.focus)
        }
        let overflow = drawStatus(&canvas, y: height - 2, width: width)
        if let bar = workspace.filterBar {
            drawFilterBar(&canvas, bar, width: width, height: height)
        } else if let prompt = workspace.prompt {
            drawPrompt(&canvas, prompt, width: width, height: height)
        } else if let editor = workspace.thresholdEditor {
            drawThresholdHints(&canvas, editor, y: height - 1, width: width)
        } else {
            drawFooter(&canvas, y: height - 1, width: width, message: overflow)
        }
        switch workspace.overlay {
        case .help(let scroll): drawHelp(&canvas, scroll: scroll)
        case .row(let row, let scroll): drawRow(&canvas, row: row, scroll: scroll)
        case nil: break
        }
        return canvas
    }

    private func drawFrame(_ canvas: inout Canvas, _ frame: Rect, title: String, focused: Bool) {
        let theme = workspace.theme, glyphs = workspace.glyphs
        let style = focused ? theme[.borderFocused] : theme[.border]
        guard frame.width >= 2, frame.height >= 2 else { return }
        for x in frame.x + 1..<frame.maxX - 1 {
            canvas.set(x: x, y: frame.y, glyphs.horizontalLine, style: style)
            canvas.set(x: x, y: frame.maxY - 1, glyphs.horizontalLine, style: style)
        }
        for y in frame.y + 1..<frame.maxY - 1 {
            canvas.set(x: frame.x, y: y, glyphs.verticalLine, style: style)
            canvas.set(x: frame.maxX - 1, y: y, glyphs.verticalLine, style: style)
        }
        canvas.set(x: frame.x, y: frame.y, glyphs.topLeft, style: style)
        canvas.set(x: frame.maxX - 1, y: frame.y, glyphs.topRight, style: style)
        canvas.set(x: frame.x, y: frame.maxY - 1, glyphs.bottomLeft, style: style)
        canvas.set(x: frame.maxX - 1, y: frame.maxY - 1, glyphs.bottomRight, style: style)
        let label = " " + TextFitting.fit(title, frame.width - 6, ellipsis: glyphs.ellipsis) + " "
        canvas.fittedText(label, x: frame.x + 2, y: frame.y, style: focused ? theme[.titleFocused] : theme[.title],
                          maxWidth: frame.width - 4)
    }

    /// Draws the status line; returns the message when it did not fit there.
    private func drawStatus(_ canvas: inout Canvas, y: Int, width: Int) -> String? {
        let theme = workspace.theme
        let state = workspace.state
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.status])
        let selected = workspace.brush.map { $0.selectedCount } ?? state.selectedCount
        var parts = [
            URLName.lastComponent(state.dataset.source),
            workspace.engine == nil ? "\(NumberFormatting.grouped(state.dataset.rowCount)) rows"
                : "sample \(NumberFormatting.grouped(state.dataset.rowCount)) of \(workspace.tableRows.text) rows",
            "\(NumberFormatting.grouped(state.filteredCount)) filtered",
        ]
        var x = 1
        for part in parts {
            x += canvas.fittedText(part, x: x, y: y, style: theme[.status]) + 1
            x += canvas.fittedText("·", x: x, y: y, style: theme[.status]) + 1
        }
        x += canvas.fittedText("\(NumberFormatting.grouped(selected)) selected", x: x, y: y,
                               style: selected > 0 ? theme[.statusAccent] : theme[.status]) + 1
        parts = Self.thresholdSummary(state).map { [$0] } ?? []
        parts += workspace.runningWork.map { job in
            job.label + job.progressText + (job.isStopping ? " (stopping…)" : " (Esc stops)")
        }
        if !state.filter.isEmpty { parts.append("filter: " + state.filter.expression) }
        if let exact = workspace.engineStatus { parts.append(exact) }
        for part in parts where x < width {
            x += canvas.fittedText("· " + part, x: x, y: y, style: theme[.status]) + 1
        }
        guard let message = workspace.message else { return nil }
        let text = message.text.split(separator: "\n").first.map(String.init) ?? ""
        // A message that does not fit beside the counts goes to the footer line instead.
        guard DisplayWidth.of(text) <= width - x - 1 else { return text }
        let style = message.isError ? theme[.error] : theme[.status]
        canvas.text(text, x: width - 1 - DisplayWidth.of(text), y: y, style: CellStyle(
            foreground: style.foreground, background: theme[.status].background, attributes: style.attributes))
        return nil
    }

    /// The score threshold and the model's accuracy, false-positive and false-negative rates at it
    /// over the filtered rows ("threshold ≥ 0.42: accuracy 87.1% FPR 6.2% FNR 38.1%"); nil without one.
    static func thresholdSummary(_ state: ExplorerState) -> String? {
        guard let threshold = state.threshold else { return nil }
        let c = threshold.confusion(within: state.filter.rows)
        let all = c.truePositives + c.falsePositives + c.falseNegatives + c.trueNegatives
        let rate = { (part: Int, whole: Int) in whole > 0 ? NumberFormatting.percent(Double(part) / Double(whole)) : "–" }
        return "threshold \(threshold.score) ≥ \(NumberFormatting.shortest(threshold.value)): "
            + "accuracy \(rate(c.truePositives + c.trueNegatives, all)) "
            + "FPR \(rate(c.falsePositives, c.falsePositives + c.trueNegatives)) "
            + "FNR \(rate(c.falseNegatives, c.falseNegatives + c.truePositives))"
    }

    /// The footer while the threshold moves: its keys, and what Esc goes back to.
    private func drawThresholdHints(_ canvas: inout Canvas, _ editor: ThresholdEditor, y: Int, width: Int) {
        let theme = workspace.theme
        let step = workspace.state.threshold.map { NumberFormatting.shortest($0.step) } ?? "a step"
        let back = editor.original.map { "back to \(NumberFormatting.shortest($0.value))" } ?? "predictions as loaded"
        var x = canvas.text("threshold:", x: 0, y: y, style: theme[.statusAccent]) + 1
        for (keys, action) in [("←→", "±\(step)"), ("⇧←→", "±10 steps"), ("Enter", "keep"), ("Esc", back)] {
            let shown = workspace.glyphs.keys(keys)
            guard x + DisplayWidth.of(shown) + DisplayWidth.of(action) + 3 <= width else { break }
            x += canvas.text(shown, x: x, y: y, style: theme[.key]) + 1
            x += canvas.text(action, x: x, y: y, style: theme[.muted]) + 2
        }
    }

    /// The key hints; or the message, when it did not fit in the status line.
    private func drawFooter(_ canvas: inout Canvas, y: Int, width: Int, message: String?) {
        let theme = workspace.theme
        if let message {
            let isError = workspace.message?.isError ?? false
            canvas.text(TextFitting.fit(message, width, ellipsis: workspace.glyphs.ellipsis), x: 0, y: y,
                        style: isError ? theme[.error] : theme[.message])
            return
        }
        var x = 0
        for hint in KeyBindings.footer(for: workspace.panes[workspace.focus]) {
            let keys = workspace.glyphs.keys(hint.keys)
            let needed = DisplayWidth.of(keys) + DisplayWidth.of(hint.action) + 3
            guard x + needed <= width else { break }
            x += canvas.text(keys, x: x, y: y, style: theme[.key]) + 1
            x += canvas.text(hint.action, x: x, y: y, style: theme[.muted]) + 2
        }
    }

    /// Draws `editor` after `question` on line `y`; returns where the text starts and the
    /// first character shown (the text scrolls to keep the cursor visible).
    @discardableResult
    private func drawEditor(_ canvas: inout Canvas, _ editor: LineEditor, question: String, y: Int,
                            width: Int) -> (x: Int, start: Int, room: Int) {
        let theme = workspace.theme
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.filterBar])
        let promptWidth = canvas.text(question, x: 0, y: y, style: theme[.filterBar].adding(.bold))
        let characters = Array(editor.text)
        let room = max(1, width - promptWidth - 1)
        let cursor = min(editor.cursor, characters.count)
        let under: Character = cursor < characters.count ? characters[cursor] : " "
        // The first character shown: as far left as lets the cursor's character fit, in cells.
        var start = cursor, used = DisplayWidth.of(Canvas.shown(under))
        while start > 0, used + DisplayWidth.of(Canvas.shown(characters[start - 1])) <= room {
            start -= 1
            used += DisplayWidth.of(Canvas.shown(characters[start]))
        }
        let shown = String(characters[start...])
        canvas.text(shown, x: promptWidth, y: y, style: theme[.filterBar], maxWidth: room)
        // Text scrolled out of view is marked as cut text is everywhere (never under the cursor).
        if start > 0, start < cursor { canvas.set(x: promptWidth, y: y, TextFit.ellipsis, style: theme[.filterBar]) }
        if !DisplayWidth.fits(shown, room) { canvas.set(x: width - 1, y: y, TextFit.ellipsis, style: theme[.filterBar]) }
        let cursorX = promptWidth + characters[start..<cursor].reduce(0) { $0 + DisplayWidth.of(Canvas.shown($1)) }
        canvas.set(x: cursorX, y: y, under, style: theme[.filterBar].adding(.reverse))
        return (promptWidth, start, room)
    }

    private func drawPrompt(_ canvas: inout Canvas, _ prompt: Prompt, width: Int, height: Int) {
        let theme = workspace.theme
        let editor = drawEditor(&canvas, prompt.editor, question: prompt.question, y: height - 2, width: width)
        if let problem = prompt.problem, let range = prompt.problemRange {
            drawProblem(&canvas, (problem, range), text: prompt.editor.text, editor: editor, y: height - 1, width: width)
            return
        }
        var hint = prompt.hint
        if prompt.purpose == .exportRows && !prompt.confirmingOverwrite { hint = workspace.exportRows.description + " · " + hint }
        let style = prompt.problem != nil ? theme[.error] : prompt.confirmingOverwrite ? theme[.statusAccent] : theme[.message]
        canvas.fittedText(prompt.problem ?? hint, x: 0, y: height - 1, style: style)
    }

    private func drawFilterBar(_ canvas: inout Canvas, _ bar: FilterBar, width: Int, height: Int) {
        let theme = workspace.theme
        let editor = drawEditor(&canvas, bar.editor, question: "filter: ", y: height - 2, width: width)
        if let problem = bar.problem {
            drawProblem(&canvas, problem, text: bar.text, editor: editor, y: height - 1, width: width)
        } else if let preview = bar.preview {
            canvas.fittedText("Enter: \(NumberFormatting.grouped(preview)) rows pass · Esc cancels · ↑↓ history", x: editor.x,
                              y: height - 1, style: theme[.message])
        }
    }

    /// A problem with an edited text on line `y`: carets under the characters it is about, and
    /// its message beside them.
    private func drawProblem(_ canvas: inout Canvas, _ problem: (message: String, range: Range<Int>), text: String,
                             editor: (x: Int, start: Int, room: Int), y messageY: Int, width: Int) {
        let theme = workspace.theme
        let (promptWidth, start, room) = editor
        let characters = Array(text)
        let caretStart = max(0, problem.range.lowerBound - start)
        let caretCount = max(1, min(problem.range.count, room - caretStart))
        let caretX = promptWidth + DisplayWidth.of(String(characters[start..<min(start + caretStart, characters.count)]))
        canvas.text(String(repeating: "^", count: caretCount), x: caretX, y: messageY, style: theme[.error])
        // After the caret when the message fits there, else before it, else where more of it fits.
        let messageX = caretX + caretCount + 1
        let needed = DisplayWidth.of(problem.message)
        let after = width - messageX, before = caretX - 1
        if needed <= after || (needed > before && after >= before) {
            canvas.fittedText(problem.message, x: messageX, y: messageY, style: theme[.error], maxWidth: max(0, after))
        } else {
            canvas.fittedText(problem.message, x: max(0, before - needed), y: messageY, style: theme[.error], maxWidth: max(0, before))
        }
    }

    private func box(_ canvas: inout Canvas, title: String) -> Rect {
        let width = min(canvas.width - 4, 112), height = canvas.height - 4
        let rect = Rect(x: (canvas.width - width) / 2, y: 1, width: width, height: height)
        canvas.fill(rect, style: workspace.theme[.text])
        drawFrame(&canvas, rect, title: title, focused: true)
        return rect.inset(by: 1)
    }

    private func drawHelp(_ canvas: inout Canvas, scroll: Int) {
        let theme = workspace.theme
        let interior = box(&canvas, title: "Help · Esc closes · ↑↓ scroll")
        // The focused pane's keys first: they are what the user is most likely looking for.
        var lines: [(String, String, Bool)] = []
        let ascii = workspace.glyphs.isASCII
        if let pane = workspace.panes[workspace.focus] {
            lines.append(("This pane: \(pane.title)", "", true))
            lines += KeyBindings.helpLines(for: pane, ascii: ascii).map { ($0.keys, $0.action, false) }
            lines.append(("", "", false))
        }
        lines.append(("Everywhere", "", true))
        lines += KeyBindings.globalHelpLines(ascii: ascii).map { ($0.keys, $0.action, false) }
        lines.append(("", "", false))
        lines.append(("Filters", "", true))
        lines += [("sex == \"Female\"", "comparisons: == != < <= > >=", false),
                  ("age between 30 and 40", "also: in (…), is null, ~ regex", false),
                  ("a and (b or not c)", "functions: abs log len lower contains", false)]
        let keyWidth = min(24, interior.width / 3)
        canvas.within(interior) { inner in
            for (index, line) in lines.dropFirst(min(scroll, max(0, lines.count - 1))).enumerated() where index < interior.height {
                if line.2 {
                    inner.fittedText(line.0, x: 1, y: index, style: theme[.header])
                } else {
                    inner.fittedText(line.0, x: 1, y: index, style: theme[.key], maxWidth: keyWidth)
                    inner.fittedText(line.1, x: keyWidth + 2, y: index, style: theme[.text], maxWidth: interior.width - keyWidth - 3)
                }
            }
        }
    }

    private func drawRow(_ canvas: inout Canvas, row: Int, scroll: Int) {
        let theme = workspace.theme
        let dataset = workspace.state.dataset
        let interior = box(&canvas, title: "Row \(row) · Esc closes · ↑↓ scroll")
        let nameWidth = min(max(dataset.columns.map { DisplayWidth.of($0.name) }.max() ?? 4, 4), interior.width / 3)
        var lines: [(String, String, CellStyle)] = []
        let selected = workspace.state.selection?.rows.contains(row) ?? false
        lines.append(("selected", selected ? "yes" : "no", selected ? theme[.selected] : theme[.muted]))
        // Only the lines up to the bottom of the window are made: a huge cell costs a screenful.
        let needed = scroll + interior.height
        for column in dataset.columns where lines.count < needed {
            let text: String
            if !column.isPresent(row) {
                text = "(missing)"
            } else if case .vector(let width, let values) = column.data {
                let shown = values[(row * width)..<(row * width + min(width, 8))].map { NumberFormatting.compact(Double($0)) }
                text = "[" + shown.joined(separator: ", ") + (width > 8 ? ", … (\(width) values)]" : "]")
            } else {
                text = column.text(at: row)
            }
            let wrapped = WrappedLines(text, width: max(8, interior.width - nameWidth - 3)).prefix(needed - lines.count)
            for (index, piece) in wrapped.enumerated() {
                lines.append((index == 0 ? column.name : "", piece, column.isPresent(row) ? theme[.text] : theme[.muted]))
            }
        }
        canvas.within(interior) { inner in
            for (index, line) in lines.dropFirst(min(scroll, max(0, lines.count - 1))).enumerated() where index < interior.height {
                inner.fittedText(line.0, x: 1, y: index, style: theme[.header], maxWidth: nameWidth)
                inner.fittedText(line.1, x: nameWidth + 2, y: index, style: line.2, maxWidth: interior.width - nameWidth - 3)
            }
        }
    }
}

/// File names for display.
enum URLName {
    /// The last path component of a path ("-" and names without slashes stay as they are).
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
