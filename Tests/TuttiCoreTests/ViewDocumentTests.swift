import Foundation
import Testing
@testable import TuttiCore

@Suite struct ViewDocumentTests {
    /// A histogram beside a stack of the slices pane (sorted) and the summary.
    static let layout = LayoutNode.split(.horizontal, [
        .pane(ViewPane(kind: .histogram, settings: PaneSettings(column: "hours_per_week", bins: 24))),
        .split(.vertical, [
            .pane(ViewPane(kind: .slices, settings: PaneSettings(sortMetric: "error_rate", descending: true))),
            .pane(ViewPane(kind: .summary)),
        ], weights: [1, 1]),
    ], weights: [2, 1])

    func fresh(_ dataset: Dataset = adult) -> Explorer {
        Explorer(state: ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset)))
    }

    /// Adult filtered to `age > 40`, a brush on `hours_per_week` and two group columns.
    func brushedAdult() throws -> Explorer {
        var explorer = fresh()
        try explorer.apply(.setFilter("age > 40"))
        let binning = try ColumnBinning(dataset: adult, column: "hours_per_week", bins: 24)
        try explorer.apply(.select(binning.rows(in: 8...10), .brush(column: "hours_per_week", range: binning.range(of: 8...10))))
        try explorer.apply(.setGroupColumns(["sex", "split"]))
        return explorer
    }

    /// Writes `view` into `folder` and reads it back.
    func saved(_ view: ViewDocument, in folder: TemporaryFolder) throws -> ViewDocument {
        let path = folder.url.appendingPathComponent("session.tutti.json").path
        try view.write(to: path, overwrite: false)
        return try ViewDocument.read(path: path)
    }

    @Test func roundTripOnTheSameDataRestoresEverything() throws {
        let explorer = try brushedAdult()
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: 1, theme: "light")
        let folder = try TemporaryFolder()
        let read = try saved(view, in: folder)
        #expect(read == view)
        let restored = try read.restore(on: adult, roles: ColumnRoles.infer(from: adult))
        #expect(restored.warnings.isEmpty)
        let state = restored.explorer.state
        #expect(state.filter == explorer.state.filter)
        #expect(state.selection == explorer.state.selection)
        #expect(state.groupColumns == ["sex", "split"])
        #expect(state.roles == explorer.state.roles)
        #expect(restored.layout == Self.layout)
        #expect(restored.focus == 1)
        #expect(restored.theme == "light")
        #expect(!restored.explorer.canUndo)
    }

    @Test func theFileIsReadableSnakeCaseJSON() throws {
        let explorer = try brushedAdult()
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: 0, theme: nil)
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v.json").path
        try view.write(to: path, overwrite: false)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"dataset\" : {"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"group_columns\" : ["))
        #expect(text.contains("\"sort_metric\" : \"error_rate\""))
        #expect(text.contains("\"expression\" : \"age > 40\""))
        #expect(text.contains("\"description\" : \"age > 40\""))
        #expect(!text.contains("\"theme\""))
        // Arrays of numbers take one line each: the weights, every row range.
        #expect(text.contains("\"weights\" : [2, 1]"))
        let first = try #require(view.selection?.rows.ranges.first)
        #expect(text.contains("\"rows\" : [\n      [\(first.lowerBound), \(first.upperBound)],\n"))
        #expect(view.selection?.expression == SelectionExpression.text(for: explorer.state.selection!.source, dataset: adult))
        #expect(view.selection?.count == explorer.state.selection?.rows.count)
        #expect(view.dataset.fingerprint.rows == 48_842)
    }

    @Test func rowListFilterAndPickedRowsRoundTrip() throws {
        var explorer = fresh()
        for row in [5, 9, 70] { try explorer.apply(.toggleRow(row)) }
        try explorer.apply(.filterToSelection)
        for row in [100, 101, 48_841] { try explorer.apply(.toggleRow(row)) }
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: nil, theme: nil)
        #expect(view.filter.expression == nil)
        #expect(view.filter.rows?.ranges == [5...5, 9...9, 70...70])
        #expect(view.selection?.rows.ranges == [100...101, 48_841...48_841])
        // Adult has no id column, so picked rows are saved by row number only.
        #expect(view.selection?.ids == nil)
        let folder = try TemporaryFolder()
        let restored = try saved(view, in: folder).restore(on: adult, roles: ColumnRoles.infer(from: adult))
        #expect(restored.warnings.isEmpty)
        #expect(restored.explorer.state.filter == explorer.state.filter)
        #expect(restored.explorer.state.selection == explorer.state.selection)
        #expect(restored.focus == nil)
    }

    @Test func aRowListFilterKeepsItsDescription() throws {
        var explorer = fresh()
        try explorer.apply(.toggleRow(2))
        try explorer.apply(.filterToSelection)
        try explorer.apply(.select(RowSet(rowCount: adult.rowCount, rows: [2, 3]),
                                   .slice([SlicePredicate(column: "sex", op: "==", value: "\"Male\"")])))
        // Filtering a row list to a slice keeps a row list, described by the slice's expression.
        try explorer.apply(.filterToSelection)
        #expect(!explorer.state.filter.isExpression)
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: nil, theme: nil)
        #expect(view.filter.description == "sex == \"Male\"")
        let restored = try view.restore(on: adult, roles: ColumnRoles.infer(from: adult))
        #expect(restored.warnings.isEmpty)
        #expect(restored.explorer.state.filter == explorer.state.filter)
    }

    @Test func changedDataReappliesByExpression() throws {
        let explorer = try brushedAdult()
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: 1, theme: nil)
        let kept = RowSet(rowCount: adult.rowCount, allSet: true).subtracting(RowSet(rowCount: adult.rowCount, rows: [0, 7]))
        let changed = try roundTrip(RowExporter(dataset: adult, rows: kept), name: "adult.csv")
        let restored = try view.restore(on: changed, roles: ColumnRoles.infer(from: changed))
        #expect(restored.warnings == [
            "the data changed since the view was saved (48,842 → 48,840 rows): the filter and selection were re-applied by expression",
        ])
        let state = restored.explorer.state
        #expect(state.filter.rows == (try FilterExpression("age > 40", dataset: changed).evaluate(changed)))
        let selectionExpression = try #require(view.selection?.expression)
        let expected = try FilterExpression(selectionExpression, dataset: changed).evaluate(changed)
        #expect(state.selection?.rows == expected)
        #expect(state.selection?.source == explorer.state.selection?.source)
        #expect(state.groupColumns == ["sex", "split"])
    }

    @Test func changedDataPutsRowListsBackByRowNumber() throws {
        var explorer = fresh()
        for row in [1, 48_841] { try explorer.apply(.toggleRow(row)) }
        try explorer.apply(.filterToSelection)
        for row in [3, 48_840, 48_841] { try explorer.apply(.toggleRow(row)) }
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: nil, theme: nil)
        let kept = RowSet(rowCount: adult.rowCount, allSet: true).subtracting(RowSet(rowCount: adult.rowCount, rows: [0, 1]))
        let changed = try roundTrip(RowExporter(dataset: adult, rows: kept), name: "adult.csv")
        let restored = try view.restore(on: changed, roles: ColumnRoles.infer(from: changed))
        #expect(restored.warnings == [
            "the data changed since the view was saved (48,842 → 48,840 rows)",
            "the filter is a list of rows; it was re-applied by row number; 1 row past the end was dropped",
            "the selection was re-applied by row number; 2 rows past the end were dropped",
        ])
        #expect(restored.explorer.state.filter.rows.members == [1])
        #expect(!restored.explorer.state.filter.isExpression)
        #expect(restored.explorer.state.selection?.rows.members == [3])
        #expect(restored.explorer.state.selection?.source == .rows)
    }

    @Test func changedDataFindsPickedRowsByTheirIds() throws {
        let ids = (0..<20).map { 100 + $0 }
        let original = try load("id,x\n" + ids.map { "\($0),\($0 % 3)\n" }.joined()).dataset
        var explorer = fresh(original)
        for row in [2, 5, 19] { try explorer.apply(.toggleRow(row)) }
        let view = ViewDocument(state: explorer.state, datasetPath: "ids.csv", layout: Self.layout, focus: nil, theme: nil)
        #expect(view.selection?.ids == ["102", "105", "119"])
        // Rows 0 and 1 and the last one (id 119) are gone: ids 102 and 105 are now rows 0 and 3.
        let changed = try load("id,x\n" + ids[2..<19].map { "\($0),\($0 % 3)\n" }.joined()).dataset
        let restored = try view.restore(on: changed, roles: ColumnRoles.infer(from: changed))
        #expect(restored.warnings == [
            "the data changed since the view was saved (20 → 17 rows)",
            "the selection was found by its ids in column 'id': 1 of 3 ids are no longer in the data",
        ])
        #expect(restored.explorer.state.selection?.rows.members == [0, 3])
    }

    @Test func partsWhoseColumnsAreGoneAreDroppedWithWarnings() throws {
        var explorer = fresh()
        try explorer.apply(.setFilter("hours_per_week > 40"))
        try explorer.apply(.select(RowSet(rowCount: adult.rowCount, rows: [1, 2]),
                                   .slice([SlicePredicate(column: "split", op: "==", value: "\"test\"")])))
        try explorer.apply(.setGroupColumns(["sex", "split"]))
        let view = ViewDocument(state: explorer.state, datasetPath: "adult.csv", layout: Self.layout, focus: 7, theme: nil)
        let columns = try adult.columns(named: adult.columnNames.filter { $0 != "hours_per_week" && $0 != "split" })
        let changed = try roundTrip(RowExporter(dataset: adult, columns: columns), name: "adult.csv")
        let restored = try view.restore(on: changed, roles: ColumnRoles.infer(from: changed))
        #expect(restored.warnings == [
            "the data changed since the view was saved (the columns changed): the filter and selection were re-applied by expression",
            "the split column 'split' is not in the data; the split role was not restored",
            "the filter `hours_per_week > 40` no longer applies (unknown column 'hours_per_week'); it was dropped",
            "the selection `split == \"test\"` no longer applies (unknown column 'split'); it was dropped",
            "the group column 'split' is not in the data; it was skipped",
            "the view's focus (7) is not one of its 3 panes (0 to 2); no pane was focused",
        ])
        let state = restored.explorer.state
        #expect(state.filter.isEmpty)
        #expect(state.selection == nil)
        #expect(state.groupColumns == ["sex"])
        #expect(restored.focus == nil)
    }

    @Test func writeRefusesToReplaceAFileUnlessAsked() throws {
        let view = ViewDocument(state: fresh().state, datasetPath: "adult.csv", layout: .pane(ViewPane(kind: .rows)),
                                focus: 0, theme: nil)
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v.json").path
        try view.write(to: path, overwrite: false)
        #expect(throws: TuttiError("exists; use --force to overwrite", file: path)) {
            try view.write(to: path, overwrite: false)
        }
        try view.write(to: path, overwrite: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["v.json"])
        let layout = LayoutNode.split(.vertical, [.pane(ViewPane(kind: .rows)), .pane(ViewPane(kind: .summary))],
                                      weights: [.infinity, 1])
        let infinite = ViewDocument(state: fresh().state, datasetPath: "adult.csv", layout: layout, focus: nil, theme: nil)
        let other = folder.url.appendingPathComponent("w.json").path
        #expect(throws: TuttiError.self) { try infinite.write(to: other, overwrite: false) }
        #expect(!FileManager.default.fileExists(atPath: other))
        let missing = folder.url.appendingPathComponent("nowhere/v.json").path
        #expect(throws: TuttiError("the folder \(folder.url.path)/nowhere does not exist", file: missing)) {
            try view.write(to: missing, overwrite: false)
        }
    }
}
