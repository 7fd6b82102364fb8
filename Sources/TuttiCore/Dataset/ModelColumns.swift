/// The columns one model wrote: its prediction and its score (either may be absent).
public struct ModelColumns: Sendable, Equatable {
    /// The model's name: what its column names share (`a` for `prediction_a` and `score_a`),
    /// or the prediction column's name for the plainly named model.
    public var name: String
    /// Its prediction column.
    public var prediction: String?
    /// Its score column.
    public var score: String?

    /// A model and its columns.
    public init(name: String, prediction: String?, score: String?) {
        self.name = name
        self.prediction = prediction
        self.score = score
    }

    private static let predictionPrefixes = ["prediction_", "predictions_", "predicted_", "pred_", "y_pred_"]
    private static let predictionSuffixes = ["_prediction", "_predictions", "_predicted", "_pred"]
    private static let scorePrefixes = ["score_", "scores_", "y_score_", "proba_"]
    private static let scoreSuffixes = ["_score", "_scores", "_proba"]

    /// The model and role a column name stands for (`prediction_a` → (`a`, prediction)); a
    /// score must be numeric.
    static func parse(_ name: String, kind: ColumnKind) -> (model: String, role: ColumnRole)? {
        let lower = name.lowercased()
        func strip(_ prefixes: [String], _ suffixes: [String]) -> String? {
            for prefix in prefixes where lower.hasPrefix(prefix) && lower.count > prefix.count {
                return String(name.dropFirst(prefix.count))
            }
            for suffix in suffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
                return String(name.dropLast(suffix.count))
            }
            return nil
        }
        if kind != .vector, let model = strip(predictionPrefixes, predictionSuffixes) { return (model, .prediction) }
        if kind.isNumeric, let model = strip(scorePrefixes, scoreSuffixes) { return (model, .score) }
        return nil
    }
}
