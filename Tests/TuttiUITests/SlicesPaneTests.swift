import Foundation
import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The slices pane with group columns: one section per group, slices found within each.
@Suite struct SlicesPaneSectionTests {
    static func grouped(_ columns: [String]) throws -> ExplorerState {
        try Explorer.reduce(ExplorerState(dataset: adult, roles: adultRoles), .setGroupColumns(columns)).0
    }

    /// The slice the pane selects on Enter.
    static func selection(_ pane: SlicesPane, _ context: PaneContext) -> (RowSet, [SlicePredicate])? {
        var pane = pane
        guard case .dispatch(.select(let rows, .slice(let predicates))) = pane.send(.enter, context: context).first else {
            return nil
        }
        return (rows, predicates)
    }

    @Test func oneSectionPerSplitWithTheSlicesFoundInIt() throws {
        let state = try Self.grouped(["split"])
        var pane = SlicesPane()
        let context = paneContext(state)
        // Every slice found, similar ones included.
        pane.layOut(context, width: 80, height: 20)  // as the app does before the first key
        _ = pane.send(.action(.toggleDiverse), context: context)
        let lines = render(&pane, context, width: 150, height: 30).lines
        #expect(lines[0].hasPrefix("split: 2 groups · 20 slices · sorted by error ↓ · all rows "))
        #expect(lines[0].hasSuffix("left out income (copies the label)"))
        #expect(lines[1].contains("rows  selected    error      gap"))
        // Headings hold the group's size; slices are indented below them and never cut by split or income.
        #expect(lines[2].hasPrefix("   32,561         0") && lines[2].hasSuffix("split == \"train\""))
        let test = try #require(lines.firstIndex { $0.hasSuffix("split == \"test\"") })
        #expect(test == 13 && lines[test].hasPrefix("   16,281"))
        let slices = lines[3..<13] + lines[14..<24]
        #expect(slices.allSatisfy { $0.contains("     ") && !$0.contains("split") && !$0.contains("income") })
        // Within a section the slices are sorted by error, worst first.
        let errors = lines[3..<13].compactMap { Double($0.split(separator: " ")[2]) }
        #expect(errors.count == 10 && errors == errors.sorted(by: >))

        let (rows, predicates) = try #require(Self.selection(pane, context))
        #expect(predicates.first == SlicePredicate(column: "split", op: "==", value: "\"train\""))
        #expect(try FilterExpression(SliceReport.expression(predicates), dataset: adult).evaluate(adult) == rows)
        let selected = try Explorer.reduce(state, .select(rows, .slice(predicates))).0
        let after = render(&pane, paneContext(selected), width: 150, height: 30).lines
        let count = NumberFormatting.grouped(rows.count)
        #expect(after[2].hasPrefix("   32,561" + String(repeating: " ", count: 10 - count.count) + count))
        #expect(after[3].contains(count))
        #expect(after[13].hasPrefix("   16,281         0"))
    }

    @Test func theCursorSkipsHeadingsAndScrollsToTheNextSection() throws {
        let state = try Self.grouped(["split"])
        var pane = SlicesPane()
        let context = paneContext(state)
        // Every slice found, similar ones included.
        pane.layOut(context, width: 80, height: 20)  // as the app does before the first key
        _ = pane.send(.action(.toggleDiverse), context: context)
        _ = render(&pane, context, width: 150, height: 10)
        for _ in 0..<10 { _ = pane.send(.down, context: context) }
        #expect(pane.cursor == 10)
        let lines = render(&pane, context, width: 150, height: 10).lines
        // The first slice of a section comes into view with its heading: slices 5 to 9 of the
        // first section, the second's heading, its first slice; below, the cursor's slice whole.
        #expect(lines[7].hasSuffix("split == \"test\""))
        #expect(lines[9].hasPrefix("▶ split == \"test\" and "))
        #expect(lines[2...6].allSatisfy { !$0.hasSuffix("\"train\"") } && !lines[8].contains("split"))
        let (_, predicates) = try #require(Self.selection(pane, context))
        #expect(predicates.first == SlicePredicate(column: "split", op: "==", value: "\"test\""))
        _ = pane.send(.up, context: context)
        let back = try #require(Self.selection(pane, context))
        #expect(back.1.first == SlicePredicate(column: "split", op: "==", value: "\"train\""))
        // A click on a heading leaves the cursor where it is; one on a slice moves it there.
        _ = pane.send(.mousePress(x: 3, y: 7), context: context)
        #expect(pane.cursor == 9)
        _ = pane.send(.mousePress(x: 3, y: 2), context: context)
        #expect(pane.cursor == 5)
    }

