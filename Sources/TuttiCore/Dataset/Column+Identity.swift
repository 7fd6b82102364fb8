extension Column {
    /// Whether `other` holds this very column: the same name, kind and value storage (not equal
    /// copies). A constant-time test that a column was not replaced between two versions of a
    /// dataset (a score threshold replaces the prediction column and keeps the others' storage).
    public func sharesValues(with other: Column) -> Bool {
        guard name == other.name else { return false }
        switch (data, other.data) {
        case (.integer(let a), .integer(let b)), (.datetime(let a), .datetime(let b)): return Self.same(a, b)
        case (.float(let a), .float(let b)): return Self.same(a, b)
        case (.boolean(let a), .boolean(let b)): return Self.same(a, b)
        case (.categorical(let a, let x), .categorical(let b, let y)): return Self.same(a, b) && x.sharesStorage(with: y)
        case (.text(let a), .text(let b)): return a.sharesStorage(with: b)
        case (.vector(let w, let a), .vector(let v, let b)): return w == v && Self.same(a, b)
        default: return false
        }
    }

    private static func same<T>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}
