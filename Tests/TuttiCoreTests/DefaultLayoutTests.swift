import Testing
@testable import TuttiCore

/// One rule for the panes shown without a view, in the interface and in reports.
@Suite struct DefaultLayoutTests {
    @Test func histogramsGoToTheModelColumnsFirst() {
        let roles = ColumnRoles.infer(from: adult)
        #expect(DefaultLayout.histogramColumns(adult, roles: roles, limit: 4) == ["score", "label", "loss", "prediction"])
        #expect(DefaultLayout.histogramColumns(adult, roles: roles, limit: 2) == ["score", "label"])
    }

    @Test func withoutRolesNumbersAndCategoriesFillIn() {
        let plain = makeDataset(["x": .floats([1, 2]), "t": .text(["a b", "c d"]), "c": .categorical(["a", "a"])])
        #expect(DefaultLayout.histogramColumns(plain, roles: ColumnRoles(), limit: 4) == ["x", "c"])
    }

    @Test func reportsAddTheModelPanes() {
        let panes = DefaultLayout.reportPanes(adult, roles: ColumnRoles.infer(from: adult))
        #expect(panes.map(\.kind) == [.summary, .histogram, .histogram, .histogram, .histogram, .confusion, .slices, .duplicates])
        #expect(panes.compactMap(\.settings.column) == ["score", "label", "loss", "prediction"])
        let plain = makeDataset(["x": .floats([1, 2])])
        #expect(DefaultLayout.reportPanes(plain, roles: ColumnRoles()).map(\.kind) == [.summary, .histogram, .slices, .duplicates])
    }

    @Test func theInterfaceShowsSummaryAndTwoHistogramsOverTheRows() {
        let layout = DefaultLayout.interface(adult, roles: ColumnRoles.infer(from: adult))
        #expect(layout.panes.map(\.kind) == [.summary, .histogram, .histogram, .rows])
        guard case .split(.vertical, let halves, let weights) = layout, case .split(.horizontal, _, _) = halves[0] else {
            Issue.record("expected the summary and histograms above the rows")
            return
        }
        #expect(weights == [0.62, 0.38])
    }
}
