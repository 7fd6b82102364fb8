import TuttiCore

/// The live brush, the one value that holds it: where it started and the bins it covers, and the
/// selection it would make, read from brush tables at constant cost, so every histogram can
/// follow live without materialising rows. The workspace keeps it; panes read it in their context.
public struct BrushPreview: Sendable {
    /// The pane being brushed.
    public let source: PaneID
    /// The brushed column's bins.
    public let binning: ColumnBinning
    /// The bin the brush started from (Shift+arrows and drags extend from it).
    public let anchor: Int
    /// The brushed bins.
    public let range: ClosedRange<Int>
    private let tables: BrushTables
    private let viewIndex: [PaneID: Int]

    /// Builds the tables for brushing `binning` in pane `source` from bin `anchor`, with the other
    /// histograms' binnings (by pane), over the filtered rows.
    public init(source: PaneID, binning: ColumnBinning, anchor: Int, range: ClosedRange<Int>, views: [PaneID: ColumnBinning],
                filter: RowSet) {
        self.source = source
        self.binning = binning
        self.anchor = anchor
        self.range = range
        let ordered = views.sorted { $0.key < $1.key }
        viewIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.key, $0.offset) })
        tables = BrushTables(brushed: binning, views: ordered.map(\.value), filter: filter)
    }

    private init(moving other: BrushPreview, to range: ClosedRange<Int>) {
        source = other.source
        binning = other.binning
        anchor = other.anchor
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
