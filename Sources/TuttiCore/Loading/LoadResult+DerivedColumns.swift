/// Adding derived columns to what a load returned.
extension LoadResult {
    /// The result with `derived` added to its dataset (see `Dataset.adding(_:)`).
    public func adding(_ derived: [DerivedColumn]) throws -> LoadResult {
        derived.isEmpty ? self : LoadResult(dataset: try dataset.adding(derived), warnings: warnings)
    }
}
