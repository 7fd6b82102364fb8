/// What a scatter plot colours its points by: a column's values (up to eight; the label and
/// the prediction keep their seven most common and group the rest as "other"), or whether the
/// prediction is correct. Per row a small code into `names`, so drawing reads one byte a point.
public struct ScatterColoring: Sendable {
    /// The computed correct / incorrect colouring's name in view files.
    public static let correctness = ":correct"
    /// The most categories one plot tells apart.
    public static let maximumCategories = 8
    /// The code of a row without a category.
    public static let missing = UInt8.max
    /// What it colours by: a column name or `correctness`.
    public let key: String
    /// The categories, in legend order.
    public let names: [String]
    /// Per row: an index into `names`, or `missing`.
    public let codes: [UInt8]

    /// What a plot may colour `state`'s points by: correct / incorrect when there are a label
    /// and a prediction, the label, the prediction, then every column of up to eight values.
    public static func choices(_ state: ExplorerState) -> [String] {
        var keys: [String] = []
        let label = state.roles[.label], prediction = state.roles[.prediction]
        if label != nil, prediction != nil { keys.append(correctness) }
        keys += [label, prediction].compactMap { $0 }
        for column in state.dataset.columns where !keys.contains(column.name) && hasFewValues(column.data) {
            keys.append(column.name)
        }
        return keys.filter { $0 == correctness || state.dataset.column(named: $0) != nil }
    }

    /// Whether `data` is categorical, boolean or integer with at most `maximumCategories`
    /// values; an integer column's scan stops at the first value past that.
    private static func hasFewValues(_ data: ColumnData) -> Bool {
        switch data {
        case .categorical(_, let dictionary): return dictionary.count <= maximumCategories
        case .boolean: return true
        case .integer(let values):
            var seen = Set<Int64>()
            for value in values {
                seen.insert(value)
                if seen.count > maximumCategories { return false }
            }
            return true
        default: return false
        }
    }

    /// The colouring `key` over `state`'s rows, or a message saying why it cannot be made.
    public static func make(_ key: String, state: ExplorerState) -> Result<ScatterColoring, TuttiError> {
        do {
            if key == correctness {
                guard let label = state.roles[.label].flatMap(state.dataset.column(named:)),
                      let prediction = state.roles[.prediction].flatMap(state.dataset.column(named:)) else {
                    return .failure(TuttiError("colouring by correctness needs a label and a prediction column"))
                }
                let encoding = try ClassEncoding(label: label, prediction: prediction)
                let codes = zip(encoding.labels, encoding.predictions).map { label, prediction -> UInt8 in
                    label < 0 || prediction < 0 ? missing : label == prediction ? 0 : 1
                }
                return .success(ScatterColoring(key: key, names: ["correct", "incorrect"], codes: codes))
            }
            guard let column = state.dataset.column(named: key) else { return .failure(TuttiError("no column '\(key)'")) }
            let encoding = try ClassEncoding(label: column, prediction: column)
            return .success(grouped(key: key, classes: encoding.classes, codes: encoding.labels))
        } catch let error as TuttiError {
            return .failure(error)
        } catch {
            return .failure(TuttiError("\(error)"))
        }
    }

    /// Keeps the most common classes (all of them when they fit) and groups the rest as "other".
    private static func grouped(key: String, classes: [String], codes: [Int32]) -> ScatterColoring {
        guard classes.count > maximumCategories else {
            return ScatterColoring(key: key, names: classes, codes: codes.map { $0 < 0 ? missing : UInt8($0) })
        }
        var counts = [Int](repeating: 0, count: classes.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        let kept = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            .prefix(maximumCategories - 1).sorted()
        var map = [UInt8](repeating: UInt8(maximumCategories - 1), count: classes.count)
        for (index, kept) in kept.enumerated() { map[kept] = UInt8(index) }
        return ScatterColoring(key: key, names: kept.map { classes[$0] } + ["other"],
                               codes: codes.map { $0 < 0 ? missing : map[Int($0)] })
    }

    /// The title of the correct / incorrect colouring.
    public static let correctnessTitle = "correct / incorrect"

    /// The name headers and legends give the colouring.
    public var title: String { key == Self.correctness ? Self.correctnessTitle : key }
}
