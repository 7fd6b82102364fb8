import Foundation
import TuttiCore
import TuttiPostgres
import TuttiUI

/// The explorer's connection to a SQL engine: it pulls the sample the panes draw, then runs the
/// explorer's exports in the engine. A libpq connection serves one query at a time, so every
/// use holds the lock; a cancelled query is stopped on the server (`PostgresConnection.cancel`,
/// through the work's cancellation).
final class EngineConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var source: PostgresSource?
    private var tableRows = 0
    /// The slice tasks the engine decided, by roles and positive class (each costs a `GROUP BY`
    /// over the whole table; the slices pane asks again for every new list of slices or filter).
    private var sliceTasks: [String: EngineSliceTask] = [:]
    private let url: DatabaseURL
    private let query: String?

    /// A connection to `url` (its `table=`, or `query`), opened by `sample`.
    init(url: DatabaseURL, query: String?) {
        self.url = url
        self.query = query
    }

    /// Connects, then pulls the first `limit` rows of the table into memory (see
    /// `PostgresSource.sample`).
    func sample(limit: Int, work: WorkContext) throws -> EngineSample {
        try lock.withLock {
            work.report("connecting", 0, 1)
            let source = try PostgresSource(url: url, query: query)
            self.source = source
            do {
                let sample = try source.connection.cancellable(work) { try source.sample(limit: limit, work: work) }
                tableRows = sample.tableRows
                return sample
            } catch where work.isCancelled {
                throw TuttiError.cancelled(file: nil)
            }
        }
    }

    /// The engine behind the sample, for the workspace.
    func rows() -> EngineRows {
        var rows = EngineRows(tableRows: lock.withLock { tableRows }, count: { [self] filter, work in
            try asking(work) { try $0.rowCount(where: filter) }
        }, brushTables: { [self] brushed, views, filter, work in
            try asking(work) { try $0.brushTables(brushed: brushed, views: views, where: filter) }
        }, export: { [self] path, columns, filter, options, work in
            try asking(work) { try $0.export(to: path, columns: columns, where: filter, options: options, work: work) }
        })
        rows.binCounts = { [self] binning, filter, work in
            try asking(work) { try $0.binCounts(of: binning, where: filter) }
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
        rows.sample = { [self] limit, work in
            let sample = try asking(work) { try $0.sample(limit: limit, work: work) }
            lock.withLock { tableRows = sample.tableRows }
            return sample
        }
        return rows
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
