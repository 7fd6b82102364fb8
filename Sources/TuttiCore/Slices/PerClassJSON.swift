extension SliceReportJSON {
    /// Per-class metrics as JSON: `{"classes": [{"class", "precision", "recall", "f1", "support"}],
    /// "macro": {"precision", "recall", "f1"}, "micro": {…}, "weighted": {…}, "support"}`; a ratio
    /// without rows to measure it on, and the averages without rows, are `null`.
    public struct PerClass: Codable, Equatable, Sendable {
        /// One class's scores.
        public struct Class: Codable, Equatable, Sendable {
            public let `class`: String
            public let precision: Double?, recall: Double?, f1: Double?
            public let support: Int

            public func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(`class`, forKey: .class)
                try container.encode(precision, forKey: .precision)
                try container.encode(recall, forKey: .recall)
                try container.encode(f1, forKey: .f1)
                try container.encode(support, forKey: .support)
            }
        }

        /// Precision, recall and F1 averaged one way.
        public struct Average: Codable, Equatable, Sendable {
            public let precision: Double, recall: Double, f1: Double
        }

        public let classes: [Class]
        public let macro: Average?, micro: Average?, weighted: Average?
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

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(classes, forKey: .classes)
            try container.encode(macro, forKey: .macro)
            try container.encode(micro, forKey: .micro)
            try container.encode(weighted, forKey: .weighted)
            try container.encode(support, forKey: .support)
        }
    }
}
