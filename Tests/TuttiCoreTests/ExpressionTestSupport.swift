import Foundation
import Testing
@testable import TuttiCore

/// Column values for building test datasets; nil is a missing cell.
enum TestColumn {
    case integers([Int64?])
    case floats([Double?])
    case booleans([Bool?])
    case categorical([String?])
    case text([String?])
    case vectors([[Float]?], width: Int)

    var count: Int {
        switch self {
        case .integers(let values): values.count
        case .floats(let values): values.count
        case .booleans(let values): values.count
        case .categorical(let values), .text(let values): values.count
        case .vectors(let values, _): values.count
        }
    }

    /// The column as the loader would build it (placeholders in missing cells, a missing
    /// categorical cell holding code == dictionary count).
    func column(named name: String) -> Column {
        func build<T>(_ values: [T?], placeholder: T) -> ([T], RowSet) {
            let validity = RowSet(rowCount: values.count, rows: values.indices.filter { values[$0] != nil })
            return (values.map { $0 ?? placeholder }, validity)
        }
        switch self {
        case .integers(let values):
            let (data, validity) = build(values, placeholder: 0)
            return Column(name: name, data: .integer(data), validity: validity)
        case .floats(let values):
            let (data, validity) = build(values, placeholder: 0)
            return Column(name: name, data: .float(data), validity: validity)
        case .booleans(let values):
            let (data, validity) = build(values, placeholder: false)
            return Column(name: name, data: .boolean(data), validity: validity)
        case .categorical(let values):
            var entries: [String] = []
            var codeOf: [String: UInt32] = [:]
            for case let value? in values where codeOf[value] == nil {
                codeOf[value] = UInt32(entries.count)
                entries.append(value)
            }
            let (data, validity) = build(values.map { $0.map { codeOf[$0]! } }, placeholder: UInt32(entries.count))
            return Column(name: name, data: .categorical(codes: data, dictionary: StringTable(entries)), validity: validity)
        case .text(let values):
            let (data, validity) = build(values, placeholder: "")
            return Column(name: name, data: .text(StringTable(data)), validity: validity)
        case .vectors(let values, let width):
            let (data, validity) = build(values, placeholder: [Float](repeating: 0, count: width))
            return Column(name: name, data: .vector(width: width, values: data.flatMap { $0 }), validity: validity)
        }
    }
}

/// A dataset from named test columns of equal length.
func makeDataset(_ columns: KeyValuePairs<String, TestColumn>) -> Dataset {
    Dataset(source: "test", rowCount: columns.first?.value.count ?? 0,
            columns: columns.map { $0.value.column(named: $0.key) })
}

/// The rows `text` selects in `dataset`, as row numbers.
func filterRows(_ text: String, _ dataset: Dataset) throws -> [Int] {
    try FilterExpression(text, dataset: dataset).evaluate(dataset).members
}

/// The error `text` raises against `dataset`, or nil.
func expressionError(_ text: String, _ dataset: Dataset) -> ExpressionError? {
    do {
        _ = try FilterExpression(text, dataset: dataset)
        return nil
    } catch {
        return error
    }
}

/// The source text an error points at.
func culprit(_ error: ExpressionError?) -> String? {
    guard let error else { return nil }
    return String(Array(error.expression)[error.range])
}

/// The seeded generator of the engine (SplitMix64).
typealias ExpressionRandom = SplitMix64
