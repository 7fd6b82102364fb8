import Testing
@testable import TuttiCore

/// A sample pulled from an engine gets the column kinds a file would: strings that repeat become
/// categorical (missing values kept), strings that do not stay text.
@Suite struct EngineSampleTests {
    @Test func repeatedStringsBecomeCategories() throws {
        let present = RowSet(rowCount: 6, rows: [0, 1, 2, 4, 5])
        let rows = Dataset(source: "db", rowCount: 6, columns: [
            Column(name: "sex", data: .text(StringTable(["F", "M", "F", "", "M", "F"])), validity: present),
            Column(name: "note", data: .text(StringTable(["a", "b", "c", "d", "e", "f"])), validity: RowSet(rowCount: 6, allSet: true)),
            Column(name: "n", data: .integer([1, 2, 3, 4, 5, 6]), validity: RowSet(rowCount: 6, allSet: true)),
        ])
        let sample = EngineSample(rows: rows, estimatedRows: 1000)
        #expect(sample.estimatedRows == 1000)
        #expect(sample.dataset.columns.map(\.kind) == [.categorical, .text, .integer])
        let sex = sample.dataset.columns[0]
        #expect((0..<6).map { sex.isPresent($0) ? sex.text(at: $0) : nil } == ["F", "M", "F", nil, "M", "F"])
        let binning = try ColumnBinning(dataset: sample.dataset, column: "sex", bins: 5)
        #expect(binning.totals == [3, 2, 1])
    }
}
