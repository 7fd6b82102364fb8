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
    /// The live brush's key and, once built, its tables (the brushed view against itself).
    var brush: (key: String, tables: FalconTable?)?

    /// The key of a brush: the pane, the bins it started on and the filter it counts under.
    static func brushKey(pane: PaneID, binning: ColumnBinning, anchor: Int, filter: String) -> String {
        "\(pane)|\(binning.column)|\(binning.binCount)|\(anchor)|\(filter)"
    }
}

/// What a background query of the engine behind a sample answers.
public enum EngineQuery: Sendable, Equatable {
    /// The rows passing an expression ("" for every row).
    case count(String)
    /// The Falcon tables of the brush started with this key (see `EngineCounts.brushKey`).
    case brush(String)
}
