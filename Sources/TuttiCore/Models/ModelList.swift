import Foundation

/// The models a comparison names: `name=prediction[:score]` each, or the name of a model the
/// roles list (`prediction_hgb`, `score_hgb` → `hgb`), or a prediction column.
public enum ModelList {
    /// The models of `text` (comma-separated) in `dataset`, or, without text, the first two the
    /// roles list. Throws for a column or model that does not exist, a name given twice, or fewer
    /// than two models.
    public static func parse(_ text: String?, dataset: Dataset, roles: ColumnRoles) throws -> [ModelColumns] {
        guard let text else {
            guard roles.models.count >= 2 else {
                throw TuttiError("comparing needs two models: name them with --models a=prediction_a:score_a,b=prediction_b "
                                 + "(or name their columns prediction_a, prediction_b, …)")
            }
            return Array(roles.models.prefix(2))
        }
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var models: [ModelColumns] = []
        for item in items {
            let model = try parseItem(item, dataset: dataset, roles: roles)
            guard !models.contains(where: { $0.name == model.name }) else { throw TuttiError("--models: '\(model.name)' is named twice") }
            models.append(model)
        }
        guard models.count == 2 else { throw TuttiError("--models takes two models, got \(models.count)") }
        return models
    }

    private static func parseItem(_ item: String, dataset: Dataset, roles: ColumnRoles) throws -> ModelColumns {
        func column(_ name: String) throws -> String {
            guard dataset.column(named: name) != nil else {
                throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames),
                                               context: "--models")
            }
            return name
        }
        if let equals = item.firstIndex(of: "=") {
            let name = String(item[..<equals]).trimmingCharacters(in: .whitespaces)
            let columns = item[item.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !name.isEmpty, (1...2).contains(columns.count), !columns[0].isEmpty else {
                throw TuttiError("--models: '\(item)' must read name=prediction or name=prediction:score")
            }
            let score = columns.count == 2 && !columns[1].isEmpty ? try column(columns[1]) : nil
            return ModelColumns(name: name, prediction: try column(columns[0]), score: score)
        }
        if let model = roles.models.first(where: { $0.name == item }), model.prediction != nil { return model }
        if dataset.column(named: item) != nil {
            let score = roles.models.first { $0.prediction == item }?.score
            return ModelColumns(name: item, prediction: item, score: score)
        }
        let known = roles.models.map(\.name) + dataset.columnNames
        throw TuttiError.unknownColumn(item, suggestion: NameSuggestion.nearest(to: item, in: known), context: "--models")
    }
}
