/// Row-by-row kernels over strings, for one chunk of rows (text columns, and strings
/// computed per row).
enum TextKernels {
    /// Rows where `a relation b` holds.
    static func relate(_ relation: StringRelation, _ a: StringVector, _ b: StringVector, count: Int) -> [UInt64] {
        a.withRows { a in
            b.withRows { b in
                switch relation {
                case .compare(let op): Bits.make(count: count) { op.holds(UTF8Bytes.compare(a[$0], b[$0]), 0) }
                case .contains: Bits.make(count: count) { UTF8Bytes.contains(a[$0], b[$0]) }
                }
            }
        }
    }

    /// The length of each string, in Unicode scalars.
    static func lengths(_ strings: StringVector, count: Int) -> [Double] {
        strings.withRows { rows in ArithmeticKernels.map(count) { Double(UTF8Bytes.scalarCount(rows[$0])) } }
    }
}
