import Foundation
import TuttiCore

/// The output of `tutti info`, as a table or JSON.
struct InfoReport: Encodable {
    let file: String
    let rows: Int
    let columns: [ColumnEntry]
    /// Why each inferred role went to its column.
    let roles: [RoleEntry]
    /// The models the table holds, when more than one.
    let models: [ModelEntry]

    /// A role, its column and, when inferred, why.
    struct RoleEntry: Encodable {
        let role: String
        let column: String
        let reason: String?
    }

    /// A model's columns; `default` marks the one holding the prediction and score roles.
    struct ModelEntry: Encodable {
        let name: String
        let prediction: String?
        let score: String?
        let `default`: Bool
    }

    /// One column's summary, less what would mislead: a vector column has no distinct count
    /// (null, shown `—`), and a column of class labels no mean.
    struct ColumnEntry: Encodable {
        let summary: ColumnSummary
        /// Whether the column holds class labels: the label or prediction column, or integers
        /// that are all values of an integer label (another column of classes).
        let holdsClasses: Bool
        /// Why the column has its kind, where that may surprise.
        let note: String?

        /// The distinct count; nil for vectors, where it is not counted.
        var distinct: Int? { summary.vectorWidth == nil ? summary.distinct : nil }
        /// The mean; nil for class labels.
        var mean: Double? { holdsClasses ? nil : summary.mean }
        /// Whether the statistics are times (shown as ISO 8601 text).
        var isTime: Bool { summary.kind == .datetime }

