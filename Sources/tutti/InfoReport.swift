import Foundation
import TuttiCore

/// The output of `tutti info`, as a table or JSON.
struct InfoReport: Encodable {
    let file: String
    let rows: Int
    let columns: [ColumnEntry]

    struct ColumnEntry: Encodable {
        let summary: ColumnSummary

        enum CodingKeys: String, CodingKey { case name, kind, role, missing, distinct, min, max, mean, top, width }
        struct TopEntry: Encodable { let value: String; let count: Int }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(summary.name, forKey: .name)
            try container.encode(summary.kind.rawValue, forKey: .kind)
            try container.encode(summary.role?.rawValue, forKey: .role)
            try container.encode(summary.missing, forKey: .missing)
            try container.encode(summary.distinct, forKey: .distinct)
            try container.encode(summary.min, forKey: .min)
            try container.encode(summary.max, forKey: .max)
            try container.encode(summary.mean, forKey: .mean)
            try container.encode(summary.top.map { TopEntry(value: $0.value, count: $0.count) }, forKey: .top)
            try container.encode(summary.vectorWidth, forKey: .width)
        }
    }

    init(dataset: Dataset, summaries: [ColumnSummary]) {
        file = dataset.source
        rows = dataset.rowCount
        columns = summaries.map(ColumnEntry.init)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        let body = TextTable(
            headers: ["column", "kind", "role", "missing", "distinct", "min", "max", "mean", "top values"],
            rows: columns.map { entry in
                let s = entry.summary
                let number = { (value: Double?) in value.map { NumberFormatting.compact($0, significant: 6) } ?? "" }
                let kind = s.vectorWidth.map { "vector[\($0)]" } ?? s.kind.rawValue
                return [s.name, kind, s.role?.rawValue ?? "", NumberFormatting.grouped(s.missing),
                        NumberFormatting.grouped(s.distinct), number(s.min), number(s.max), number(s.mean),
                        s.top.map { "\($0.value) (\(NumberFormatting.grouped($0.count)))" }.joined(separator: ", ")]
            },
            rightAligned: [3, 4, 5, 6, 7])
        return "\(file): \(NumberFormatting.grouped(rows)) rows, \(columns.count) columns\n\n" + body.renderAligned()
    }
}
