/// Computes a report from the state and the view: the headline, the dataset, the filter and
/// selection, then one section per pane of the view in order.
public enum ReportBuilder {
    /// The report of `input`. A pane that cannot be shown (an unknown column, missing roles) gets
    /// a section saying why; only cancelling `work` throws.
    public static func build(_ input: ReportInput, work: WorkContext = WorkContext()) throws -> Report {
        let state = input.state
        var sections = [HeadlineSection.make(state: state), DatasetSection.make(state: state, datasetName: input.datasetName),
                        FilterSection.make(state: state)]
        for pane in input.reportedPanes {
            if work.isCancelled { throw cancelled }
            if let section = try section(for: pane, state: state, work: work) { sections.append(section) }
        }
        if work.isCancelled { throw cancelled }
        return Report(title: input.title ?? "tutti report: \(input.datasetName)", generated: input.generated,
                      sections: sections)
    }

    /// The error thrown when the report is cancelled.
    static let cancelled = TuttiError("report cancelled")

    /// The section of one pane; nil for the summary pane, whose column table the dataset section
    /// already holds.
    private static func section(for pane: ViewPane, state: ExplorerState,
                                work: WorkContext) throws -> ReportSection? {
        switch pane.kind {
        case .summary: return nil
        case .histogram: return HistogramSection.make(state: state, settings: pane.settings)
        case .rows: return RowsSection.make(state: state, settings: pane.settings)
        case .confusion: return ConfusionSection.make(state: state)
        case .slices: return try SlicesSection.make(state: state, settings: pane.settings, work: work)
        case .duplicates: return try DuplicatesSection.make(state: state, settings: pane.settings, work: work)
        case .scatter: return try ScatterSection.make(state: state, settings: pane.settings, work: work)
        case .instance: return InstanceSection.make(state: state, settings: pane.settings)
        case .labelIssues: return try LabelIssuesSection.make(state: state, work: work)
        case .familiarity: return try FamiliaritySection.make(state: state, settings: pane.settings, work: work)
        case .comparison: return ComparisonSection.make(state: state, settings: pane.settings)
        default: return ReportSection(heading: "Pane: \(pane.kind)", blocks: [.note("tutti does not know panes of kind '\(pane.kind)'.")])
        }
    }
}
