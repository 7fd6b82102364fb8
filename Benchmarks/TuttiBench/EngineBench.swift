import Foundation
import TuttiCore
import TuttiPostgres

/// The explorer's questions to a SQL engine, timed against a running server: opening the source
/// and pulling the sample the panes draw (with the planner's row estimate, while a second
/// connection counts the table's rows; then the wait for that count, after the sample), then a
/// brush start —
/// the Falcon tables of BRUSHED against every linked view, built by the engine — and brush steps
/// summed from those tables; then the brush cube the explorer prepares at open (`BinCube`) and
/// the same brush start summed from it. The bins are made on the sample, as the explorer makes
/// them.
enum EngineBench {
    /// The explorer's default sample.
    static let sample = 100_000
    static let steps = 2000

    static func run(url: String, brushed: String, views: [String]) throws {
        var opened: PostgresSource?
        let connect = try TuttiBench.seconds { opened = try PostgresSource(url: DatabaseURL(url)) }
        guard let source = opened else { return }
        var pulled: EngineSample?, counting: BackgroundCount?
        let sampling = try TuttiBench.seconds {
            counting = source.startCount(work: WorkContext())
            pulled = try source.sample(limit: sample, work: WorkContext())
        }
        guard let sampled = pulled, let counting else { return }
        var tableRows = 0
        let countWait = try TuttiBench.seconds { tableRows = try counting.value() }
        let brushedBinning = try ColumnBinning(dataset: sampled.dataset, column: brushed, bins: BrushBench.bins)
        let viewBinnings = try views.map { try ColumnBinning(dataset: sampled.dataset, column: $0, bins: BrushBench.bins) }
        var tables: [FalconTable] = []
        let build = try TuttiBench.seconds {
            tables = try source.brushTables(brushed: brushedBinning, views: viewBinnings, where: "")
        }
        // The brush cube the explorer asks for at open, and a brush start summed from it (the
        // brushed view's own table and one per linked view, as the explorer builds them).
        // On its own connection with more work memory, as the explorer asks for it.
        let cubeSource = try PostgresSource(url: DatabaseURL(url))
        try cubeSource.raiseWorkMemory()
        var prepared: BinCube?
        let cubeClock = clock()
        let cubeBuild = try TuttiBench.seconds {
            prepared = try cubeSource.binCube(of: [brushedBinning] + viewBinnings, where: "")
        }
        let cubeClientCPU = Double(clock() - cubeClock) / Double(CLOCKS_PER_SEC)
        var cubeTables: [FalconTable] = []
        let cubeStart = TuttiBench.seconds {
            cubeTables = prepared?.tables(brushed: 0, views: Array(0...views.count)) ?? []
        }
        let cubeGroups = BinCube.groupBound(binCounts: ([brushedBinning] + viewBinnings).map(\.binCount),
                                            faces: BinCube.faces(binCounts: ([brushedBinning] + viewBinnings).map(\.binCount),
                                                                 maxFaceGroups: PostgresSource.maxCubeFaceGroups))
        let cubeMatches = cubeTables.count == views.count + 1 && Array(cubeTables.dropFirst()) == tables
        var random = SystemRandomNumberGenerator()
        var checksum = 0
        var times: [Double] = []
        for _ in 0..<steps {
            let low = Int.random(in: 0..<brushedBinning.binCount, using: &random)
            let range = low...Int.random(in: low..<brushedBinning.binCount, using: &random)
            times.append(TuttiBench.seconds {
                for table in tables {
                    checksum &+= table.selectedTotal(bins: range)
                    checksum &+= table.selectedCounts(bins: range).reduce(0, +)
                }
            })
        }
        times.sort()
        print("{\"table_rows\": \(tableRows), \"estimated_rows\": \(sampled.estimatedRows.map(String.init) ?? "null"), "
              + "\"sample_rows\": \(sampled.dataset.rowCount), \"connect_s\": \(connect), "
              + "\"sample_s\": \(sampling), \"count_after_sample_s\": \(countWait), \"views\": \(views.count), \"brush_start_s\": \(build), "
              + "\"cube_build_s\": \(cubeBuild), \"cube_client_cpu_s\": \(cubeClientCPU), \"cube_ready\": \(prepared != nil), \"cube_group_bound\": \(cubeGroups), "
              + "\"brush_start_from_cube_s\": \(cubeStart), \"cube_matches_queries\": \(cubeMatches), "
              + "\"step_median_ms\": \(times[times.count / 2] * 1000), \"step_p99_ms\": \(times[times.count * 99 / 100] * 1000), "
              + "\"checksum\": \(checksum)}")
    }
}
