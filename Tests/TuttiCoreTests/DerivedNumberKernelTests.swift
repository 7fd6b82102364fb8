import Testing
@testable import TuttiCore

/// The number paths of derived columns: constants as scalars, integer results written as
/// integers, and chunks writing into one column on all cores.
@Suite struct DerivedNumberKernelTests {
    /// More rows than `PlanRunner.parallelRows`, so that chunks run in parallel; `x` is
    /// missing every 7th row, `half` is 0.5 and `zero` 0 on every row.
    static func table() throws -> Dataset {
        var csv = "x,n,half,zero,t\n"
        for row in 0..<(PlanRunner.parallelRows + 1_000) {
            let x = row % 7 == 0 ? "" : String(Double(row % 1_000) / 8 - 60)
            let n = row % 11 == 0 ? "" : String(row - 30_000)
            csv += "\(x),\(n),0.5,0,\(2_000 + row % 30)-0\(1 + row % 9)-1\(row % 10)T0\(row % 10):00:00Z\n"
        }
        return try load(csv).dataset
    }

    @Test func aConstantOperandGivesWhatAColumnOfItGives() throws {
        let data = try Self.table().adding([
            DerivedColumn(name: "a", expression: "x - 0.5"), DerivedColumn(name: "b", expression: "x - half"),
            DerivedColumn(name: "c", expression: "0.5 * x"), DerivedColumn(name: "d", expression: "half * x"),
            DerivedColumn(name: "e", expression: "x / 0"), DerivedColumn(name: "f", expression: "x / zero"),
            DerivedColumn(name: "g", expression: "3 % x"), DerivedColumn(name: "h", expression: "(half * 6) % x"),
        ])
        for (scalar, vector) in [("a", "b"), ("c", "d"), ("e", "f"), ("g", "h")] {
            #expect(cells(data, scalar) == cells(data, vector))
        }
        #expect(cells(data, "a").filter { $0 == nil }.count == (PlanRunner.parallelRows + 1_000 + 6) / 7)
        #expect(cells(data, "e").allSatisfy { $0 == nil })
        #expect(cells(data, "a")[1] == String(1.0 / 8 - 60 - 0.5))
    }

    @Test func wholeNumbersMakeIntegerColumnsWithMissingValuesKept() throws {
        let data = try Self.table().adding([
            DerivedColumn(name: "m", expression: "n * 2 + 1"), DerivedColumn(name: "y", expression: "year(t)"),
            DerivedColumn(name: "h", expression: "hour(t) - 1"), DerivedColumn(name: "w", expression: "x * 2"),
        ])
        #expect(data.column(named: "m")?.kind == .integer)
        #expect(data.column(named: "y")?.kind == .integer)
        #expect(data.column(named: "h")?.kind == .integer)
        #expect(data.column(named: "w")?.kind == .float)
        let rows = PlanRunner.parallelRows + 1_000
        #expect(cells(data, "m") == (0..<rows).map { $0 % 11 == 0 ? nil : String(($0 - 30_000) * 2 + 1) })
        #expect(cells(data, "y") == (0..<rows).map { String(2_000 + $0 % 30) })
        #expect(cells(data, "h") == (0..<rows).map { String($0 % 10 - 1) })
    }
}
