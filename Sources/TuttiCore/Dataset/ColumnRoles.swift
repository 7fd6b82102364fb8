/// The part a column plays in an ML evaluation table.
public enum ColumnRole: String, Sendable, CaseIterable, Codable {
    case label, prediction, score, loss, id, split, text, vector
}

/// Which column plays which role: inferred from names and kinds, overridable by the user.
public struct ColumnRoles: Sendable, Equatable {
    /// Role → column name.
    public private(set) var columns: [ColumnRole: String]

    /// No roles assigned.
    public init() { columns = [:] }

    /// The column playing `role`, if any.
    public subscript(role: ColumnRole) -> String? { columns[role] }

    /// The role of the column called `name`, if it has one.
    public func role(ofColumn name: String) -> ColumnRole? {
        ColumnRole.allCases.first { columns[$0] == name }
    }

    /// Infers roles from column names (case-insensitive): `label`/`target`/`y`,
    /// `prediction`/`pred`/`predicted`, `score`/`prob*`/`probability`, `loss`, `id`, `split`;
    /// `text` is the first text column and `vector` the first vector column.
    public static func infer(from dataset: Dataset) -> ColumnRoles {
        var roles = ColumnRoles()
        for column in dataset.columns {
            guard let role = inferredRole(name: column.name, kind: column.kind), roles.columns[role] == nil else { continue }
            roles.columns[role] = column.name
        }
        let taken = Set(roles.columns.values)
        if roles.columns[.text] == nil,
           let text = dataset.columns.first(where: { $0.kind == .text && !taken.contains($0.name) }) {
            roles.columns[.text] = text.name
        }
        if roles.columns[.vector] == nil, let vector = dataset.columns.first(where: { $0.kind == .vector }) {
            roles.columns[.vector] = vector.name
        }
        return roles
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
        for (other, column) in columns where column == name && other != role { columns[other] = nil }
        columns[role] = name
    }

    /// Removes `role`.
    public mutating func clear(_ role: ColumnRole) { columns[role] = nil }
}
