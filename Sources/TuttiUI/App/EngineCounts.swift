import TuttiCore

/// The exact numbers the engine gave for the sample the explorer shows: row counts by filter
/// expression, kept so that a redraw or a return to an earlier filter never asks again, and the
/// Falcon tables of the live brush, built once when it starts so that each brush step is a sum.
struct EngineCounts {
    /// Rows of the table by filter expression.
    var counts: [String: Int] = [:]
    /// Expressions being counted now.
    var counting: Set<String> = []
    /// Expressions the engine could not count (an error, or the user stopped the count): not
    /// asked again.
    var unanswered: Set<String> = []
    /// The live brush's tables (see `EngineBrush`).
    var brush: EngineBrush?
    /// The brush cube of the visible histograms (see `EngineCube`).
    var cube: EngineCube?
    /// Histogram counts of the whole table by bins and expression.
    var bins: [EngineBinQuery: [Int]] = [:]
    /// Histogram counts being counted now.
    var binsCounting: Set<EngineBinQuery> = []
    /// Histogram counts the engine could not make: not asked again.
    var binsUnanswered: Set<EngineBinQuery> = []

    /// The key of a brush: the pane, the bins it started on, the filter it counts under and the
    /// linked views (by pane) whose tables it builds.
    static func brushKey(pane: PaneID, binning: ColumnBinning, anchor: Int, filter: String,
                         views: [(id: PaneID, binning: ColumnBinning)]) -> String {
        "\(pane)|\(EngineBinKey(binning))|\(anchor)|\(filter)|" + views.map { "\($0.id)=\(EngineBinKey($0.binning))" }
            .joined(separator: ",")
    }
}

/// The Falcon tables the engine builds when a brush starts: the brushed view against itself
/// (the status line's selected count) and against every other visible histogram, after which
/// each brush step reads them locally.
struct EngineBrush {
    /// What the tables were asked for (`EngineCounts.brushKey`).
    let key: String
    /// The linked histograms, in the order of their tables (after the brushed view's own).
    let views: [PaneID]
    /// The tables once built: the brushed view's own first, then one per entry of `views`.
    var tables: [FalconTable]?
    /// Whether the engine failed to build them.
    var failed = false
    /// Whether they were summed from the brush cube rather than counted by the engine.
    var fromCube = false

    /// The selected counts per bin (missing last) of linked pane `pane` for brushed bins `bins`;
    /// nil while the tables are built or when the pane is not linked.
    func selectedCounts(pane: PaneID, bins: ClosedRange<Int>) -> [Int]? {
        guard let tables, let index = views.firstIndex(of: pane), tables.indices.contains(index + 1) else { return nil }
        return tables[index + 1].selectedCounts(bins: bins)
    }
}

/// What a background query of the engine behind a sample answers.
public enum EngineQuery: Sendable, Equatable {
    /// The rows passing an expression ("" for every row).
    case count(String)
    /// The Falcon tables of the brush started with this key (see `EngineCounts.brushKey`).
    case brush(String)
    /// A histogram's counts under an expression.
    case bins(EngineBinQuery)
    /// The brush cube with this key (see `EngineCube.key`).
    case cube(String)
    /// A new sample of this many rows.
    case sample(Int)
}
