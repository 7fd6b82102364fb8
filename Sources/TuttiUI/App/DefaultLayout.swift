import TuttiCore

/// The first layout tutti opens: the summary and histograms of the label and score (or the
/// first numeric columns) on top, the rows below.
enum DefaultLayout {
    static func histogramColumns(_ dataset: Dataset, roles: ColumnRoles) -> [String] {
        var chosen: [String] = []
        for role in [ColumnRole.score, .label, .loss] {
            if let name = roles[role], let column = dataset.column(named: name), column.kind != .text,
               column.kind != .vector, chosen.count < 2 {
                chosen.append(name)
            }
        }
        for column in dataset.columns where chosen.count < 2 && !chosen.contains(column.name) {
            if column.kind.isNumeric || column.kind == .categorical { chosen.append(column.name) }
        }
        return chosen
    }
}
