/// Where the class probabilities for finding label errors come from: a binary score, one
/// probability column per class (`prob_<class>`), or a vector column of probabilities.
public struct LabelIssueSource: Sendable {
    /// How the probabilities are stored.
    public enum Kind: Sendable, Equatable {
        /// The probability of the positive class of two (the other class gets 1 − score).
        case score(String)
        /// One number column per class, in the order of `classes`.
        case columns([String])
        /// A vector column holding one probability per class, in the order of `classes`.
        case vector(String)
    }

    /// How the probabilities are stored.
    public let kind: Kind
    /// The label column.
    public let label: String
    /// The classes, in the order of the probabilities.
    public let classes: [String]

    /// Prefixes of per-class probability columns (`prob_cat`).
    static let columnPrefixes = ["prob_", "proba_", "probability_"]
    /// Names of a probability vector column.
    static let vectorNames: Set<String> = ["probs", "probabilities", "pred_probs", "proba", "probas", "prob"]

    /// The source for `dataset` under `roles`: the columns named by `probabilities` when given
    /// (a vector column, or one number column per class), else `prob_<class>` columns covering
    /// every label, else a vector column named like probabilities, else the score role for two
    /// classes (positive class as `ClassEncoding` chooses it, or `positiveClass`).
    public init(dataset: Dataset, roles: ColumnRoles, probabilities: [String]? = nil, positiveClass: String? = nil) throws {
        guard let labelName = roles[.label], let labelColumn = dataset.column(named: labelName) else {
            throw TuttiError("label issues need a label column (set one with --label)")
        }
        label = labelName
        let labelClasses = try ClassEncoding(label: labelColumn, prediction: labelColumn).classes
        if let names = probabilities {
            for name in names where dataset.column(named: name) == nil {
                throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames),
                                               context: "--probabilities")
            }
            if names.count == 1, let column = dataset.column(named: names[0]), column.kind == .vector {
                (kind, classes) = try Self.vector(column, labelClasses: labelClasses)
            } else if names.count == 1 {
                (kind, classes) = try Self.score(dataset.column(named: names[0])!, label: labelColumn, positiveClass: positiveClass)
            } else {
                (kind, classes) = try Self.columns(names.map { dataset.column(named: $0)! }, labelClasses: labelClasses)
            }
            return
        }
        let perClass = dataset.columns.filter { column in
            column.kind.isNumeric && Self.className(column.name) != nil
        }
        let named = Set(perClass.compactMap { Self.className($0.name) })
        if perClass.count > 1, labelClasses.allSatisfy(named.contains) {
            (kind, classes) = try Self.columns(perClass, labelClasses: labelClasses)
        } else if let vector = dataset.columns.first(where: { $0.kind == .vector && Self.vectorNames.contains($0.name.lowercased()) }) {
            (kind, classes) = try Self.vector(vector, labelClasses: labelClasses)
        } else if let score = roles[.score].flatMap(dataset.column(named:)) {
            (kind, classes) = try Self.score(score, label: labelColumn, positiveClass: positiveClass)
        } else {
            throw TuttiError("label issues need class probabilities: a score column for two classes (--score), "
                             + "prob_<class> columns, or a vector of probabilities (--probabilities COL)")
        }
    }

    /// The class a per-class probability column stands for (`prob_cat` → `cat`).
    static func className(_ name: String) -> String? {
        let lower = name.lowercased()
        for prefix in columnPrefixes where lower.hasPrefix(prefix) && name.count > prefix.count {
            return String(name.dropFirst(prefix.count))
        }
        return nil
    }

    private static func score(_ column: Column, label: Column, positiveClass: String?) throws -> (Kind, [String]) {
        guard column.kind.isNumeric else {
            throw TuttiError("the score column '\(column.name)' holds \(column.kind.rawValue); it must hold numbers")
        }
        let encoding = try ClassEncoding(label: label, prediction: label, positiveClass: positiveClass)
        guard encoding.classes.count == 2, let positive = encoding.positive else {
            throw TuttiError("a score gives the probabilities of two classes, but '\(label.name)' has \(encoding.classes.count); "
                             + "give one probability column per class (prob_<class>) or a vector (--probabilities COL)")
        }
        return (.score(column.name), [encoding.classes[1 - positive], encoding.classes[positive]])
    }

    private static func columns(_ columns: [Column], labelClasses: [String]) throws -> (Kind, [String]) {
        for column in columns where !column.kind.isNumeric {
            throw TuttiError("the probability column '\(column.name)' holds \(column.kind.rawValue); it must hold numbers")
        }
        let names = columns.map { className($0.name) ?? $0.name }
        if let missing = labelClasses.first(where: { !names.contains($0) }) {
            throw TuttiError("no probability column for the label '\(missing)' (columns: \(columns.map(\.name).joined(separator: ", ")))")
        }
        return (.columns(columns.map(\.name)), names)
    }

    private static func vector(_ column: Column, labelClasses: [String]) throws -> (Kind, [String]) {
        guard case .vector(let width, _) = column.data, width == labelClasses.count else {
            throw TuttiError("the probability vector '\(column.name)' must hold one probability per class "
                             + "(\(labelClasses.count): \(labelClasses.joined(separator: ", "))) in that order")
        }
        return (.vector(column.name), labelClasses)
    }

    /// A few words on the source: "score column 'score' (positive class 1)".
    public var description: String {
        switch kind {
        case .score(let name): "score column '\(name)' (positive class \(classes[1]))"
        case .columns(let names): "probability columns \(names.joined(separator: ", "))"
        case .vector(let name): "probability vector '\(name)'"
        }
    }

    /// The likely label errors among the rows of `filter` that have a label and every
    /// probability (none NaN), ranked by self-confidence.
    public func issues(in dataset: Dataset, filter: RowSet, work: WorkContext = WorkContext()) throws -> [ConfidentLearning.Issue] {
        let labelColumn = dataset.column(named: label)!
        let encoding = try ClassEncoding(label: labelColumn, prediction: labelColumn)
        let classOfLabel = encoding.classes.map { classes.firstIndex(of: $0).map(Int32.init) ?? -1 }
        let k = classes.count
        var rows: [Int] = [], labels: [Int32] = [], probabilities: [Double] = []
        rows.reserveCapacity(filter.count)
        labels.reserveCapacity(filter.count)
        probabilities.reserveCapacity(filter.count * k)
        let reader = try ProbabilityReader(kind: kind, dataset: dataset)
        var values = [Double](repeating: 0, count: k)
        filter.forEachMember { row in
            let code = encoding.labels[row]
            guard code >= 0, classOfLabel[Int(code)] >= 0, reader.read(row, into: &values) else { return }
            rows.append(row)
            labels.append(classOfLabel[Int(code)])
            probabilities += values
        }
        return try ConfidentLearning.issues(rows: rows, labels: labels, probabilities: probabilities, classCount: k, work: work)
    }
}

