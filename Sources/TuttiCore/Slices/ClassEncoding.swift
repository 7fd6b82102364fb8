/// The label and prediction columns mapped once to one shared set of classes, so that every
/// slice compares them as small integers.
///
/// Values match by their display text, whatever the column kinds: an integer label `1`
/// matches a categorical prediction `"1"` and a float `1.0`. A boolean column next to a 0/1
/// column reads `true` as `1` and `false` as `0`.
public struct ClassEncoding: Sendable {
    /// The classes, ordered numerically when both texts are numbers, else by text.
    public let classes: [String]
    /// The class of each row's label (-1 where the label is missing).
    public let labels: [Int32]
    /// The class of each row's prediction (-1 where the prediction is missing).
    public let predictions: [Int32]
    /// The positive class of a binary task; nil for multi-class metrics (macro averages).
    public let positive: Int?

    /// Encodes `label` and `prediction` (of equal length).
    ///
    /// The positive class is `positiveClass` when given (which makes any task binary, one
    /// class against the rest); otherwise, with at most two classes, the value `1` or `true`,
    /// else the class less frequent among the labels. With more than two classes the task is
    /// multi-class.
    public init(label: Column, prediction: Column, positiveClass: String? = nil) throws {
        precondition(label.rowCount == prediction.rowCount, "label and prediction of different lengths")
        var labelValues = try LocalClasses(label)
        var predictionValues = try LocalClasses(prediction)
        switch (label.kind == .boolean, prediction.kind == .boolean) {
        case (true, false) where predictionValues.texts.allSatisfy({ $0 == "0" || $0 == "1" }):
            labelValues.readBooleansAsDigits()
        case (false, true) where labelValues.texts.allSatisfy({ $0 == "0" || $0 == "1" }):
            predictionValues.readBooleansAsDigits()
        default:
            break
        }
        let classes = Array(Set(labelValues.texts + predictionValues.texts)).sorted(by: Self.ordered)
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($0.element, Int32($0.offset)) })
        labels = labelValues.globalCodes(index)
        predictions = predictionValues.globalCodes(index)
        self.classes = classes
        if let positiveClass {
            guard let chosen = classes.firstIndex(of: positiveClass) else {
                throw TuttiError("the positive class '\(positiveClass)' is not a value of '\(label.name)' or '\(prediction.name)' "
                                 + "(values: \(classes.prefix(10).joined(separator: ", "))\(classes.count > 10 ? ", …" : ""))")
            }
            positive = chosen
        } else if classes.count > 2 {
            positive = nil
        } else if let one = classes.firstIndex(where: { $0 == "1" || $0 == "true" }) {
            positive = one
        } else if classes.count == 2 {
            var counts = [0, 0]
            for code in labels where code >= 0 { counts[Int(code)] += 1 }
            positive = counts[0] < counts[1] ? 0 : 1
        } else {
            positive = nil
        }
    }

    /// Whether metrics are binary (one positive class) rather than macro-averaged.
    public var isBinary: Bool { positive != nil }

    /// Numbers in numeric order before texts in byte order.
    static func ordered(_ a: String, _ b: String) -> Bool {
        switch (Double(a), Double(b)) {
        case let (x?, y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: a < b
        }
    }
}

/// One column's values as codes into the texts it holds (only values present in some row).
private struct LocalClasses {
    var texts: [String]
    /// Per row: an index into `texts`, or -1 where missing.
    let codes: [Int32]

    init(_ column: Column) throws {
        let rows = column.rowCount
        switch column.data {
        case .categorical(let codes, let dictionary):
            let counts = CategoryCounts.count(codes: codes, categories: dictionary.count)
            var local = [Int32](repeating: -1, count: dictionary.count + 1)
            var texts: [String] = []
            for code in 0..<dictionary.count where counts[code] > 0 {
                local[code] = Int32(texts.count)
                texts.append(dictionary[code])
            }
            self.texts = texts
            self.codes = codes.map { local[Int($0)] }
        case .boolean(let values):
            var seen = [false, false]
            column.validity.forEachMember { seen[values[$0] ? 1 : 0] = true }
            var local: [Int32] = [-1, -1]
            var texts: [String] = []
            for (value, text) in ["false", "true"].enumerated() where seen[value] {
                local[value] = Int32(texts.count)
                texts.append(text)
            }
            var codes = [Int32](repeating: -1, count: rows)
            column.validity.forEachMember { codes[$0] = local[values[$0] ? 1 : 0] }
            self.texts = texts
            self.codes = codes
        case .integer(let values):
            var low = Int64.max, high = Int64.min
            column.validity.forEachMember { row in
                low = min(low, values[row])
                high = max(high, values[row])
            }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            if low <= high, !overflow, span < 1 << 16 {
                var local = [Int32](repeating: -1, count: Int(span) + 1)
                var texts: [String] = []
                var codes = [Int32](repeating: -1, count: rows)
                column.validity.forEachMember { row in
                    let slot = Int(values[row] - low)
                    if local[slot] < 0 {
                        local[slot] = Int32(texts.count)
                        texts.append(String(values[row]))
                    }
                    codes[row] = local[slot]
                }
                self.texts = texts
                self.codes = codes
            } else {
                (texts, codes) = Self.hashed(column.validity, rows: rows, key: { values[$0] }, text: { String($0) })
            }
        case .float(let values):
            (texts, codes) = Self.hashed(column.validity, rows: rows, key: { values[$0].bitPattern },
                                         text: { NumberFormatting.shortest(Double(bitPattern: $0)) })
        case .text(let table):
            (texts, codes) = Self.hashed(column.validity, rows: rows, key: { table[$0] }, text: { $0 })
        case .vector, .datetime:
            throw TuttiError("column '\(column.name)' holds \(column.kind == .vector ? "vectors" : "times"); "
                             + "a label or prediction must hold classes")
        }
    }

    /// Codes by hashing a key per present row.
    private static func hashed<Key: Hashable>(_ validity: RowSet, rows: Int, key: (Int) -> Key,
                                               text: (Key) -> String) -> ([String], [Int32]) {
        var index: [Key: Int32] = [:]
        var texts: [String] = []
        var codes = [Int32](repeating: -1, count: rows)
        validity.forEachMember { row in
            let value = key(row)
            if let code = index[value] {
                codes[row] = code
            } else {
                let code = Int32(texts.count)
                index[value] = code
                texts.append(text(value))
                codes[row] = code
            }
        }
        // Floats that print alike (0.0 and -0.0) are one class.
        var merged: [String: Int32] = [:]
        var unique: [String] = []
        let remap = texts.map { text -> Int32 in
            if let code = merged[text] { return code }
            merged[text] = Int32(unique.count)
            unique.append(text)
            return Int32(unique.count - 1)
        }
        return (unique, codes.map { $0 < 0 ? -1 : remap[Int($0)] })
    }

    /// Booleans read as 0 / 1 (to match a 0/1 column).
    mutating func readBooleansAsDigits() {
        texts = texts.map { $0 == "true" ? "1" : "0" }
    }

    /// The codes in the shared class index.
    func globalCodes(_ index: [String: Int32]) -> [Int32] {
        let map = texts.map { index[$0]! }
        return codes.map { $0 < 0 ? -1 : map[Int($0)] }
    }
}
