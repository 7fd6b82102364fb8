import TuttiCore

/// The smallest frame (border included) a pane is given while the terminal has room for it.
public struct PaneMinimum: Sendable, Equatable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The extent along `axis`: the width of a side-by-side split, the height of a stack.
    func along(_ axis: SplitAxis) -> Int { axis == .horizontal ? width : height }
}

extension PaneKind {
    /// The smallest frame that still shows what the pane is for. A histogram: its header, five
    /// chart rows, the axis and the bin line. The tables (summary, rows, slices, duplicates): the
    /// header, the hint line where there is one, and four rows. A confusion matrix (and any other
    /// kind): header and a few classes.
    public var minimumFrame: PaneMinimum {
        switch self {
        case .histogram: PaneMinimum(width: 28, height: 10)
        case .summary, .rows: PaneMinimum(width: 32, height: 7)
        case .slices, .duplicates, .labelIssues: PaneMinimum(width: 40, height: 8)
        case .scatter: PaneMinimum(width: 30, height: 10)
        case .instance: PaneMinimum(width: 32, height: 8)
        case .familiarity: PaneMinimum(width: 32, height: 10)
        case .comparison: PaneMinimum(width: 44, height: 10)
        default: PaneMinimum(width: 30, height: 9)
        }
    }
}
