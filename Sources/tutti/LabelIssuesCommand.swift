import ArgumentParser
import Foundation
import TuttiCore

/// `tutti label-issues`: likely label errors by confident learning.
struct LabelIssuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label-issues",
        abstract: "List rows whose label is likely wrong, by confident learning (as cleanlab's find_label_issues).",
        discussion: """
        Confident learning (Northcutt, Jiang & Chuang, JAIR 2021) with cleanlab's defaults (prune by noise \
        rate): each class's threshold is the mean probability of that class over the rows labelled it; the \
        rows confidently of another class than their label are counted per (label, class) pair, the counts \
        calibrated to the label counts, and for each pair that many rows of the label with the largest \
        margin p(class) - p(label) are flagged, unless their label is still the most probable class. Issues \
        are ranked by self-confidence, the probability of the given label, lowest first; the suggested \
        class is the most probable one.

        The probabilities come from --probabilities (a vector column with one probability per class in \
        class order, or one number column per class), else from columns named prob_<class> covering every \
        label, else from a vector column named probs / probabilities / pred_probs, else from the score role \
        for two classes (the positive class as in `tutti slices`: --positive, else 1 / true, else the rarer \
        label). Rows missing the label or a probability are skipped. Row numbers are 0-based.
        """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The class probabilities: a vector column, or one number column per class (comma-separated).",
                               valueName: "cols"))
    var probabilities: String?

    @Option(help: ArgumentHelp("The positive class when a score gives the probabilities (default: 1, true, or the rarer label).",
                               valueName: "value"))
    var positive: String?

    @OptionGroup var filter: WhereOption

    @Option(help: ArgumentHelp("How many issues to list (default: 20 in tables, all in json and csv).", valueName: "n"))
    var top: Int?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: AnswerFormat = .table

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top)") }
        if let probabilities, CommaList.names(probabilities).isEmpty {
            throw ValidationError("--probabilities needs at least one column name")
        }
    }

    func run() throws {
        let (dataset, roles) = try data.load(keepingNumbers: probabilities.map(CommaList.names) ?? [], filter: filter.expression)
        let rows = try filter.rows(in: dataset)
        let source = try LabelIssueSource(dataset: dataset, roles: roles, probabilities: probabilities.map(CommaList.names),
                                          positiveClass: positive)
        let issues = try source.issues(in: dataset, filter: rows)
        let textual = format == .table || format == .markdown
        let shown = top ?? (textual ? 20 : .max)
        let json = LabelIssuesJSON(issues: issues, source: source, name: data.displayName, rowCount: dataset.rowCount,
                                   filtered: rows.count, filter: filter.expression, shown: shown)
        let heading = "\(data.displayName): \(NumberFormatting.grouped(issues.count)) likely label "
            + "\(issues.count == 1 ? "error" : "errors") among \(NumberFormatting.grouped(rows.count)) rows"
            + (filter.expression.map { " (where \($0))" } ?? "") + ", from the \(source.description)\n"
        let more = issues.count > json.issues.count
            ? "… \(NumberFormatting.grouped(issues.count - json.issues.count)) more (--top N, or --format json or csv)\n" : ""
        switch format {
        case .table: try Console.table(heading + "\n" + json.table().renderAligned() + more)
        case .markdown: try Console.output(heading + "\n" + json.table().renderMarkdown() + more)
        case .csv: try Console.output(json.table(raw: true).renderCSV())
        case .json: try Console.output(try json.text() + "\n")
        }
    }
}
