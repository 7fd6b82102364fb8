/// Vectors less their mean, as the matrix PCA works on (one row per item), with the products it
/// needs computed in chunks of rows on all cores. The centring happens on the fly: the stored
/// floats are never copied.
struct CenteredRows {
    let items: VectorItems
    /// The mean of every component.
    let mean: [Double]
    let work: WorkContext
    /// The phase progress is reported under.
    let phase: String

    /// Rows per chunk at least.
    private static let minimumChunk = 1024

    /// The rows of `items` centred on their mean.
    init(_ items: VectorItems, work: WorkContext, phase: String) throws {
        self.items = items
        self.work = work
        self.phase = phase
        let width = items.width
        let sums = try Self.reduce(items, work: work, length: width) { row, _, sums, _ in
            for k in 0..<width { sums[k] += Double(row[k]) }
        }
        let count = Double(max(items.count, 1))
        mean = sums.map { $0 / count }
    }

    var count: Int { items.count }
    var width: Int { items.width }

    /// The sum of the squared lengths of the centred rows.
    func totalSquares() throws -> Double {
        let mean = mean, width = width
        return try Self.reduce(items, work: work, length: 1) { row, _, sum, _ in
            var total = 0.0
            for k in 0..<width {
                let d = Double(row[k]) - mean[k]
                total += d * d
            }
            sum[0] += total
        }[0]
    }

    /// The upper triangle (and diagonal) of CᵀC, C the centred rows, as a full symmetric
    /// `width` × `width` matrix.
    func gram() throws -> [Double] {
        let mean = mean, width = width
        let chunks = WorkChunks(items: count, minimumChunk: Self.minimumChunk)
        let progress = PhaseCounter(phase, total: count, work: work)
        let parts = items.values.withUnsafeBufferPointer { values in
            nonisolated(unsafe) let values = values.baseAddress
            return chunks.map { range -> [Double] in
                var sums = [Double](repeating: 0, count: width * width)
                var scratch = [Double](repeating: 0, count: 4 * width)
                guard !work.isCancelled, let values else { return sums }
                sums.withUnsafeMutableBufferPointer { sums in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        Self.addProducts(values, range: range, width: width, mean: mean, sums: sums.baseAddress!,
                                         scratch: scratch.baseAddress!)
                    }
                }
                progress.advance(by: range.count)
                return sums
            }
        }
        try work.check("projection")
        var upper = [Double](repeating: 0, count: width * width)
        for part in parts { for i in 0..<upper.count { upper[i] += part[i] } }
        for i in 0..<width { for j in 0..<i { upper[i * width + j] = upper[j * width + i] } }
        return upper
    }

    /// Adds the products of the centred rows of `range` into the upper triangle of `sums`. Rows
    /// are taken four at a time, so each accumulator is loaded and stored once per four rows.
    private static func addProducts(_ values: UnsafePointer<Float>, range: Range<Int>, width: Int, mean: [Double],
                                    sums: UnsafeMutablePointer<Double>, scratch c: UnsafeMutablePointer<Double>) {
        var first = range.lowerBound
        while first < range.upperBound {
            let rows = min(4, range.upperBound - first)
            for slot in 0..<4 {
                for k in 0..<width {
                    c[slot * width + k] = slot < rows ? Double(values[(first + slot) * width + k]) - mean[k] : 0
                }
            }
            let c0 = c, c1 = c + width, c2 = c + 2 * width, c3 = c + 3 * width
            for i in 0..<width {
                let a0 = c0[i], a1 = c1[i], a2 = c2[i], a3 = c3[i]
                let line = sums + i * width
                for j in i..<width { line[j] += a0 * c0[j] + a1 * c1[j] + a2 * c2[j] + a3 * c3[j] }
            }
            first += rows
        }
    }

    /// C·M for a `width` × `columns` matrix M (row-major): `count` × `columns`.
    func times(_ matrix: [Double], columns: Int) throws -> [Double] {
        let width = width
        var shift = [Double](repeating: 0, count: columns)
        for k in 0..<width { for c in 0..<columns { shift[c] += mean[k] * matrix[k * columns + c] } }
        var result = [Double](repeating: 0, count: count * columns)
        let chunks = WorkChunks(items: count, minimumChunk: Self.minimumChunk)
        let progress = PhaseCounter(phase, total: count, work: work)
        items.values.withUnsafeBufferPointer { values in
            result.withUnsafeMutableBufferPointer { result in
                nonisolated(unsafe) let output = result.baseAddress!
                chunks.run { range in
                    guard !work.isCancelled else { return }
                    for item in range {
                        let row = values.baseAddress! + item * width
                        let out = output + item * columns
                        for c in 0..<columns { out[c] = -shift[c] }
                        for k in 0..<width {
                            let x = Double(row[k])
                            let line = k * columns
                            for c in 0..<columns { out[c] += x * matrix[line + c] }
                        }
                    }
                    progress.advance(by: range.count)
                }
            }
        }
        try work.check("projection")
        return result
    }

    /// Cᵀ·Y for a `count` × `columns` matrix Y (row-major): `width` × `columns`.
    func transposeTimes(_ matrix: [Double], columns: Int) throws -> [Double] {
        let width = width
        var sums = try matrix.withUnsafeBufferPointer { y in
            nonisolated(unsafe) let y = y.baseAddress!
            return try Self.reduce(items, work: work, length: (width + 1) * columns, phase: phase) { row, item, sums, _ in
                let line = y + item * columns
                for k in 0..<width {
                    let x = Double(row[k])
                    let out = sums + k * columns
                    for c in 0..<columns { out[c] += x * line[c] }
                }
                let total = sums + width * columns
                for c in 0..<columns { total[c] += line[c] }
            }
        }
        for k in 0..<width {
            for c in 0..<columns { sums[k * columns + c] -= mean[k] * sums[width * columns + c] }
        }
        return Array(sums.prefix(width * columns))
    }

    /// Sums, over all items, what `body` adds for each row (its floats, its item) into `length`
    /// accumulators; chunks of items run on all cores, each into its own accumulators and with
    /// its own scratch space of `width` doubles.
    private static func reduce(
        _ items: VectorItems, work: WorkContext, length: Int, phase: String? = nil,
        _ body: (UnsafePointer<Float>, Int, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) throws -> [Double] {
        let width = items.width
        let chunks = WorkChunks(items: items.count, minimumChunk: minimumChunk)
        let progress = phase.map { PhaseCounter($0, total: items.count, work: work) }
        let parts = items.values.withUnsafeBufferPointer { values in
            nonisolated(unsafe) let values = values.baseAddress
            return chunks.map { range -> [Double] in
                var sums = [Double](repeating: 0, count: length)
                var scratch = [Double](repeating: 0, count: max(width, 1))
                guard !work.isCancelled, let values else { return sums }
                sums.withUnsafeMutableBufferPointer { sums in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        for item in range { body(values + item * width, item, sums.baseAddress!, scratch.baseAddress!) }
                    }
                }
                progress?.advance(by: range.count)
                return sums
            }
        }
        try work.check("projection")
        var total = [Double](repeating: 0, count: length)
        for part in parts { for i in 0..<length { total[i] += part[i] } }
        return total
    }
}
