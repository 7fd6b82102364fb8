/// A column of a table in a SQL engine cut into the values a slice can take, as `SliceFeature`
/// cuts a column in memory: each category and boolean, each equal-width bin (edges from the
/// column's finite minimum and maximum), missing cells as a value of their own.
///
/// The predicates come from `SliceFeature` itself, run over a stand-in column holding what
/// decides them (the distinct values, or the minimum and maximum, and a missing cell when the
/// column has one), so slices read the same as in memory. Quantile bins need every value and
/// are not cut here.
public struct EngineSliceColumn: Sendable {
    /// The column cut.
    public let column: SQLColumn
    /// The predicates of each value, as `SliceFeature.predicates`.
    public let predicates: [[SlicePredicate]]
    /// Categories and booleans: the value of each text (`Column.text(at:)` form), for grouping
    /// by the column itself; empty for numbers, whose rows are put in bins by the predicates.
    public let valueOfText: [String: Int]
    /// The value of missing cells, if the column has any.
    public let missingValue: Int?

    /// The most distinct values a string column may hold to be sliced as a category.
    public static let categoryLimit = ColumnAssembler.maxCategories

    /// Whether rows are put in values by the predicates (numbers) rather than by their text.
    public var isBinned: Bool { column.kind == .integer || column.kind == .float }

    /// Cuts `column`. `values` are its distinct present values for a category or boolean
    /// column, or its finite minimum and maximum for a number column (empty when it has none);
    /// `hasMissing` whether some row lacks a value; `presentRows` how many rows have one.
    /// Throws as `SliceFeature` does, and for a string column holding too many distinct values
    /// to be a category (at most 65,536 and half the present rows, as a sample's strings),
    /// quantile bins and times.
    public init(column: SQLColumn, values: [String], hasMissing: Bool, presentRows: Int, binning: SliceBinning) throws {
        self.column = column
        switch column.kind {
        case .datetime:
            throw TuttiError("column '\(column.name)' holds times; slices of times are not cut by the database yet")
        case .integer, .float:
            if case .quantiles = binning {
                throw TuttiError("quantile bins are not cut by the database yet; use --bins")
            }
        case .boolean:
            break
        default:
            if values.count > min(Self.categoryLimit, presentRows / 2) {
                throw TuttiError("column '\(column.name)' holds text; slices need numbers, booleans or categories")
            }
        }
        let texts: [String?] = values + (hasMissing ? [nil] : [])
        let standIn = Dataset(source: "", rowCount: texts.count, columns: [EngineSliceTask.column(column, texts: texts)])
        let feature = try SliceFeature(dataset: standIn, column: column.name, binning: binning,
                                       rows: RowSet(rowCount: texts.count, allSet: true))
        predicates = feature.predicates
        var valueOfText: [String: Int] = [:]
        var missingValue: Int?
        for (row, text) in texts.enumerated() {
            let code = feature.codes[row]
            guard code != SliceFeature.noValue else { continue }
            if let text {
                if column.kind != .integer, column.kind != .float { valueOfText[text] = Int(code) }
            } else {
                missingValue = Int(code)
            }
        }
        self.valueOfText = valueOfText
        self.missingValue = missingValue
    }
}
