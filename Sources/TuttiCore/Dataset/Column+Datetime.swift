extension Column {
    /// A datetime column from microseconds since 1970-01-01T00:00:00Z (UTC), as Parquet and
    /// Arrow store timestamps (convert other units first: milliseconds × 1,000, and so on).
    /// `validity` marks the present rows and must range over as many rows as `microseconds`.
    public static func datetime(name: String, microseconds: [Int64], validity: RowSet) -> Column {
        precondition(validity.rowCount == microseconds.count, "validity and values of different lengths")
        return Column(name: name, data: .datetime(microseconds), validity: validity)
    }
}
