import Foundation

/// Likely label errors as JSON (`tutti label-issues --format json`): `{"file", "rows",
/// "filtered", "where", "source", "classes", "count", "issues": [{"row", "label", "suggested",
/// "self_confidence"}]}`; rows are 0-based, issues ranked by self-confidence (lowest first),
/// `count` is the number found (`issues` may list fewer, with `--top`).
public struct LabelIssuesJSON: JSONDocument, Codable, Equatable, Sendable {
    /// One likely label error: the row, its given label, the most probable class, and the
    /// probability of the given label.
    public struct Issue: Codable, Equatable, Sendable {
        public let row: Int, label: String, suggested: String, selfConfidence: Double

        enum CodingKeys: String, CodingKey { case row, label, suggested, selfConfidence = "self_confidence" }
    }

    public let file: String, rows: Int, filtered: Int
    @JSONNull public private(set) var `where`: String?
    public let source: String, classes: [String], count: Int, issues: [Issue]

    enum CodingKeys: String, CodingKey { case file, rows, filtered, `where`, source, classes, count, issues }

    /// The JSON of `issues` found from `source` in the data called `name` of `rowCount` rows,
    /// among `filtered` rows passing `filter`; lists the first `shown`.
    public init(issues: [ConfidentLearning.Issue], source: LabelIssueSource, name: String, rowCount: Int, filtered: Int,
                filter: String?, shown: Int = .max) {
        file = name
        rows = rowCount
        self.filtered = filtered
        self.where = filter
        self.source = source.description
        classes = source.classes
        count = issues.count
        self.issues = issues.prefix(shown).map {
            Issue(row: $0.row, label: source.classes[$0.label], suggested: source.classes[$0.suggested],
                  selfConfidence: $0.selfConfidence)
        }
    }

    /// The issues as a table: row, label, suggested, self-confidence (four decimals, or in full
    /// when `raw`, for CSV).
    public func table(raw: Bool = false) -> TextTable {
        TextTable(headers: ["row", "label", "suggested", "self_confidence"],
                  rows: issues.map { [String($0.row), $0.label, $0.suggested,
                                      raw ? NumberFormatting.shortest($0.selfConfidence) : NumberFormatting.fixed($0.selfConfidence)] },
                  rightAligned: [0, 3])
    }
}