    @Test func moreGroupColumnsGroupEachSection() throws {
        let state = try Self.grouped(["sex", "race"])
        var pane = SlicesPane()
        let context = paneContext(state)
        let lines = render(&pane, context, width: 120, height: 20).lines
        #expect(pane.title == "Slices: groups")
        #expect(lines[0].hasPrefix("sex: 2 groups · 10 slices"))
        #expect(lines[2].hasSuffix("sex == \"Male\"") && lines[8].hasSuffix("sex == \"Female\""))
        #expect(lines[3...7].allSatisfy { $0.contains("  race == ") })
        let (rows, predicates) = try #require(Self.selection(pane, context))
        #expect(predicates.map(\.column) == ["sex", "race"])
        #expect(try FilterExpression(SliceReport.expression(predicates), dataset: adult).evaluate(adult) == rows)
        guard case .message(let text) = pane.send(.action(.halveMinimumSize), context: context).first else {
            Issue.record("[ did not explain itself")
            return
        }
        #expect(text.contains("found slices"))
    }

    @Test func gapsAreSignedFixedDecimals() throws {
        #expect(SliceRowDrawer.gapText(0.0341) == "+0.034" && SliceRowDrawer.gapText(-0.0671) == "-0.067")
        #expect([7.08e-17, -0.0004, 0, -0.0].allSatisfy { SliceRowDrawer.gapText($0) == "±0.000" })
        #expect(SliceRowDrawer.gapText(0.0005) == "+0.001" && SliceRowDrawer.gapText(-123.4) == "-123")
        // Every gap on screen, headings' and slices', is written so.
        let lines = render(SlicesPane(), paneContext(try Self.grouped(["sex", "race"])), width: 120, height: 20).lines
        let start = SliceRowDrawer.widths.prefix(3).reduce(1) { $0 + $1 + 1 }
        let gaps = lines.dropFirst(2).map {
            String($0.dropFirst(start).prefix(SliceRowDrawer.widths[3])).trimmingCharacters(in: .whitespaces)
        }
        #expect(gaps.filter { !$0.isEmpty }.count >= 10)
        #expect(gaps.allSatisfy { $0.isEmpty || $0.wholeMatch(of: /[+-]\d+\.\d{3}|±0\.000/) != nil }, "\(gaps)")
    }

    @Test func computeReportsProgressAndStopsWhenCancelled() throws {
        let state = try Self.grouped(["sex"])
        let fractions = Mutex<[Double]>([]), details = Mutex<Set<String>>([])
        let model = try SliceSections.compute(state: state, options: SliceSectionOptions(sortMetric: .fnr, minimumSize: 200)) {
            progress in
            fractions.withLock { $0.append(progress.fraction) }
            details.withLock { _ = $0.insert(progress.detail) }
        }
        #expect(details.withLock { $0.contains("group 2 of 2, level 3 of 3") && $0.contains("group 1 of 2") })
        #expect(model.sections.map(\.rows.count) == [32_650, 16_192])
        #expect(model.sections.allSatisfy { $0.minimumSize == 200 && $0.slices.allSatisfy { $0.entry.metrics.size >= 200 } })
        #expect(model.sortMetric == .fnr && model.excluded.contains(ExcludedColumn(name: "sex", reason: .group)))
        let seen = fractions.withLock { $0 }
        #expect(!seen.isEmpty && seen.allSatisfy { (0...1).contains($0) } && seen.contains { $0 >= 0.5 })
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TuttiError.self) {
            try SliceSections.compute(state: state, options: SliceSectionOptions(), work: WorkContext(cancellation: flag))
        }
    }
}

/// The slices pane in narrow panes: the slice column keeps its room, and the cursor's slice
/// shows whole below the table when the table cuts slices.
@Suite struct SlicesPaneNarrowTests {
    static let state = ExplorerState(dataset: adult, roles: adultRoles)

    /// The cursor's slice as Enter selects it.
    static func focused(_ pane: SlicesPane, _ context: PaneContext) throws -> String {
        let predicates = try #require(SlicesPaneSectionTests.selection(pane, context)).1
        return SliceReport.expression(predicates)
    }

