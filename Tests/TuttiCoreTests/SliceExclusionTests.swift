import Testing
@testable import TuttiCore

/// Which columns a slice search cuts by default, and those it leaves out with the reason.
@Suite struct SliceExclusionTests {
    static let features = ["age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
                           "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country"]

    @Test func adultLeavesOutTheLabelCopyRolesAndOutputs() {
        let roles = ColumnRoles.infer(from: adult)
        let columns = SliceSearchColumns(dataset: adult, roles: roles, rows: RowSet(rowCount: adult.rowCount, allSet: true))
        #expect(columns.searched == Self.features)
        #expect(columns.excluded == [
            ExcludedColumn(name: "income", reason: .copies(.label)), ExcludedColumn(name: "split", reason: .role(.split)),
            ExcludedColumn(name: "label", reason: .role(.label)), ExcludedColumn(name: "prediction", reason: .role(.prediction)),
            ExcludedColumn(name: "score", reason: .role(.score)), ExcludedColumn(name: "loss", reason: .role(.loss)),
        ])
        #expect(columns.excluded.map(\.because) == ["copies the label", "split column", "label column", "prediction column",
                                                    "score column", "loss column"])
    }

    @Test func adultDiscoveryNeverSlicesByIncome() throws {
        let roles = ColumnRoles.infer(from: adult)
        let evaluator = try SliceEvaluator(dataset: adult, roles: roles)
        let test = try FilterExpression("split == \"test\"", dataset: adult).evaluate(adult)
        let report = try SliceReport.discovered(dataset: adult, roles: roles, evaluator: evaluator, objective: .error,
                                                options: SliceLineOptions(maxLevel: 2), ordering: .all, filter: test)
        #expect(report.entries.count == 10)
        #expect(report.search?.features.map(\.column) == Self.features)
        #expect(report.entries.allSatisfy { entry in !entry.predicates.contains { $0.column == "income" } })
        #expect(report.excludedColumns.first == ExcludedColumn(name: "income", reason: .copies(.label)))
        // Named columns are searched as named, copies included.
        let named = try SliceReport.discovered(dataset: adult, roles: roles, evaluator: evaluator, objective: .error,
                                               columns: ["income", "sex"], options: SliceLineOptions(maxLevel: 1), filter: test)
        #expect(named.excludedColumns.isEmpty)
        #expect(named.search?.features.map(\.column) == ["income", "sex"])
    }

    @Test func copiesOfThePredictionTextAndGroupColumns() throws {
        let dataset = makeDataset([
            "a": .integers([1, 2, 3, 1, 2, 3]), "label": .integers([0, 1, 0, 1, 0, 1]),
            "prediction": .integers([0, 0, 1, 1, 0, 0]), "verdict": .categorical(["no", "no", "yes", "yes", "no", "no"]),
            "note": .text(["x a", "y b", "z c", "w d", "v e", "u f"]), "g": .booleans([true, true, false, true, false, false]),
        ])
        let roles = ColumnRoles.infer(from: dataset)
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        let columns = SliceSearchColumns(dataset: dataset, roles: roles, rows: all, groups: ["g"])
        #expect(columns.searched == ["a"])
        #expect(columns.excluded == [
            ExcludedColumn(name: "label", reason: .role(.label)), ExcludedColumn(name: "prediction", reason: .role(.prediction)),
            ExcludedColumn(name: "verdict", reason: .copies(.prediction)), ExcludedColumn(name: "note", reason: .role(.text)),
            ExcludedColumn(name: "g", reason: .group),
        ])
        // Over rows where the prediction holds one value, nothing copies it.
        let zeros = RowSet(rowCount: dataset.rowCount, rows: [0, 1, 4, 5])
        #expect(SliceSearchColumns(dataset: dataset, roles: roles, rows: zeros).searched == ["a", "verdict", "g"])
        var untyped = ColumnRoles()
        try untyped.assign(.label, to: "label", in: dataset)
        #expect(SliceSearchColumns(dataset: dataset, roles: untyped, rows: all).excluded.last
                == ExcludedColumn(name: "note", reason: .kind(.text)))
    }

    @Test func groupSplitKeepsTheLargestGroupsInValueOrder() throws {
        let all = RowSet(rowCount: adult.rowCount, allSet: true)
        let sex = try GroupSplit(dataset: adult, column: "sex", filter: all)
        // Categories in the order of first appearance.
        #expect(sex.groups.map { SliceReport.expression($0.predicates) } == ["sex == \"Male\"", "sex == \"Female\""])
        #expect(sex.groups.map(\.rows.count).reduce(0, +) == adult.rowCount)
        #expect(sex.omitted == 0)
        let race = try GroupSplit(dataset: adult, column: "race", filter: all, limit: 2)
        #expect(race.groups.map { SliceReport.expression($0.predicates) } == ["race == \"White\"", "race == \"Black\""])
        #expect(race.omitted == 3)
        let male = try FilterExpression("sex == \"Male\"", dataset: adult).evaluate(adult)
        let maleOnly = try GroupSplit(dataset: adult, column: "sex", filter: male).groups.map(\.rows) == [male]
        #expect(maleOnly)
        let allMale = sex.feature.rows(of: sex.groups[0].value) == male
        #expect(allMale)
    }
}
