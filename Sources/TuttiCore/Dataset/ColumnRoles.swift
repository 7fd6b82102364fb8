/// The part a column plays in an ML evaluation table.
public enum ColumnRole: String, Sendable, CaseIterable, Codable {
    case label, prediction, score, loss, id, split, text, vector
}

/// Which column plays which role: inferred from names, kinds and values, overridable by the user.
public struct ColumnRoles: Sendable, Equatable {
    /// Role → column name.
    public private(set) var columns: [ColumnRole: String]
    /// Why an inferred role went to its column ("longest prose column"); roles set by the
    /// user have none.
    public private(set) var reasons: [ColumnRole: String]
    /// The models whose predictions or scores the table holds, when it holds more than one
    /// (`prediction_a`, `score_a`, `b_pred`, …), in column order; the prediction and score
    /// roles hold the default one's columns.
    public private(set) var models: [ModelColumns]

    /// No roles assigned.
    public init() {
        columns = [:]
        reasons = [:]
        models = []
    }

    /// The column playing `role`, if any.
    public subscript(role: ColumnRole) -> String? { columns[role] }

    /// The role of the column called `name`, if it has one.
    public func role(ofColumn name: String) -> ColumnRole? {
        ColumnRole.allCases.first { columns[$0] == name }
    }

    /// The model whose columns hold the prediction and score roles, if several are listed.
    public var defaultModel: ModelColumns? {
        models.first { $0.prediction != nil && $0.prediction == columns[.prediction] }
            ?? models.first { $0.score != nil && $0.score == columns[.score] }
    }

    /// Infers roles. By name (case-insensitive): `label`/`target`/`y`, `prediction`/`pred`/
    /// `predicted`, `score`/`prob*`/`probability`, `loss`, `id`, `split`. By values: `text` is
    /// the string column that reads most like prose (most words per value, then longest
    /// values), never a column of unique single tokens; `id`, when no column is named so, is
    /// a column of unique single tokens (`*_id`, `id_*`, `*_id_str` preferred, integers only
    /// with such a name); `vector` is the first vector column. Prediction and score columns
    /// of several models (`prediction_a`, `a_pred`, `score_a`, …) are listed in `models`, the
    /// first one the default when no column is plainly named `prediction`.
    public static func infer(from dataset: Dataset) -> ColumnRoles {
        var roles = ColumnRoles()
        for column in dataset.columns {
            guard let role = inferredRole(name: column.name, kind: column.kind), roles.columns[role] == nil else { continue }
            roles.columns[role] = column.name
            roles.reasons[role] = "named so"
        }
        roles.inferModels(dataset)
        let shapes = Dictionary(uniqueKeysWithValues: dataset.columns.compactMap { column in
            ColumnShape(column).map { (column.name, $0) }
        })
        roles.inferId(dataset, shapes)
        roles.inferText(dataset, shapes)
        if roles.columns[.vector] == nil, let vector = dataset.columns.first(where: { $0.kind == .vector }) {
            roles.columns[.vector] = vector.name
            roles.reasons[.vector] = "first vector column"
        }
        return roles
    }

    private mutating func inferId(_ dataset: Dataset, _ shapes: [String: ColumnShape]) {
        guard columns[.id] == nil else { return }
        let taken = Set(columns.values)
        let candidates = dataset.columns.filter { column in
            !taken.contains(column.name) && shapes[column.name]?.uniqueSingleTokens == true
                && (column.kind == .text || Self.isIdName(column.name))
        }
        if let named = candidates.first(where: { Self.isIdName($0.name) }) {
            columns[.id] = named.name
            reasons[.id] = "unique single tokens, named like an id"
        } else if let first = candidates.first {
            columns[.id] = first.name
            reasons[.id] = "unique single tokens"
        }
    }

