import ArgumentParser
import TuttiCore

/// `--vector-columns COLS` and how the embedding commands find the vectors they compare: the
/// vector column named by `--vector` (or the inferred one), or numeric columns.
struct VectorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Numeric columns making up one vector per row, compared by Euclidean distance after "
                               + "standardising each column (comma-separated), instead of a vector column.",
                               valueName: "cols"))
    var vectorColumns: String?

    func validate() throws {
        if let vectorColumns, CommaList.names(vectorColumns).isEmpty {
            throw ValidationError("--vector-columns needs at least one column name")
        }
    }

    /// The columns `--vector-columns` names (none without it).
    var named: [String] { vectorColumns.map(CommaList.names) ?? [] }

    /// The columns to compare: `--vector-columns`, or the vector column (`--vector` or the
    /// inferred one). Throws a message when there is none or a column is unusable.
    func columns(in dataset: Dataset, roles: ColumnRoles, vectorFlag: String?) throws -> [Column] {
        if let vectorColumns {
            if vectorFlag != nil { throw ValidationError("give --vector or --vector-columns, not both") }
            let columns = try dataset.columns(named: CommaList.names(vectorColumns), context: "--vector-columns")
            for column in columns where !(column.kind.isNumeric || column.kind == .boolean) {
                throw TuttiError("--vector-columns: column '\(column.name)' holds \(column.kind.rawValue), not numbers")
            }
            return columns
        }
        guard let name = roles[.vector], let column = dataset.column(named: name) else {
            throw TuttiError("the data has no vector column: name one with --vector, or numeric columns with --vector-columns")
        }
        guard column.kind == .vector else {
            throw TuttiError("--vector: column '\(name)' holds \(column.kind.rawValue), not vectors; "
                             + "use --vector-columns for numeric columns")
        }
        return [column]
    }
}