/// Reads one row's class probabilities from the columns of a `LabelIssueSource.Kind`.
private struct ProbabilityReader {
    private let columns: [(values: [Double], validity: RowSet)]
    private let vector: (width: Int, values: [Float], validity: RowSet)?
    private let isScore: Bool

    init(kind: LabelIssueSource.Kind, dataset: Dataset) throws {
        func numbers(_ name: String) -> (values: [Double], validity: RowSet) {
            let column = dataset.column(named: name)!
            switch column.data {
            case .float(let values): return (values, column.validity)
            case .integer(let values): return (values.map(Double.init), column.validity)
            default: return ([Double](repeating: .nan, count: dataset.rowCount), column.validity)
            }
        }
        switch kind {
        case .score(let name):
            columns = [numbers(name)]
            vector = nil
            isScore = true
        case .columns(let names):
            columns = names.map(numbers)
            vector = nil
            isScore = false
        case .vector(let name):
            let column = dataset.column(named: name)!
            guard case .vector(let width, let values) = column.data else { throw TuttiError("'\(name)' holds no vectors") }
            columns = []
            vector = (width, values, column.validity)
            isScore = false
        }
    }

    /// Writes the row's probabilities into `values`; false when one is missing or NaN.
    @inline(__always)
    func read(_ row: Int, into values: inout [Double]) -> Bool {
        if let vector {
            guard vector.validity.contains(row) else { return false }
            for c in 0..<vector.width { values[c] = Double(vector.values[row * vector.width + c]) }
        } else if isScore {
            guard columns[0].validity.contains(row) else { return false }
            let score = columns[0].values[row]
            values[0] = 1 - score
            values[1] = score
        } else {
            for (c, column) in columns.enumerated() {
                guard column.validity.contains(row) else { return false }
                values[c] = column.values[row]
            }
        }
        return !values.contains(where: \.isNaN)
    }
}
