/// The similarity of two rows as the near-duplicate search measures it, for showing one pair.
public enum NearSimilarity {
    /// The Jaccard similarity of the shingle sets of two rows' texts (normalised as the search
    /// does); nil when the column holds no text or either text is missing or empty once normalised.
    public static func text(_ column: Column, _ a: Int, _ b: Int) -> Double? {
        guard let left = shingles(column, a), let right = shingles(column, b) else { return nil }
        return left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in TextShingles.jaccard(left, right, threshold: 0) }
        }
    }

    /// The cosine similarity of two rows' vectors: one vector column, or numeric columns making up
    /// one vector; nil when either vector has a missing or non-finite component or is zero.
    public static func vector(_ columns: [Column], _ a: Int, _ b: Int) -> Double? {
        guard let left = vector(columns, a), let right = vector(columns, b), left.count == right.count else { return nil }
        let dot = zip(left, right).reduce(0) { $0 + $1.0 * $1.1 }
        let norms = (left.reduce(0) { $0 + $1 * $1 } * right.reduce(0) { $0 + $1 * $1 }).squareRoot()
        guard norms > 0, norms.isFinite else { return nil }
        return min(1, max(-1, dot / norms))
    }

    private static func shingles(_ column: Column, _ row: Int) -> [UInt64]? {
        guard column.isPresent(row) else { return nil }
        var normalized: [UInt8] = []
        switch column.data {
        case .text(let table): table.withBytes(at: row) { TextShingles.normalize($0, into: &normalized) }
        case .categorical(let codes, let values): values.withBytes(at: Int(codes[row])) { TextShingles.normalize($0, into: &normalized) }
        default: return nil
        }
        guard !normalized.isEmpty else { return nil }
        var shingles: [UInt64] = []
        normalized.withUnsafeBufferPointer { TextShingles.shingles($0, into: &shingles) }
        return shingles
    }

    private static func vector(_ columns: [Column], _ row: Int) -> [Double]? {
        if columns.count == 1, case .vector(let width, let values) = columns[0].data {
            guard columns[0].isPresent(row) else { return nil }
            return values[(row * width)..<((row + 1) * width)].map(Double.init)
        }
        let components = columns.compactMap { $0.number(at: row) }
        return components.count == columns.count && components.allSatisfy(\.isFinite) ? components : nil
    }
}
