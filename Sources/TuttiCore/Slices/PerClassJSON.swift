extension SliceReportJSON {
    /// Per-class metrics as JSON: `{"classes": [{"class", "precision", "recall", "f1", "support"}],
    /// "macro": {"precision", "recall", "f1"}, "micro": {…}, "weighted": {…}, "support"}`; a ratio
    /// without rows to measure it on, and the averages without rows, are `null`.
    public struct PerClass: Codable, Equatable, Sendable {
        /// One class's scores.
        public struct Class: Codable, Equatable, Sendable {
            public let `class`: String
            @JSONNull public private(set) var precision: Double?
            @JSONNull public private(set) var recall: Double?
            @JSONNull public private(set) var f1: Double?
            public let support: Int
        }

        /// Precision, recall and F1 averaged one way.
        public struct Average: Codable, Equatable, Sendable {
            public let precision: Double, recall: Double, f1: Double
        }

        public let classes: [Class]
        @JSONNull public private(set) var macro: Average?
        @JSONNull public private(set) var micro: Average?
        @JSONNull public private(set) var weighted: Average?
        public let support: Int

        /// The JSON of `metrics`.
        public init(_ metrics: PerClassMetrics) {
            classes = metrics.classes.map {
                Class(class: $0.name, precision: $0.precision, recall: $0.recall, f1: $0.f1, support: $0.support)
            }
            let average = { (scores: AveragedScores?) in
                scores.map { Average(precision: $0.precision, recall: $0.recall, f1: $0.f1) }
            }
            macro = average(metrics.macro)
            micro = average(metrics.micro)
            weighted = average(metrics.weighted)
            support = metrics.support
        }
    }
}
