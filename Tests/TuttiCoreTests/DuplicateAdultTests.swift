import Testing
@testable import TuttiCore

/// The known facts about UCI Adult (see shared/data/README.md), measured with pandas.
@Suite struct DuplicateAdultTests {
    static let roles = ColumnRoles.infer(from: adult)

    @Test func exactDuplicatesAndLeaks() throws {
        let options = DuplicateOptions(exact: true, leaks: true)
        let report = try DuplicateSearch(dataset: adult, roles: Self.roles, options: options).run()
        #expect(!report.comparedColumns.contains("split"))
        #expect(report.summary.exactClusters == 49)
        #expect(report.summary.exactExtraRows == 52)
        let leaks = report.clusters(of: .leak)
        #expect(leaks.count == 23)
        #expect(leaks.reduce(0) { $0 + ($1.splits["test"] ?? 0) } == 23)
        #expect(leaks.reduce(0) { $0 + ($1.splits["train"] ?? 0) } == 25)
    }

    @Test func comparingTheSplitToo() throws {
        let options = DuplicateOptions(columns: adult.columnNames.filter { !["prediction", "score", "loss"].contains($0) })
        let report = try DuplicateSearch(dataset: adult, roles: Self.roles, options: options).run()
        #expect(report.summary.exactExtraRows == 29)
    }

    /// `income` is the raw label (`label` is derived from it): found to be a copy of the label, it is
    /// left out of the features, as when ignored.
    @Test(arguments: [[], ["income"]])
    func labelConflicts(ignoring: [String]) throws {
        let options = DuplicateOptions(exact: false, conflicts: true, ignoredColumns: ignoring)
        let report = try DuplicateSearch(dataset: adult, roles: Self.roles, options: options).run()
        #expect(report.labelCopies == (ignoring.isEmpty ? ["income"] : []))
        let conflicts = report.clusters(of: .conflict)
        #expect(conflicts.count == 5)
        #expect(conflicts.reduce(0) { $0 + $1.size } == 10)
        #expect(conflicts.allSatisfy { $0.labels == ["0": 1, "1": 1] })
    }
}
