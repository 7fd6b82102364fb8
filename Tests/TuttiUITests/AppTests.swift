import Testing
import TuttiCore
import TuttiTerminal
import TuttiUI

/// The whole interface in process, from key presses to frames (see `AppDriver`).
@Suite struct AppTests {
    /// The focused pane's title: the text drawn in the focused-title style.
    static func focusedTitle(_ app: AppDriver) -> String {
        let frame = app.frame, style = Theme.fallback[.titleFocused]
        for y in 0..<frame.height - 2 {
            let title = (0..<frame.width).filter { frame[$0, y].style == style }.compactMap { frame[$0, y].character }
            if !title.isEmpty { return String(title).trimmingCharacters(in: .whitespaces) }
        }
        return ""
    }

    /// The selected count in the status line.
    static func selected(_ app: AppDriver) -> Int {
        let text = app.status.firstMatch(of: /([\d,]+) selected/).map { String($0.1) } ?? ""
        return Int(text.replacingOccurrences(of: ",", with: "")) ?? -1
    }

    /// Whether any pane but the focused histogram (the left half holds the summary, the rows
    /// the bottom) shows selected rows: ▓ in the other histogram, ● in the rows pane.
    static func selectionShownElsewhere(_ app: AppDriver) -> (otherHistogram: Bool, rows: Bool) {
        let lines = app.lines
        return (lines[8..<17].contains { $0.contains("▓") }, lines[18..<27].contains { $0.contains("●") })
    }

    @Test func slashOpensTheFilterBarAndEnterFilters() throws {
        let app = AppDriver()
        let passing = NumberFormatting.grouped(try FilterExpression("age >= 60", dataset: adult).evaluate(adult).count)
        app.press(.character("/"))
        #expect(app.status == "filter:")
        app.type("age >= 60")
        #expect(app.status == "filter: age >= 60")
        #expect(app.footer.contains("Enter: \(passing) rows pass"))
        app.press(.enter)
        #expect(app.status.contains("· \(passing) filtered ·") && app.status.contains("filter: age >= 60"))
        #expect(app.footer == "\(passing) rows pass the filter")
    }

    @Test func aBadFilterKeepsTheBarOpenWithTheProblem() {
        let app = AppDriver()
        app.press(.character("/"))
        app.type("agee > 1")
        app.press(.enter)
        #expect(app.status.hasPrefix("filter: agee > 1"))
        #expect(app.lines.joined().contains("agee"))
        #expect(!app.status.contains("filtered"))
        app.press(.escape)
        #expect(app.status.contains("48,842 filtered"))
    }

    @Test func tabAndShiftTabMoveTheFocus() {
        let app = AppDriver()
        #expect(Self.focusedTitle(app) == "Summary")
        var order: [String] = []
        for _ in 0..<4 {
            app.press(.tab)
            order.append(Self.focusedTitle(app))
        }
        #expect(order == ["Histogram: score", "Histogram: label", "Rows", "Summary"])
        app.press(KeyEvent(.tab, modifiers: .shift))
        #expect(Self.focusedTitle(app) == "Rows")
        #expect(app.footer.hasPrefix("↑↓"))
    }

    @Test func shiftRightOnAHistogramExtendsTheBrushAndTheOtherPanesShowIt() {
        let app = AppDriver()
        app.press(.tab)
        #expect(Self.selected(app) == 0)
        #expect(Self.selectionShownElsewhere(app) == (false, false))
        app.press(.shiftRight)
        let one = Self.selected(app)
        app.press(.shiftRight)
        let two = Self.selected(app)
        #expect(one > 0 && two > one, "\(one), \(two)")
        #expect(Self.selectionShownElsewhere(app) == (true, true))
        #expect(app.lines[1].contains("\(NumberFormatting.grouped(two)) selected"))
        app.press(.enter)
        #expect(Self.selected(app) == two)
        #expect(Self.selectionShownElsewhere(app) == (true, true))
    }

    @Test func escCancelsTheBrushThenClearsTheSelection() {
        let app = AppDriver()
        app.press(.tab, .shiftRight, .escape)
        #expect(Self.selected(app) == 0)
        #expect(Self.selectionShownElsewhere(app) == (false, false))
        app.press(.shiftRight, .enter)
        #expect(Self.selected(app) > 0)
        app.press(.escape)
        #expect(Self.selected(app) == 0)
        #expect(app.status.hasSuffix("selection cleared"))
        #expect(Self.selectionShownElsewhere(app) == (false, false))
    }

    @Test func undoAndRedoTheFilter() {
        let app = AppDriver()
        app.press(.character("/"))
        app.type("age >= 60")
        app.press(.enter)
        let filtered = app.status
        #expect(filtered.contains("filter: age >= 60"))
        app.press(.character("u"))
        #expect(app.status.contains("· 48,842 filtered ·") && !app.status.contains("filter:"))
        #expect(app.status.hasSuffix("undone"))
        app.press(.ctrl("r"))
        #expect(app.status.hasPrefix(filtered))
        #expect(app.status.hasSuffix("redone"))
        app.press(.character("u"), .character("u"))
        #expect(app.status.hasSuffix("nothing to undo"))
    }

    @Test func qQuits() {
        let app = AppDriver()
        #expect(!app.wantsQuit)
        app.press(.character("q"))
        #expect(app.wantsQuit)
    }
}
