/// A problem inside an Arrow IPC file (a corrupt structure, an unsupported type or codec),
/// before the reader adds the file, column and batch it concerns and turns it into a `TuttiError`.
struct ArrowFormatError: ColumnarFormatProblem {
    /// What is wrong, in words a user understands.
    let message: String

    init(_ message: String) { self.message = message }
}
