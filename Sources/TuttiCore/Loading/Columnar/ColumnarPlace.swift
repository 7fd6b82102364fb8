/// What a columnar file cuts its rows into, as messages name it.
enum ColumnarChunkKind: Sendable {
    /// A Parquet row group.
    case rowGroup
    /// An Arrow record batch.
    case batch
    /// An Arrow dictionary batch.
    case dictionaryBatch

    /// The name of one chunk: "row group", "batch".
    var name: String {
        switch self {
        case .rowGroup: "row group"
        case .batch: "batch"
        case .dictionaryBatch: "dictionary batch"
        }
    }

    /// The name of several chunks: "row groups", "batches".
    var plural: String {
        switch self {
        case .rowGroup: "row groups"
        case .batch: "batches"
        case .dictionaryBatch: "dictionary batches"
        }
    }
}

/// A problem inside a columnar file (Parquet, Arrow) before the reader says where it is.
protocol ColumnarFormatProblem: Error {
    /// What is wrong, in words a user understands.
    var message: String { get }
}

/// Where in a columnar file a problem lies: turns a message into the one-line `TuttiError`
/// naming the file and, where they apply, the column and the chunk.
struct ColumnarPlace: Sendable {
    /// The file, as messages name it.
    let file: String
    /// What the file's chunks are called.
    let kind: ColumnarChunkKind

    /// "file: column 'c', row group 2: message" (the column and chunk only where given;
    /// `chunk` is 0-based, said 1-based; `kind` overrides the file's kind of chunk).
    func error(_ message: String, column: String? = nil, chunk: Int? = nil, kind: ColumnarChunkKind? = nil) -> TuttiError {
        var place: [String] = []
        if let column { place.append("column '\(column)'") }
        if let chunk { place.append("\((kind ?? self.kind).name) \(chunk + 1)") }
        return TuttiError((place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + message, file: file)
    }
}
