import Foundation
import TuttiCore

/// `tutti-bench`: release-build measurements of the data engine, printed as JSON lines.
///
///     tutti-bench load FILE                      one full load (rows, seconds)
///     tutti-bench load-read FILE                 the same, delimited text read with pread, not the mapping
///     tutti-bench brush FILE BRUSHED COL...      brush steps on BRUSHED updating the other views
///     tutti-bench filter FILE EXPR               evaluation of a filter expression
///     tutti-bench frame FILE OUT                 key press to flushed screen (run in a terminal)
///     tutti-bench slices FILE [BINS]             SliceLine on Adult (writes the binned rows for the peer)
///     tutti-bench duplicates …                   exact, near-text and near-vector duplicates
///     tutti-bench share FILE EXPR OUTDIR         view save / restore, export and report
///     tutti-bench search FILE QUERY...           the rows pane's search over every column (re:QUERY for a regex)
///     tutti-bench wide COLUMNS ROWS              load and summarise a wide table (distinct, then equal names)
///     tutti-bench summary FILE                   `info`'s column statistics, per column and on all cores
///     tutti-bench timeload FILE COLUMN           a load with and without recognising COLUMN's times
///     tutti-bench derive FILE NAME=EXPR          adding a derived column
///     tutti-bench embeddings FILE COL K SAMPLE   PCA, familiarity and its recall on a vector column
///     tutti-bench scatter ROWS                   the scatter pane's frame and brush step on ROWS points
///     tutti-bench labelissues ROWS CLASSES [OUT] confident learning on synthetic probabilities
///     tutti-bench compare ROWS                   two models' agreement and per-slice deltas
///     tutti-bench threshold ROWS [inline]        threshold steps and filter changes in the interface (frames)
///     tutti-bench engine URL BRUSHED COL...      over a database: the sample, then a brush start and steps
///     tutti-bench engine-slices URL [FILTER [GROUPS]] over a database: slices of the sample measured by the engine
@main
enum TuttiBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch arguments.first {
            case "load" where arguments.count == 2:
                try load(arguments[1])
            case "load-read" where arguments.count == 2:
                var options = LoadOptions()
                options.readsFileInChunks = true
                try load(arguments[1], options: options)
            case "filter" where arguments.count == 3:
                try FilterBench.run(path: arguments[1], expression: arguments[2])
            case "frame" where arguments.count == 3:
                try FrameBench.run(path: arguments[1], output: arguments[2])
            case "slices" where (2...3).contains(arguments.count):
                try SliceBench.run(path: arguments[1], bins: arguments.count == 3 ? arguments[2] : nil)
            case "duplicates" where arguments.count >= 2:
                try DuplicateBench.run(arguments: Array(arguments.dropFirst()))
            case "share" where arguments.count == 4:
                try ShareBench.run(path: arguments[1], expression: arguments[2], folder: arguments[3])
            case "search" where arguments.count >= 3:
                try SearchBench.run(path: arguments[1], queries: Array(arguments[2...]))
            case "wide" where arguments.count == 3:
                try WideBench.run(columns: Int(arguments[1]) ?? 100_000, rows: Int(arguments[2]) ?? 3)
            case "summary" where arguments.count == 2:
                try SummaryBench.run(path: arguments[1])
            case "timeload" where arguments.count == 3:
                try DataKindBench.timeLoad(path: arguments[1], column: arguments[2])
            case "derive" where arguments.count == 3:
                try DataKindBench.derive(path: arguments[1], definition: arguments[2])
            case "embeddings" where arguments.count >= 2:
                try EmbeddingBench.run(arguments: Array(arguments.dropFirst()))
            case "scatter" where arguments.count == 2:
                ScatterBench.run(rows: Int(arguments[1]) ?? 1_000_000)
            case "labelissues" where (3...4).contains(arguments.count):
                try LabelIssueBench.run(rows: Int(arguments[1]) ?? 1_000_000, classes: Int(arguments[2]) ?? 10,
                                        output: arguments.count == 4 ? arguments[3] : nil)
            case "compare" where arguments.count == 2:
                try CompareBench.run(rows: Int(arguments[1]) ?? 1_000_000)
            case "threshold" where arguments.count == 2 || (arguments.count == 3 && arguments[2] == "inline"):
                try ThresholdBench.run(rows: Int(arguments[1]) ?? 1_000_000, inline: arguments.count == 3)
            case "engine-slices" where (2...4).contains(arguments.count):
                try EngineSliceBench.run(url: arguments[1], filter: arguments.count > 2 ? arguments[2] : "",
                                         groups: arguments.count > 3 ? arguments[3].split(separator: ",").map(String.init) : [])
            case "engine" where arguments.count >= 4:
                try EngineBench.run(url: arguments[1], brushed: arguments[2], views: Array(arguments[3...]))
            case "brush" where arguments.count >= 4:
                try BrushBench.run(path: arguments[1], brushed: arguments[2], views: Array(arguments[3...]))
            default:
                FileHandle.standardError.write(Data("usage: tutti-bench load FILE | load-read FILE | brush FILE BRUSHED COL... | filter FILE EXPR | frame FILE OUT | slices FILE [BINS.csv] | duplicates … | share FILE EXPR OUTDIR | search FILE QUERY... | wide COLUMNS ROWS | summary FILE | timeload FILE COLUMN | derive FILE NAME=EXPR | embeddings FILE COL K SAMPLE | scatter ROWS | labelissues ROWS CLASSES [OUT] | compare ROWS | threshold ROWS [inline] | engine URL BRUSHED COL... | engine-slices URL [FILTER [GROUPS]]\n".utf8))
                exit(2)
            }
        } catch {
            FileHandle.standardError.write(Data("tutti-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Wall and CPU seconds (of the whole process: every thread) of `body`, for runs on a machine
    /// shared with other work, where the wall time includes waiting for a core.
    static func wallAndCPU(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpuStart = cpuSeconds()
        let wall = try seconds(body)
        return (wall, cpuSeconds() - cpuStart)
    }

    /// The process's CPU time so far.
    static func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func load(_ path: String, options: LoadOptions = LoadOptions()) throws {
        var dataset: Dataset?
        let time = try seconds { dataset = try DatasetLoader.load(path, options: options).dataset }
        print("{\"rows\": \(dataset!.rowCount), \"columns\": \(dataset!.columns.count), \"seconds\": \(time)}")
    }
}
