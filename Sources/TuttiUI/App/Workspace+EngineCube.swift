import TuttiCore

extension Workspace {
    /// Asks the engine, in the background, for the brush cube of the visible histograms under
    /// `filter` when the one asked last was for other histograms, bins or filter; a cube still
    /// being counted for those is stopped on the server. A cube abandoned (too big, failed,
    /// stopped) is not asked again until they change.
    mutating func askEngineCube(_ engine: EngineRows, filter: String) {
        guard let binCube = engine.binCube else { return }
        let histograms = visibleHistograms
        let bins = histograms.map { EngineBinKey($0.binning) }
        if let current = engineCounts.cube, current.filter == filter, current.bins == bins { return }
        if let old = engineCounts.cube?.job, old.isRunning { ask(.stop(old)) }
        guard !bins.isEmpty else {
            engineCounts.cube = nil
            return
        }
        let binnings = histograms.map(\.binning)
        let request = JobRequest(label: "brush cube") { handle in
            try binCube(binnings, filter, WorkContext(cancellation: handle.cancellation))
        }
        let cube = EngineCube(filter: filter, bins: bins, job: request.handle)
        engineCounts.cube = cube
        ask(.start(request, owner: .engine(.cube(cube.key))))
    }

    /// Takes the engine's brush cube for `key` (one asked for earlier is dropped); a live brush
    /// still waiting for its tables takes them from it.
    mutating func engineCubeEnded(_ handle: JobHandle, key: String) {
        guard engineCounts.cube?.key == key else { return }
        if case .finished = handle.phase, let value = handle.value(as: BinCube?.self), let cube = value {
            engineCounts.cube?.phase = .ready(cube)
            tablesFromCube()
        } else {
            engineCounts.cube?.phase = .abandoned
        }
    }

    /// Fills the live brush's tables from the brush cube when they are not there yet and the
    /// cube holds them.
    mutating func tablesFromCube() {
        guard engineCounts.brush?.tables == nil, let live = brush, let bins = live.bins, let filter = engineFilter,
              let brushViews = engineCounts.brush?.views else { return }
        let byPane = Dictionary(visibleHistograms.map { ($0.id, $0.binning) }, uniquingKeysWith: { first, _ in first })
        let views = brushViews.compactMap { byPane[$0] }
        guard views.count == brushViews.count,
              let tables = engineCounts.cube?.tables(brushed: bins.binning, views: views, filter: filter) else { return }
        engineCounts.brush?.tables = tables
        engineCounts.brush?.fromCube = true
    }
}
