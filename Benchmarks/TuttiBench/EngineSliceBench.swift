import Foundation
import TuttiCore
import TuttiPostgres

/// The explorer's slices pane over a database, timed against a running server: the sample the
/// panes draw (the first 100,000 rows), SliceLine on it as the pane runs it, then the engine's
/// exact figures of the slices found, as the pane asks for them — the slice task (the label ×
/// prediction pairs of the whole table, decided once per connection) and one `GROUP BY` with a
/// `CASE` per slice over the rows passing FILTER. With GROUPS (comma-separated group columns, as
/// `b` in the summary sets them), the slices are the groups' sections and what is found or
/// grouped within them, every one measured. CPU times are this process's; the server's
/// work shows in the wall times only.
enum EngineSliceBench {
    static func run(url: String, filter: String, groups: [String]) throws {
        let opened = try PostgresSource(url: DatabaseURL(url))
        var pulled: EngineSample?
        let sampling = try TuttiBench.seconds { pulled = try opened.sample(limit: EngineBench.sample, work: WorkContext()) }
        guard let sampled = pulled else { return }
        let roles = ColumnRoles.infer(from: sampled.dataset)
        let source = opened.with(roles: roles)
        var explorer = Explorer(state: ExplorerState(dataset: sampled.dataset, roles: roles))
        if !filter.isEmpty { try explorer.apply(.setFilter(filter)) }
        if !groups.isEmpty { try explorer.apply(.setGroupColumns(groups)) }
        var found: SliceSections?
        let search = try TuttiBench.wallAndCPU {
            found = try SliceSections.compute(state: explorer.state, options: SliceSectionOptions())
        }
        guard let model = found else { return }
        let positive = model.evaluator.classes.flatMap { classes in classes.positive.map { classes.classes[$0] } }
        var decided: EngineSliceTask?
        let deciding = try TuttiBench.wallAndCPU { decided = try source.sliceTask(positiveClass: positive) }
        guard let task = decided else { return }
        let predicates = model.measuredPredicates
        var measured: (overall: SliceMetrics, slices: [SliceMetrics])?
        let measuring = try TuttiBench.wallAndCPU { measured = try source.measure(predicates, where: filter, task: task) }
        print("{\"estimated_rows\": \(sampled.estimatedRows.map(String.init) ?? "null"), \"sample_rows\": \(sampled.dataset.rowCount), "
              + "\"sample_s\": \(sampling), \"slices\": \(predicates.count), "
              + "\"sliceline_on_sample_s\": \(search.wall), \"sliceline_cpu_s\": \(search.cpu), "
              + "\"slice_task_s\": \(deciding.wall), \"measure_s\": \(measuring.wall), \"measure_client_cpu_s\": \(measuring.cpu), "
              + "\"measured_rows\": \(measured?.overall.size ?? 0)}")
    }
}
