extension ScoreThreshold {
    /// The threshold `value` on the task of `roles` in `dataset` (whose prediction column is the
    /// one as loaded): label, prediction and score roles set, two classes, a numeric score.
    public init(value: Double, dataset: Dataset, roles: ColumnRoles) throws {
        guard value.isFinite else { throw TuttiError("the threshold must be a finite number, got \(value)") }
        guard let labelName = roles[.label], let label = dataset.column(named: labelName),
              let predictionName = roles[.prediction], let prediction = dataset.column(named: predictionName),
              let scoreName = roles[.score] else {
            throw TuttiError("a threshold needs label, prediction and score columns (set them with --label, --prediction and --score)")
        }
        let scores = try Self.scores(dataset, scoreName)
        let classes = try ClassEncoding(label: label, prediction: prediction)
        guard classes.classes.count == 2, let positive = classes.positive else {
            throw TuttiError("a threshold needs a binary task: '\(labelName)' and '\(predictionName)' hold "
                             + "\(classes.classes.count) classes")
        }
        var positiveLabels = RowSet(rowCount: dataset.rowCount), labelled = RowSet(rowCount: dataset.rowCount)
        for (row, code) in classes.labels.enumerated() where code >= 0 {
            labelled.insert(row)
            if code == Int32(positive) { positiveLabels.insert(row) }
        }
        let present = scores.validity
        var low = Double.infinity, high = -Double.infinity
        present.forEachMember { row in
            low = min(low, scores.values[row])
            high = max(high, scores.values[row])
        }
        guard low <= high else { throw TuttiError("the score column '\(scoreName)' holds no number") }
        self.init(value: value, score: scoreName, prediction: predictionName, positive: classes.classes[positive],
                  negative: classes.classes[1 - positive], scoreRange: low...high, original: prediction,
                  positiveLabels: positiveLabels, labelled: labelled, scores: scores)
    }
}
