import Testing
import TuttiTerminal

/// Every pane kind maximised on the Adult data, the whole canvas compared line by line with a
/// checked-in snapshot (see `Snapshot`), at a roomy and a small terminal size.
@Suite(.serialized) struct SnapshotTests {
    /// A pane kind and the keys that bring it to the front.
    enum PaneShown: String, CaseIterable, Sendable {
        case summary, histogram, rows, confusion, slices, duplicates, scatter, instance, familiarity, labelIssues, comparison

        var keys: [KeyEvent] {
            switch self {
            case .summary: []
            case .histogram: [.tab]
            case .rows: [.character("2")]
            case .confusion: [.character("3")]
            case .slices: [.character("4")]
            case .duplicates: [.character("5")]
            case .scatter: [.character("6")]
            case .instance: [.character("7")]
            case .familiarity: [.character("9")]
            case .labelIssues: [.character("I")]
            case .comparison: [.character("8")]
            }
        }
    }

    struct Size: Sendable, CustomStringConvertible {
        let width: Int, height: Int
        var description: String { "\(width)x\(height)" }
    }

    @Test(arguments: PaneShown.allCases, [Size(width: 100, height: 30), Size(width: 60, height: 20)])
    func paneMaximised(_ pane: PaneShown, _ size: Size) {
        // Panes open in the default terminal size, then the terminal shrinks, as a user's would.
        let app = AppDriver(width: 100, height: 30)
        for key in pane.keys { app.press(key) }
        app.press(.character("z"))
        if size.width != 100 || size.height != 30 { app.send(.resize(width: size.width, height: size.height)) }
        app.settle()
        Snapshot.check(app.frame, named: "\(pane.rawValue)-\(size)")
    }

    @Test func aMismatchNamesTheFirstLinesThatDiffer() {
        #expect(Snapshot.difference(expected: ["a", "b"], actual: ["a", "b"]) == nil)
        let report = Snapshot.difference(expected: ["a", "b", "c"], actual: ["a", "B", "c", "d"])
        #expect(report == """
            expected 3 lines, got 4
            line 2:
              expected │b
              actual   │B
            line 4:
              expected │(no line)
              actual   │d
            """)
    }
}
