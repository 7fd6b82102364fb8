/// A problem inside a Parquet file (a corrupt structure, an unsupported feature), before the
/// reader adds the file, column and row group it concerns and turns it into a `TuttiError`.
struct ParquetFormatError: ColumnarFormatProblem {
    /// What is wrong, in words a user understands.
    let message: String

    init(_ message: String) { self.message = message }
}
