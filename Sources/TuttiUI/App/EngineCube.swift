import TuttiCore

/// The brush cube of the visible histograms (`BinCube`): asked of the engine in the background
/// when the explorer opens and again whenever the histograms on screen, their bins or the filter
/// change, so that a brush start on any of them builds its Falcon tables locally.
struct EngineCube {
    /// Where the cube stands.
    enum Phase {
        /// The engine is counting it.
        case building
        /// Ready: brush starts on these histograms need no query.
        case ready(BinCube)
        /// Too big, failed or stopped: brush starts ask for their tables as before.
        case abandoned
    }

    /// The filter expression it counts under.
    let filter: String
    /// The histograms' bins, in the order of the cube's histograms.
    let bins: [EngineBinKey]
    /// The engine's job, stopped when the cube is no longer wanted.
    let job: JobHandle
    /// Where it stands.
    var phase = Phase.building

    /// The key of a cube of `bins` under `filter` (for `EngineQuery.cube`).
    static func key(filter: String, bins: [EngineBinKey]) -> String {
        filter + "|" + bins.map(\.description).joined(separator: ",")
    }

    /// This cube's key.
    var key: String { Self.key(filter: filter, bins: bins) }

    /// The Falcon tables of a brush on `brushed` against itself and then each of `views`, under
    /// `filter`, when the cube is ready, counts under that filter and holds all those bins.
    func tables(brushed: ColumnBinning, views: [ColumnBinning], filter: String) -> [FalconTable]? {
        guard case .ready(let cube) = phase, filter == self.filter,
              let first = bins.firstIndex(of: EngineBinKey(brushed)) else { return nil }
        var indices = [first]
        for view in views {
            guard let index = bins.firstIndex(of: EngineBinKey(view)) else { return nil }
            indices.append(index)
        }
        return cube.tables(brushed: first, views: indices)
    }
}
