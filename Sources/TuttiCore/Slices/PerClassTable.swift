/// Per-class metrics as text tables, the way `tutti slices --per-class` prints them.
public enum PerClassTable {
    /// One slice's classes, as scikit-learn's `classification_report` lays them out: a line per
    /// class (precision, recall, F1 with four decimals, support), then the macro, micro and
    /// weighted averages with the total support. A ratio without rows reads "–".
    public static func table(_ metrics: PerClassMetrics) -> TextTable {
        var rows = metrics.classes.map { scores in
            [scores.name, NumberFormatting.metric(scores.precision), NumberFormatting.metric(scores.recall),
             NumberFormatting.metric(scores.f1), NumberFormatting.grouped(scores.support)]
        }
        for (name, average) in [("macro avg", metrics.macro), ("micro avg", metrics.micro), ("weighted avg", metrics.weighted)] {
            rows.append([name, NumberFormatting.metric(average?.precision), NumberFormatting.metric(average?.recall),
                         NumberFormatting.metric(average?.f1), NumberFormatting.grouped(metrics.support)])
        }
        return TextTable(headers: ["class", "precision", "recall", "f1", "support"], rows: rows, rightAligned: [1, 2, 3, 4])
    }

    /// Several slices' classes in one long table for CSV: `slice, class, precision, recall, f1,
    /// support`, numbers in full (empty for none), the averages as classes `macro avg`, `micro
    /// avg` and `weighted avg`.
    public static func long(_ slices: [(slice: String, metrics: PerClassMetrics)]) -> TextTable {
        let raw = { (value: Double?) in value.map(NumberFormatting.shortest) ?? "" }
        var rows: [[String]] = []
        for (slice, metrics) in slices {
            for scores in metrics.classes {
                rows.append([slice, scores.name, raw(scores.precision), raw(scores.recall), raw(scores.f1), String(scores.support)])
            }
            for (name, average) in [("macro avg", metrics.macro), ("micro avg", metrics.micro),
                                    ("weighted avg", metrics.weighted)] {
                rows.append([slice, name, raw(average?.precision), raw(average?.recall), raw(average?.f1),
                             String(metrics.support)])
            }
        }
        return TextTable(headers: ["slice", "class", "precision", "recall", "f1", "support"], rows: rows)
    }
}