    @Test func aNarrowPaneDropsNumberColumnsBeforeTheSlice() throws {
        var pane = SlicesPane()
        let context = paneContext(Self.state)
        pane.layOut(context, width: 80, height: 20)  // as the app does before the first key
        _ = pane.send(.action(.toggleDiverse), context: context)  // every slice, similar ones included
        // 40 columns (a pane beside another at 80): rows, the sort metric, and the slice.
        let lines = render(&pane, context, width: 40, height: 12).lines
        #expect(lines[1] == "     rows    error slice")
        let expression = try Self.focused(pane, context)
        let first = try #require(expression.split(separator: " ").first)
        #expect(lines[2].hasPrefix("    4,899    0.252 " + first) && lines[2].hasSuffix("…"))
        // Below the table, the cursor's slice whole, wrapped.
        let focus = try #require(lines.firstIndex { $0.hasPrefix("▶ ") })
        #expect(focus == 8 && lines[8...].allSatisfy { $0.count <= 40 })
        #expect(lines[8...].joined(separator: " ") == "▶ " + expression)
        // Down moves the line to the next slice.
        _ = pane.send(.down, context: context)
        let next = render(&pane, context, width: 40, height: 12).lines
        #expect(next[8].hasPrefix("▶ " + (try Self.focused(pane, context)).prefix(10)) && next[8] != lines[8])
        // A click on those lines is no click on the table's rows behind them.
        _ = pane.send(.mousePress(x: 3, y: 9), context: context)
        #expect(pane.cursor == 1)
        // Too low for all that: the titles go, then the header; the cursor's row stays.
        let low = render(&pane, context, width: 38, height: 5).lines
        let second = try Self.focused(pane, context)
        #expect(low[0].hasPrefix("    0.2") && low[0].contains(String(second.prefix(12))) && !low.contains { $0.contains("sorted by") },
                "\(low)")
        let lowFocus = low[1...].filter { !$0.isEmpty }.joined(separator: " "), focusedNow = try Self.focused(pane, context)
        #expect(lowFocus == "▶ " + focusedNow || lowFocus == focusedNow, "\(low)")
    }

    @Test func widePanesKeepEveryColumnAndShowTheCursorsSliceWhole() throws {
        var pane = SlicesPane()
        let context = paneContext(Self.state)
        pane.layOut(context, width: 80, height: 20)  // as the app does before the first key
        _ = pane.send(.action(.toggleDiverse), context: context)  // every slice, similar ones included
        pane.layOut(context, width: 80, height: 20)
        let expression = try Self.focused(pane, context)
        for width in [80, 160] {
            let lines = render(&pane, context, width: width, height: 16).lines
            #expect(lines[1].contains("rows  selected    error      gap") && lines[1].hasSuffix("slice"))
            // A slice cut in the table ends with an ellipsis; then the cursor's slice reads whole below.
            let table = lines[2..<12]
            #expect(table.allSatisfy { $0.hasSuffix("…") || $0.hasSuffix("\"") || $0.last?.isNumber == true || $0.isEmpty })
            if table.contains(where: { $0.hasSuffix("…") }) {
                let focus = try #require(lines.firstIndex { $0.hasPrefix("▶ ") })
                #expect(lines[focus...].joined(separator: " ").trimmingCharacters(in: .whitespaces) == "▶ " + expression)
            }
        }
        // When every slice fits, no line is spent on it.
        let all = render(&pane, context, width: 400, height: 16).lines
        #expect(!all.contains { $0.hasPrefix("▶") } && all.contains { $0.hasSuffix(expression) })
    }
}

/// The slices pane when no column is left to search.
@Suite struct SlicesPaneNothingToSearchTests {
    static let csv = "split,label,prediction\n" + (0..<40).map { i in
        i < 20 ? "train,1,\(i % 10 == 0 ? 0 : 1)" : "test,1,\(i % 2)"
    }.joined(separator: "\n")

    @Test func hintsToGroupAndShowsTheGroupsAsSlices() throws {
        let data = try DatasetLoader.load(bytes: Array(Self.csv.utf8), name: "splits.csv").dataset
        let state = ExplorerState(dataset: data, roles: ColumnRoles.infer(from: data))
        var pane = SlicesPane()
        let alone = render(&pane, paneContext(state), width: 100, height: 10)
        #expect(alone.text.contains("no column to search for slices: press b on a column in the summary"))

        let grouped = try Explorer.reduce(state, .setGroupColumns(["split"])).0
        let lines = render(&pane, paneContext(grouped), width: 100, height: 10).lines
        #expect(lines[0].hasPrefix("split: no other column to search, its groups are the slices · 2 slices"))
        let test = try #require(lines.first { $0.hasSuffix("split == \"test\"") })
        let train = try #require(lines.first { $0.hasSuffix("split == \"train\"") })
        #expect(test.contains(" 0.5 ") && train.contains(" 0.1 "))
        #expect(lines.firstIndex(of: test)! < lines.firstIndex(of: train)!)
    }
}