    private mutating func inferText(_ dataset: Dataset, _ shapes: [String: ColumnShape]) {
        guard columns[.text] == nil else { return }
        let taken = Set(columns.values)
        let candidates = dataset.columns.compactMap { column -> (String, ColumnShape)? in
            guard column.kind == .text, !taken.contains(column.name), let shape = shapes[column.name],
                  !shape.uniqueSingleTokens else { return nil }
            return (column.name, shape)
        }
        guard let best = candidates.max(by: { a, b in
            (a.1.meanWords, a.1.meanBytes) < (b.1.meanWords, b.1.meanBytes)
        }) else { return }
        columns[.text] = best.0
        let words = NumberFormatting.compact(best.1.meanWords, significant: 3)
        reasons[.text] = "reads most like prose, \(words) words a value"
    }

    private mutating func inferModels(_ dataset: Dataset) {
        var found: [ModelColumns] = []
        for column in dataset.columns {
            guard let (model, role) = ModelColumns.parse(column.name, kind: column.kind) else { continue }
            if let index = found.firstIndex(where: { $0.name == model }) {
                if role == .prediction, found[index].prediction == nil { found[index].prediction = column.name }
                if role == .score, found[index].score == nil { found[index].score = column.name }
            } else {
                found.append(ModelColumns(name: model, prediction: role == .prediction ? column.name : nil,
                                          score: role == .score ? column.name : nil))
            }
        }
        guard !found.isEmpty else { return }
        if columns[.prediction] != nil || columns[.score] != nil {
            let plain = ModelColumns(name: columns[.prediction] ?? columns[.score]!, prediction: columns[.prediction],
                                     score: columns[.score])
            found.insert(plain, at: 0)
        } else if let first = found.first(where: { $0.prediction != nil }) ?? found.first {
            columns[.prediction] = first.prediction
            columns[.score] = first.score
            let reason = found.count > 1 ? "model \(first.name), the first of \(found.count)" : "model \(first.name)"
            if first.prediction != nil { reasons[.prediction] = reason }
            if first.score != nil { reasons[.score] = reason }
        }
        models = found.count > 1 ? found : []
    }

    /// Whether a name reads like an id column's: `id`, `*_id`, `id_*`, `*_id_str`, `*Id`.
    static func isIdName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "id" || lower.hasSuffix("_id") || lower.hasPrefix("id_") || lower.hasSuffix("_id_str")
            || lower.hasSuffix("id_str") || (name.hasSuffix("Id") && name.count > 2)
    }

    private static func inferredRole(name: String, kind: ColumnKind) -> ColumnRole? {
        let lower = name.lowercased()
        switch lower {
        case "label", "labels", "target", "y", "y_true", "truth", "ground_truth": return .label
        case "prediction", "predictions", "pred", "predicted", "y_pred": return .prediction
        case "score", "scores", "probability", "proba", "y_score": return kind.isNumeric ? .score : nil
        case "loss", "losses": return kind.isNumeric ? .loss : nil
        case "id", "row_id", "uid", "uuid": return .id
        case "split", "subset", "fold", "partition": return .split
        default:
            if lower.hasPrefix("prob"), kind.isNumeric { return .score }
            if (lower == "embedding" || lower == "embeddings"), kind == .vector { return .vector }
            return nil
        }
    }

    /// Sets `role` to the column called `name`, replacing any inferred one.
    /// Throws a message suggesting the nearest column name when there is no such column.
    public mutating func assign(_ role: ColumnRole, to name: String, in dataset: Dataset) throws {
        guard dataset.columnIndex(named: name) != nil else {
            throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames),
                                           context: "--\(role.rawValue)")
        }
        for (other, column) in columns where column == name && other != role {
            columns[other] = nil
            reasons[other] = nil
        }
        columns[role] = name
        reasons[role] = nil
    }

    /// Roles are equal when the same columns play them and the same models are listed; the
    /// reasons only explain.
    public static func == (lhs: ColumnRoles, rhs: ColumnRoles) -> Bool {
        lhs.columns == rhs.columns && lhs.models == rhs.models
    }

    /// Lists `models` as the table's models (`--models`), in place of those inferred from names.
    public mutating func setModels(_ models: [ModelColumns]) {
        self.models = models
    }

    /// Removes `role`.
    public mutating func clear(_ role: ColumnRole) {
        columns[role] = nil
        reasons[role] = nil
    }
}
