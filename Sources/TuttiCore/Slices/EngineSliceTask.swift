/// The task a table's label, prediction, score and loss roles make (classes, positive class,
/// regression, the metrics they allow) for a table that stays in a SQL engine, decided by the
/// rules of the in-memory `SliceEvaluator` from what the engine reports about those columns.
///
/// The evaluator is built over a stand-in table of one row per distinct (label, prediction)
/// pair (or per distinct label of a regression), with the engine's column kinds, so that class
/// order, booleans read as digits, errors for unfit columns and the available metrics come from
/// the very code the in-memory commands run; the positive class "the rarer label" is decided
/// from the engine's counts of each pair.
public struct EngineSliceTask: Sendable {
    /// The evaluator of the stand-in table: its classes, regression task and metrics are the
    /// table's (its rows are not).
    public let evaluator: SliceEvaluator
    /// The class of the label and of the prediction of each (label, prediction) pair, as the
    /// engine's texts (`Column.text(at:)` form; nil for missing) give them.
    let classOfPair: [[String?]: (label: Int32, prediction: Int32)]
    /// A regression: the mean label over the rows with a label and a prediction, which the
    /// sums of squares are taken around (as `RegressionTask` takes them).
    public let regressionCenter: Double?

    /// The roles' columns of a table in an engine.
    public struct RoleColumns: Sendable {
        public let label: SQLColumn?, prediction: SQLColumn?, score: SQLColumn?, loss: SQLColumn?

        /// The columns playing the label, prediction, score and loss roles (nil for a role
        /// without a column).
        public init(label: SQLColumn?, prediction: SQLColumn?, score: SQLColumn?, loss: SQLColumn?) {
            self.label = label
            self.prediction = prediction
            self.score = score
            self.loss = loss
        }

        /// Whether label and prediction are both numbers: a regression when the label has many
        /// values.
        public var mayBeRegression: Bool {
            guard let label, let prediction else { return false }
            return [label.kind, prediction.kind].allSatisfy { $0 == .integer || $0 == .float }
        }
    }

    /// The task of `columns`. `labelValues` are distinct present labels (at most
    /// `RegressionTask.minimumDistinctLabels + 2` are needed) when `mayBeRegression`;
    /// `pairs` the (label, prediction) pairs with their row counts over the whole table when
    /// it is not a regression; `center` the mean label of a regression. Throws the in-memory
    /// errors (a score that is not numeric, a positive class no row holds, …).
    public init(columns: RoleColumns, labelValues: [String], pairs: [GroupCount], center: Double?,
                positiveClass: String?) throws {
        let isRegression = Self.isRegression(columns, labelValues: labelValues)
        let rows: [[String?]] = isRegression ? labelValues.map { [$0, $0] } : (pairs.isEmpty ? [[nil, nil]] : pairs.map(\.values))
        var tableColumns: [Column] = []
        var roles = ColumnRoles()
        var assigned: [(ColumnRole, String)] = []
        for (index, (role, column)) in [(ColumnRole.label, columns.label), (.prediction, columns.prediction)].enumerated() {
            guard let column else { continue }
            tableColumns.append(Self.column(column, texts: rows.map { $0[index] }))
            assigned.append((role, column.name))
        }
        for (role, column) in [(ColumnRole.score, columns.score), (.loss, columns.loss)] {
            guard let column else { continue }
            if !tableColumns.contains(where: { $0.name == column.name }) {
                tableColumns.append(Self.column(column, texts: rows.map { _ in "0" }))
            }
            assigned.append((role, column.name))
        }
        let standIn = Dataset(source: "", rowCount: rows.count, columns: tableColumns)
        for (role, name) in assigned { try roles.assign(role, to: name, in: standIn) }
        var evaluator = try SliceEvaluator(dataset: standIn, roles: roles, positiveClass: positiveClass)
        if positiveClass == nil, let classes = evaluator.classes, classes.classes.count == 2,
           !classes.classes.contains(where: { $0 == "1" || $0 == "true" }) {
            // The rarer label among all rows, counted with the engine's counts of each pair.
            var counts = [0, 0]
            for (index, pair) in pairs.enumerated() where classes.labels[index] >= 0 {
                counts[Int(classes.labels[index])] += pair.count
            }
            evaluator = try SliceEvaluator(dataset: standIn, roles: roles,
                                           positiveClass: classes.classes[counts[0] < counts[1] ? 0 : 1])
        }
        self.evaluator = evaluator
        var classOfPair: [[String?]: (label: Int32, prediction: Int32)] = [:]
        if let classes = evaluator.classes {
            for (index, pair) in pairs.enumerated() {
                classOfPair[pair.values] = (classes.labels[index], classes.predictions[index])
            }
        }
        self.classOfPair = classOfPair
        regressionCenter = evaluator.regression == nil ? nil : (center ?? 0)
    }

    /// Whether the label and prediction make a regression task; tells whether `pairs` are
    /// needed (they are not for a regression, whose pairs would be as many as its rows).
    public static func isRegression(_ columns: RoleColumns, labelValues: [String]) -> Bool {
        columns.mayBeRegression
            && Set(labelValues.filter { Double($0).map { !$0.isNaN } ?? true }).count > RegressionTask.minimumDistinctLabels
    }

    /// A column called as `column`, of its kind, holding `texts` (nil: missing).
    static func column(_ column: SQLColumn, texts: [String?]) -> Column {
        var validity = RowSet(rowCount: texts.count)
        for (row, text) in texts.enumerated() where text != nil { validity.insert(row) }
        let data: ColumnData
        switch column.kind {
        case .integer: data = .integer(texts.map { $0.flatMap { Int64($0) } ?? 0 })
        case .float: data = .float(texts.map { $0.flatMap { Double($0) } ?? 0 })
        case .boolean: data = .boolean(texts.map { $0 == "true" })
        case .datetime: data = .datetime(texts.map { $0.flatMap(TimeParser.iso) ?? 0 })
        default:
            var dictionary = StringTable(), codeOf: [String: UInt32] = [:]
            let codes = texts.map { text -> UInt32? in
                guard let text else { return nil }
                if let code = codeOf[text] { return code }
                codeOf[text] = UInt32(dictionary.count)
                dictionary.append(text)
                return UInt32(dictionary.count - 1)
            }
            // Missing rows hold the code past the dictionary, as the loaders write them.
            data = .categorical(codes: codes.map { $0 ?? UInt32(dictionary.count) }, dictionary: dictionary)
        }
        return Column(name: column.name, data: data, validity: validity)
    }
}
