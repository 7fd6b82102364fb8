import TuttiCore

/// The live brush, the one value that holds it: where it started and what it covers — bins of a
/// histogram or a rectangle of a scatter plot's cells — and the selection it would make, read
/// from brush tables at constant cost, so every histogram can follow live without materialising
/// rows. The workspace keeps it; panes read it in their context.
public struct BrushPreview: Sendable {
    /// What a brush covers.
    public enum Area: Sendable {
        /// Bins of a histogram: the bin the brush started from and the bins covered.
        case bins(ColumnBinning, anchor: Int, range: ClosedRange<Int>)
        /// Cells of a scatter plot: its points on the cell grid, and the rectangle covered.
        case cells(PlaneCells, rectangle: GridRectangle)
    }

    private enum Tables: Sendable {
        case bins(BrushTables)
        case cells(RectangleBrushTables)
    }

    /// The pane being brushed.
    public let source: PaneID
    /// What the brush covers.
    public let area: Area
    private let tables: Tables
    private let viewIndex: [PaneID: Int]

    /// Builds the tables for brushing `binning` in pane `source` from bin `anchor`, with the other
    /// histograms' binnings (by pane), over the filtered rows.
    public init(source: PaneID, binning: ColumnBinning, anchor: Int, range: ClosedRange<Int>, views: [PaneID: ColumnBinning],
                filter: RowSet) {
        self.init(source: source, area: .bins(binning, anchor: anchor, range: range), views: views, filter: filter)
    }

    /// Builds the tables for brushing `area` in pane `source`, with the other histograms'
    /// binnings (by pane), over the filtered rows.
    public init(source: PaneID, area: Area, views: [PaneID: ColumnBinning], filter: RowSet) {
        self.source = source
        self.area = area
        let ordered = views.sorted { $0.key < $1.key }
        viewIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.key, $0.offset) })
        switch area {
        case .bins(let binning, _, _):
            tables = .bins(BrushTables(brushed: binning, views: ordered.map(\.value), filter: filter))
        case .cells(let cells, _):
            tables = .cells(RectangleBrushTables(cells: cells, views: ordered.map(\.value), filter: filter))
        }
    }

    private init(moving other: BrushPreview, to area: Area) {
        source = other.source
        tables = other.tables
        viewIndex = other.viewIndex
        self.area = area
    }

    /// The brushed histogram's bins, the bin the brush started from and the bins covered (nil
    /// for a scatter rectangle).
    public var bins: (binning: ColumnBinning, anchor: Int, range: ClosedRange<Int>)? {
        if case .bins(let binning, let anchor, let range) = area { return (binning, anchor, range) }
        return nil
    }

    /// The brushed rectangle of cells (nil for a histogram brush).
    public var rectangle: GridRectangle? {
        if case .cells(_, let rectangle) = area { return rectangle }
        return nil
    }

    /// The same brush over other bins (no recount).
    public func moved(to range: ClosedRange<Int>) -> BrushPreview {
        guard case .bins(let binning, let anchor, _) = area else { return self }
        return BrushPreview(moving: self, to: .bins(binning, anchor: anchor, range: range))
    }

    /// The same brush over another rectangle (no recount).
    public func moved(to rectangle: GridRectangle) -> BrushPreview {
        guard case .cells(let cells, _) = area else { return self }
        return BrushPreview(moving: self, to: .cells(cells, rectangle: rectangle))
    }

    /// Filtered rows inside the brush.
    public var selectedCount: Int {
        switch (tables, area) {
        case (.bins(let tables), .bins(_, _, let range)): tables.selectedTotal(bins: range)
        case (.cells(let tables), .cells(_, let rectangle)): tables.selectedTotal(rectangle: rectangle)
        default: 0
        }
    }

    /// Selected counts per bin of pane `pane`'s histogram, if it was part of the brush.
    public func selectedCounts(forPane pane: PaneID) -> [Int]? {
        guard let view = viewIndex[pane] else { return nil }
        switch (tables, area) {
        case (.bins(let tables), .bins(_, _, let range)): return tables.selectedCounts(view: view, bins: range)
        case (.cells(let tables), .cells(_, let rectangle)): return tables.selectedCounts(view: view, rectangle: rectangle)
        default: return nil
        }
    }

    /// Whether `row` would be selected (whatever the filter; panes show selected rows that pass it).
    public func contains(_ row: Int) -> Bool {
        switch area {
        case .bins(let binning, _, let range):
            let code = Int(binning.codes[row])
            return code >= range.lowerBound && code <= range.upperBound
        case .cells(let cells, let rectangle):
            let code = cells.codes[row]
            guard code != PlaneCells.outside else { return false }
            return rectangle.contains(column: Int(code) % cells.x.count, row: Int(code) / cells.x.count)
        }
    }

    /// The selection the brush makes once committed (one pass over the rows): a histogram's
    /// range, a rectangle's x and y ranges when the plot's axes are columns, else its rows.
    public func committed() -> (rows: RowSet, source: SelectionSource) {
        switch area {
        case .bins(let binning, _, let range):
            return (binning.rows(in: range), .brush(column: binning.column, range: binning.range(of: range)))
        case .cells(let cells, let rectangle):
            return (cells.rows(in: rectangle), cells.predicates(for: rectangle).map { .rectangle($0) } ?? .rows)
        }
    }
}
