import TuttiCore

/// A brush being dragged: the selection it would make, read from brush tables at constant
/// cost, so every histogram can follow live without materialising rows.
public struct BrushPreview: Sendable {
    /// The pane being brushed.
    public let source: PaneID
    /// The brushed column's bins.
    public let binning: ColumnBinning
    /// The brushed bins.
    public let range: ClosedRange<Int>
    private let tables: BrushTables
    private let viewIndex: [PaneID: Int]

    /// Builds the tables for brushing `binning` in pane `source`, with the other histograms'
    /// binnings (by pane), over the filtered rows.
    public init(source: PaneID, binning: ColumnBinning, range: ClosedRange<Int>, views: [PaneID: ColumnBinning],
                filter: RowSet) {
        self.source = source
        self.binning = binning
        self.range = range
        let ordered = views.sorted { $0.key < $1.key }
        viewIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.key, $0.offset) })
        tables = BrushTables(brushed: binning, views: ordered.map(\.value), filter: filter)
    }

    private init(moving other: BrushPreview, to range: ClosedRange<Int>) {
        source = other.source
        binning = other.binning
        tables = other.tables
        viewIndex = other.viewIndex
        self.range = range
    }

    /// The same brush over other bins (no recount).
    public func moved(to range: ClosedRange<Int>) -> BrushPreview { BrushPreview(moving: self, to: range) }

    /// Filtered rows inside the brush.
    public var selectedCount: Int { tables.selectedTotal(bins: range) }

    /// Selected counts per bin of pane `pane`'s histogram, if it was part of the brush.
    public func selectedCounts(forPane pane: PaneID) -> [Int]? {
        viewIndex[pane].map { tables.selectedCounts(view: $0, bins: range) }
    }

    /// Whether `row` would be selected (whatever the filter; panes show selected rows that pass it).
    public func contains(_ row: Int) -> Bool {
        let code = Int(binning.codes[row])
        return code >= range.lowerBound && code <= range.upperBound
    }

    /// The rows the brush selects (one pass; done when the brush is committed).
    public func materialize() -> RowSet { binning.rows(in: range) }
}
