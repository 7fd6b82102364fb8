import Testing
@testable import TuttiCore

/// Wide tables load in time linear in their columns, and say briefly what they renamed.
@Suite struct WideTableTests {
    @Test func manyDuplicateNamesAreRenamedAndSummarised() throws {
        let header = Array(repeating: "x", count: 20_000).joined(separator: ",")
        let row = Array(repeating: "1", count: 20_000).joined(separator: ",")
        let result = try load(header + "\n" + row + "\n")
        let names = result.dataset.columnNames
        #expect(names.count == 20_000 && Set(names).count == 20_000)
        #expect(names.prefix(3) == ["x", "x_2", "x_3"] && names.last == "x_20000")
        #expect(result.warnings.map(\.message) == [
            "test.csv: duplicate column names renamed: 'x' → 'x_2', 'x' → 'x_3', 'x' → 'x_4', 'x' → 'x_5', 'x' → 'x_6' and 19,994 more",
        ])
        #expect(result.dataset.columnIndex(named: "x_12345") == 12_344)
    }

    @Test func renamesSkipNamesAlreadyTaken() throws {
        let result = try load("a,a,a_2,a,,b\n1,2,3,4,5,6\n")
        #expect(result.dataset.columnNames == ["a", "a_2", "a_2_2", "a_3", "column_5", "b"])
        #expect(result.warnings.map(\.message)
            == ["test.csv: duplicate column names renamed: 'a' → 'a_2', 'a_2' → 'a_2_2', 'a' → 'a_3'"])
    }
}