        enum CodingKeys: String, CodingKey { case name, kind, role, missing, distinct, min, max, mean, median, std, p5, p95, top, width, note }
        struct TopEntry: Encodable { let value: String; let count: Int }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(summary.name, forKey: .name)
            try container.encode(summary.kind.rawValue, forKey: .kind)
            try container.encode(summary.role?.rawValue, forKey: .role)
            try container.encode(summary.missing, forKey: .missing)
            try container.encode(distinct, forKey: .distinct)
            for (key, value) in [(CodingKeys.min, summary.min), (.max, summary.max), (.median, summary.median),
                                 (.p5, summary.p5), (.p95, summary.p95)] {
                if isTime { try container.encode(value.map { TimeFormatting.iso(Int64($0)) }, forKey: key) }
                else { try container.encode(value, forKey: key) }
            }
            try container.encode(mean, forKey: .mean)
            try container.encode(summary.std, forKey: .std)
            try container.encode(summary.top.map { TopEntry(value: $0.value, count: $0.count) }, forKey: .top)
            try container.encode(summary.vectorWidth, forKey: .width)
            try container.encode(note, forKey: .note)
        }
    }

    /// The report of `dataset`; `rows` (the rows passing a filter) replaces its row count when given.
    init(dataset: Dataset, roles: ColumnRoles, summaries: [ColumnSummary], rows: Int? = nil) {
        file = dataset.source
        self.rows = rows ?? dataset.rowCount
        // Summaries of filtered rows do not bound the whole columns the class test reads.
        let summaryOf = rows != nil ? [:] : Dictionary(summaries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let classes = roles[.label].flatMap { name in
            dataset.column(named: name).flatMap { Self.integerValues($0, summary: summaryOf[name]) }
        }
        columns = summaries.map { summary in
            var holdsClasses = summary.role == .label || summary.role == .prediction
            if !holdsClasses, let classes, let column = dataset.column(named: summary.name),
               Self.mayHoldClasses(summaryOf[summary.name], classes: classes),
               let values = Self.integerValues(column, summary: summaryOf[summary.name]) {
                holdsClasses = values.isSubset(of: classes)
            }
            return ColumnEntry(summary: summary, holdsClasses: holdsClasses, note: dataset.columnNotes[summary.name])
        }
        self.roles = ColumnRole.allCases.compactMap { role in
            roles[role].map { RoleEntry(role: role.rawValue, column: $0, reason: roles.reasons[role]) }
        }
        let defaultModel = roles.defaultModel
        models = roles.models.map {
            ModelEntry(name: $0.name, prediction: $0.prediction, score: $0.score, default: $0 == defaultModel)
        }
    }

    /// The report of a source whose rows stay where they are (a database): the label and
    /// prediction columns hold classes, and no column has a note.
    init(source: any DataSource, rows: Int, summaries: [ColumnSummary]) {
        file = source.displayName
        self.rows = rows
        columns = summaries.map { summary in
            ColumnEntry(summary: summary, holdsClasses: summary.role == .label || summary.role == .prediction, note: nil)
        }
        roles = ColumnRole.allCases.compactMap { role in
            source.roles[role].map { RoleEntry(role: role.rawValue, column: $0, reason: source.roles.reasons[role]) }
        }
        let defaultModel = source.roles.defaultModel
        models = source.roles.models.map {
            ModelEntry(name: $0.name, prediction: $0.prediction, score: $0.score, default: $0 == defaultModel)
        }
    }

    /// Classes are few: an integer column of more values than this is not one.
    static let maxClasses = 100

    /// The values of an integer column, when there are at most `maxClasses`. Its summary, when
    /// given, answers without a scan for a column of more distinct values, and bounds the values
    /// of the rest so that a table of flags replaces hashing every row.
    private static func integerValues(_ column: Column, summary: ColumnSummary?) -> Set<Int64>? {
        guard case .integer(let values) = column.data else { return nil }
        if let summary {
            guard summary.distinct <= maxClasses else { return nil }
            guard let low = summary.min, let high = summary.max else { return [] }
            // Doubles hold the bounds exactly below 2^53.
            if Swift.max(Swift.abs(low), Swift.abs(high)) < 9_007_199_254_740_992, high - low < 65_536 {
                let base = Int64(low)
                // As many distinct values as integers between the bounds: every one of them.
                if summary.distinct == Int(high - low) + 1 { return Set(base...Int64(high)) }
                var seen = [Bool](repeating: false, count: Int(high - low) + 1)
                values.withUnsafeBufferPointer { values in
                    column.validity.forEachMember { seen[Int(values[$0] - base)] = true }
                }
                return Set(seen.indices.filter { seen[$0] }.map { base + Int64($0) })
            }
        }
        var seen = Set<Int64>()
        for row in 0..<values.count where column.isPresent(row) {
            seen.insert(values[row])
            if seen.count > maxClasses { return nil }
        }
        return seen
    }

    /// False when a column's summary shows it cannot hold only `classes` (a bound outside
    /// them, more distinct values than they have), so that its values need not be read.
    private static func mayHoldClasses(_ summary: ColumnSummary?, classes: Set<Int64>) -> Bool {
        guard let summary else { return true }
        guard summary.distinct <= classes.count else { return false }
        guard let low = summary.min, let high = summary.max, let lowest = classes.min(), let highest = classes.max(),
              Swift.max(lowest.magnitude, highest.magnitude) < 1 << 53 else {
            return true
        }
        // Doubles hold the classes exactly below 2^53.
        return low >= Double(lowest) && high <= Double(highest)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        let body = TextTable(
            headers: ["column", "kind", "role", "missing", "distinct", "min", "max", "mean", "std", "p5", "median", "p95",
                      "top values"],
            rows: columns.map { entry in
                let s = entry.summary
                let number = { (value: Double?) in
                    value.map { entry.isTime ? TimeFormatting.iso(Int64($0)) : NumberFormatting.compact($0, significant: 6) } ?? ""
                }
                let kind = s.vectorWidth.map { "vector[\($0)]" } ?? s.kind.rawValue
                return [s.name, kind, s.role?.rawValue ?? "", NumberFormatting.grouped(s.missing),
                        entry.distinct.map(NumberFormatting.grouped) ?? "—", number(s.min), number(s.max), number(entry.mean),
                        number(s.std), number(s.p5), number(s.median), number(s.p95),
                        s.top.map { "\($0.value) (\(NumberFormatting.grouped($0.count)))" }.joined(separator: ", ")]
            },
            rightAligned: [3, 4, 5, 6, 7, 8, 9, 10, 11])
        return "\(file): \(NumberFormatting.grouped(rows)) rows, \(columns.count) columns\n\n" + body.renderAligned()
            + footnotes()
    }

    /// The lines under the table: why roles were chosen, the models, the notes on kinds.
    private func footnotes() -> String {
        var lines: [String] = []
        let reasoned = roles.filter { $0.reason != nil }
        if !reasoned.isEmpty {
            lines.append("roles: " + reasoned.map { "\($0.role): \($0.column) (\($0.reason!))" }.joined(separator: "; "))
        }
        if !models.isEmpty {
            lines.append("models: " + models.map { model in
                let columns = [model.prediction, model.score].compactMap { $0 }.joined(separator: ", ")
                return "\(model.name) (\(columns))" + (model.default ? " default" : "")
            }.joined(separator: "; "))
        }
        for entry in columns {
            if let note = entry.note { lines.append("note: \(entry.summary.name) \(note)") }
        }
        return lines.isEmpty ? "" : "\n" + lines.map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
