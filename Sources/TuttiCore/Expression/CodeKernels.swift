/// Kernels over the dictionary codes of categorical columns, for one chunk of rows. Codes
/// index small tables that fit in cache, so each row costs a load and a compare.
enum CodeKernels {
    /// Rows whose code is `code`.
    static func equal(_ codes: [UInt32], offset: Int, to code: UInt32, count: Int) -> [UInt64] {
        codes.withUnsafeBufferPointer { codes in
            let codes = codes.baseAddress! + offset
            return Bits.make(count: count) { codes[$0] == code }
        }
    }

    /// Rows whose code maps to true in `table`.
    static func lookUp(_ codes: [UInt32], offset: Int, in table: [Bool], count: Int) -> [UInt64] {
        codes.withUnsafeBufferPointer { codes in
            table.withUnsafeBufferPointer { table in
                let codes = codes.baseAddress! + offset
                return Bits.make(count: count) { table[Int(codes[$0])] }
            }
        }
    }

    /// One number per row: `values[code]`.
    static func lookUp(_ codes: [UInt32], offset: Int, in values: [Double], count: Int) -> [Double] {
        codes.withUnsafeBufferPointer { codes in
            values.withUnsafeBufferPointer { values in
                let codes = codes.baseAddress! + offset
                return ArithmeticKernels.map(count) { values[Int(codes[$0])] }
            }
        }
    }

    /// `rank(a) op rank(b)` row by row.
    static func compare(_ op: ComparisonOperator, _ a: RankedCodes, _ b: RankedCodes, offset: Int,
                        count: Int) -> [UInt64] {
        a.codes.withUnsafeBufferPointer { codesA in
            b.codes.withUnsafeBufferPointer { codesB in
                a.ranks.withUnsafeBufferPointer { ranksA in
                    b.ranks.withUnsafeBufferPointer { ranksB in
                        let codesA = codesA.baseAddress! + offset, codesB = codesB.baseAddress! + offset
                        return Bits.make(count: count) { row in
                            op.holds(ranksA[Int(codesA[row])], ranksB[Int(codesB[row])])
                        }
                    }
                }
            }
        }
    }
}
