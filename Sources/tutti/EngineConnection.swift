import Foundation
import TuttiCore
import TuttiPostgres
import TuttiUI

/// The explorer's connection to a SQL engine: it pulls the sample the panes draw, then runs the
/// explorer's exports in the engine. A libpq connection serves one query at a time, so every
/// use holds the lock; a cancelled query is stopped on the server (`PostgresConnection.cancel`,
/// through the work's cancellation). The table's exact row count runs on a second connection
/// from before the sample is pulled, and the explorer opens without waiting for it.
final class EngineConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var source: PostgresSource?
    /// The sample's estimate of the table's rows, or its exact rows when it holds them all.
    private var sampled: (estimate: Int?, exact: Int?) = (nil, nil)
    /// The table's row count under way on its own connection; guarded by `countLock`, not
    /// `lock`, so that waiting for it never waits for a query on the source.
    private var counting: BackgroundCount?
    private let countLock = NSLock()
    /// The slice tasks the engine decided, by roles and positive class (each costs a `GROUP BY`
    /// over the whole table; the slices pane asks again for every new list of slices or filter).
    private var sliceTasks: [String: EngineSliceTask] = [:]
    private let url: DatabaseURL
    private let query: String?
    /// A second connection, opened when first needed, for the brush cube: its scan of the table
    /// takes long, and on its own connection it does not hold up the counts the panes wait for.
    private let cubeLock = NSLock()
    private var cubeSource: PostgresSource?

    /// A connection to `url` (its `table=`, or `query`), opened by `sample`.
    init(url: DatabaseURL, query: String?) {
        self.url = url
        self.query = query
    }

    /// Connects, starts counting the table's rows on a second connection (`rows().count("")`
    /// waits for it), then pulls the first `limit` rows of the table into memory (see
    /// `PostgresSource.sample`).
    func sample(limit: Int, work: WorkContext) throws -> EngineSample {
        try lock.withLock {
            work.report("connecting", 0, 1)
            let source = try PostgresSource(url: url, query: query)
            self.source = source
            let counting = source.startCount(work: work)
            do {
                let sample = try source.connection.cancellable(work) { try source.sample(limit: limit, work: work) }
                sampled = (sample.estimatedRows, sample.tableRows)
                if sample.tableRows != nil {
                    counting.stop()
                } else {
                    countLock.withLock { self.counting = counting }
                }
                return sample
            } catch {
                counting.stop()
                if work.isCancelled { throw TuttiError.cancelled(file: nil) }
                throw error
            }
        }
    }

    /// The engine behind the sample, for the workspace.
    func rows() -> EngineRows {
        let (estimate, exact) = lock.withLock { sampled }
        var rows = EngineRows(estimatedRows: estimate, count: { [self] filter, work in
            if filter.isEmpty, let total = try exact ?? tableRows(work) { return total }
            return try asking(work) { try $0.rowCount(where: filter) }
        }, brushTables: { [self] brushed, views, filter, work in
            try asking(work) { try $0.brushTables(brushed: brushed, views: views, where: filter) }
        }, export: { [self] path, columns, filter, options, work in
            try asking(work) { try $0.export(to: path, columns: columns, where: filter, options: options, work: work) }
        })
        rows.tableRows = exact
        rows.binCounts = { [self] binning, filter, work in
            try asking(work) { try $0.binCounts(of: binning, where: filter) }
        }
        rows.binCube = { [self] binnings, filter, work in
            try cubeLock.withLock {
                let source = try cubeSource ?? PostgresSource(url: url, query: query)
                cubeSource = source
                do {
                    // Raised again each time: a failed or stopped query rolls the setting back.
                    try source.raiseWorkMemory()
                    return try source.connection.cancellable(work) { try source.binCube(of: binnings, where: filter) }
                } catch where !source.connection.isConnected {
                    // A lost connection is opened again by the next cube.
                    cubeSource = nil
                    throw error
                }
            }
        }
        rows.summaries = { [self] filter, topCount, work in
            try asking(work) { try $0.summaries(where: filter, topCount: topCount) }
        }
        rows.sliceFigures = { [self] slices, filter, roles, positiveClass, work in
            try asking(work) { source in
                let source = source.with(roles: roles)
                let key = ColumnRole.allCases.map { roles[$0] ?? "" }.joined(separator: "\u{1}") + "\u{2}" + (positiveClass ?? "")
                let task = try sliceTasks[key] ?? source.sliceTask(positiveClass: positiveClass)
                sliceTasks[key] = task
                return try source.measure(slices, where: filter, task: task)
            }
        }
        rows.groupedTables = { [self] groups, brushed, view, filter, work in
            try asking(work) { try $0.groupedTables(groups: groups, brushed: brushed, view: view, where: filter) }
        }
        rows.regressionFigures = { [self] label, prediction, center, bins, filter, work in
            try asking(work) {
                try $0.regressionFigures(label: label, prediction: prediction, center: center, bins: bins, where: filter)
            }
        }
        rows.sample = { [self] limit, work in
            try asking(work) { try $0.sample(limit: limit, work: work) }
        }
        return rows
    }

    /// The table's rows from the count started with the sample, taken once (a second question
    /// asks the source); nil when there is none, or it could not run on its connection.
    private func tableRows(_ work: WorkContext) throws -> Int? {
        guard let counting = countLock.withLock({ () -> BackgroundCount? in
            defer { counting = nil }
            return counting
        }) else { return nil }
        do {
            return try counting.value(work)
        } catch where !work.isCancelled && counting.failedForItsConnection {
            return nil
        }
    }

    /// Runs `question` on the source, stopped on the server when `work` is cancelled. When the
    /// connection was lost (a server restart, a dropped network), connects again and asks once
    /// more; when that fails too, the error says both.
    private func asking<Value>(_ work: WorkContext, _ question: (PostgresSource) throws -> Value) throws -> Value {
        func run(_ source: PostgresSource) throws -> Value {
            try source.connection.cancellable(work) { try question(source) }
        }
        return try lock.withLock {
            guard let source else { throw TuttiError("not connected to \(url.redacted)") }
            do {
                return try run(source)
            } catch let error as TuttiError where !source.connection.isConnected && !work.isCancelled {
                let reopened: PostgresSource
                do {
                    reopened = try PostgresSource(url: url, query: query)
                } catch let again as TuttiError {
                    throw TuttiError("\(error.message); connecting again failed: \(again.message)")
                }
                self.source = reopened
                return try run(reopened)
            }
        }
    }
}
