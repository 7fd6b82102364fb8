/// What a view remembers about the data it was made on, to tell on opening whether the data is
/// still the same: the shape, and a hash of the content. It depends on the loaded values only, not
/// on the file, so it works alike for files, standard input and the demo, and changes when any
/// cell does.
public struct DatasetFingerprint: Codable, Sendable, Equatable {
    /// The number of rows.
    public var rows: Int
    /// The column names, in order.
    public var columns: [String]
    /// The column kinds (`integer`, `float`, `categorical`, …), in order.
    public var kinds: [String]
    /// A 64-bit hash of every column's name, kind, validity and values (categorical dictionaries
    /// and codes, text bytes, vectors), as 16 hexadecimal digits.
    public var hash: String

    /// A fingerprint from its parts.
    public init(rows: Int, columns: [String], kinds: [String], hash: String) {
        self.rows = rows
        self.columns = columns
        self.kinds = kinds
        self.hash = hash
    }

    /// The fingerprint of `dataset`, hashing its columns in parallel.
    public static func of(_ dataset: Dataset) -> DatasetFingerprint {
        let columnHashes = ResultSlots<UInt64>.collect(count: dataset.columns.count) { index in
            ContentHash.hash(dataset.columns[index])
        }
        let hash = ContentHash.hash(columnHashes, seed: UInt64(dataset.rowCount))
        let digits = String(hash, radix: 16)
        return DatasetFingerprint(rows: dataset.rowCount, columns: dataset.columnNames,
                                  kinds: dataset.columns.map(\.kind.rawValue),
                                  hash: String(repeating: "0", count: 16 - digits.count) + digits)
    }
}
