import Foundation

/// Near-duplicate vectors: rows whose vectors have cosine similarity at least the threshold, in
/// clusters where every two vectors are that similar (the components of the graph of such pairs,
/// split by `NearClustering`).
///
/// Vectors come from one vector column or from numeric columns (one component each); a row
/// with a missing component, a non-finite one or a zero vector is left out. Vectors are
/// L2-normalised, so cosine similarity is a dot product.
///
/// Up to `exactLimit` vectors, every pair is compared, in blocks on all cores. Above it,
/// random-projection LSH finds the candidates: each table hashes a vector to the signs of its
/// projections on `k` random Gaussian hyperplanes. Two vectors at angle θ agree on one sign with
/// probability 1 − θ/π, so `k` grows with the number of vectors (about log2 of it, so that
/// unrelated vectors rarely share a bucket) and the table count is the least that makes a pair
/// exactly at the threshold a candidate with probability 0.99 (at most 64 tables; `k` shrinks
/// when more would be needed). Candidates are verified by their exact cosine similarity.
struct NearVectorSearch {
    let columns: [Column]
    let threshold: Double
    let exactLimit: Int
    let work: WorkContext

    /// The least probability that a pair at the threshold becomes a candidate.
    static let recall = 0.99
    /// Most LSH tables.
    static let maxTables = 64
    /// Vectors per block of the pairwise comparison.
    private static let block = 128
    /// Slack for float rounding: identical vectors have cosine 1 give or take this.
    private static let rounding = 1e-6

    func run(rows: [Int32]) throws -> [NearCluster] {
        let (vectors, width, itemOfRow) = gather(rows: rows)
        let items = width > 0 ? vectors.count / width : 0
        let groups = try vectors.withUnsafeBufferPointer { vectors in
            var linked = items <= exactLimit
                ? try pairwise(vectors, width: width, items: items)
                : try projected(vectors, width: width, items: items)
            return try NearClustering.split(linked.components(), phase: "near-duplicate vectors: clusters",
                                            work: work) { similarity(vectors, width, $0, $1) }
        }
        return NearClustering.clusters(groups, itemCount: items, rows: rows, itemOfRow: itemOfRow)
    }

    /// The cosine similarity of two items when it reaches the threshold.
    @inline(__always)
    private func similarity(_ vectors: UnsafeBufferPointer<Float>, _ width: Int, _ a: Int, _ b: Int) -> Double? {
        let value = Double(Self.dot(vectors.baseAddress! + a * width, vectors.baseAddress! + b * width, width))
        return value >= threshold - Self.rounding ? min(value, 1) : nil
    }

    /// Normalised vectors of the usable rows, one after the other, with their width and each
    /// row's item (-1 when left out).
    private func gather(rows: [Int32]) -> ([Float], Int, [Int32]) {
        var itemOfRow = [Int32](repeating: -1, count: rows.count)
        var vectors: [Float] = []
        var scratch: [Double] = []
        let width: Int
        if columns.count == 1, case .vector(let size, let values) = columns[0].data {
            width = size
            for (index, row) in rows.enumerated() where columns[0].isPresent(Int(row)) {
                scratch = values[(Int(row) * size)..<((Int(row) + 1) * size)].map(Double.init)
                if append(scratch, to: &vectors) { itemOfRow[index] = Int32(vectors.count / size - 1) }
            }
        } else {
            width = columns.count
            for (index, row) in rows.enumerated() {
                scratch.removeAll(keepingCapacity: true)
                for column in columns {
                    guard let value = column.number(at: Int(row)) else { break }
                    scratch.append(value)
                }
                if scratch.count == width, append(scratch, to: &vectors) {
                    itemOfRow[index] = Int32(vectors.count / width - 1)
                }
            }
        }
        return (vectors, width, itemOfRow)
    }

    /// Appends the normalised vector; false (and nothing appended) for a zero or non-finite one.
    private func append(_ vector: [Double], to vectors: inout [Float]) -> Bool {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return false }
        vectors.append(contentsOf: vector.map { Float($0 / norm) })
        return true
    }

    /// Every pair compared. Each block of vectors is compared with itself and every later vector
    /// on some core, keeping only the links that join its own clusters; the blocks' links are then
    /// joined in block order, so the outcome does not depend on the number of cores.
    private func pairwise(_ vectors: UnsafeBufferPointer<Float>, width: Int, items: Int) throws -> LinkedClusters {
        let blocks = (items + Self.block - 1) / Self.block
        let progress = PhaseCounter("near-duplicate vectors: pairs", total: blocks, work: work)
        let links = ResultSlots<[(Int32, Int32)]>.collect(count: blocks) { blockIndex in
            var local = LinkedClusters(count: items)
            var links: [(Int32, Int32)] = []
            let first = blockIndex * Self.block, end = min(first + Self.block, items)
            var tile = first
            while tile < items, !work.isCancelled {
                let tileEnd = min(tile + Self.block / 2, items)
                for a in first..<end {
                    for b in max(tile, a + 1)..<max(tileEnd, a + 1) {
                        guard local.root(a) != local.root(b), similarity(vectors, width, a, b) != nil else { continue }
                        local.link(a, b)
                        links.append((Int32(a), Int32(b)))
                    }
                }
                tile = tileEnd
            }
            progress.advance()
            return links
        }
        try work.check("duplicate search")
        var clusters = LinkedClusters(count: items)
        for (a, b) in links.joined() { clusters.link(Int(a), Int(b)) }
        return clusters
    }

    /// Candidates from random-projection LSH, verified one pair at a time.
    private func projected(_ vectors: UnsafeBufferPointer<Float>, width: Int, items: Int) throws -> LinkedClusters {
        let agreement = 1 - acos(min(threshold, 1)) / Double.pi
        func tablesNeeded(_ bits: Int) -> Int {
            let together = pow(agreement, Double(bits))
            return together >= 1 ? 1 : Int((log(1 - Self.recall) / log(1 - together)).rounded(.up))
        }
        var bits = max(1, min(32, Int(log2(Double(items)).rounded(.up))))
        while bits > 1, tablesNeeded(bits) > Self.maxTables { bits -= 1 }
        let tables = min(tablesNeeded(bits), Self.maxTables)
        var random = SplitMix64(seed: 0x7E_C7_0125)
        let planes = (0..<(tables * bits * width)).map { _ in Float(Self.gaussian(&random)) }
        var keys = [UInt32](repeating: 0, count: tables * items)
        let chunks = WorkChunks(items: items, minimumChunk: 256)
        let progress = PhaseCounter("near-duplicate vectors: projections", total: items, work: work)
        planes.withUnsafeBufferPointer { planes in
            keys.withUnsafeMutableBufferPointer { keys in
                chunks.run { range in
                    for item in range {
                        if work.isCancelled { return }
                        let vector = vectors.baseAddress! + item * width
                        for table in 0..<tables {
                            var key: UInt32 = 0
                            for bit in 0..<bits {
                                let plane = planes.baseAddress! + (table * bits + bit) * width
                                if Self.dot(vector, plane, width) >= 0 { key |= 1 << UInt32(bit) }
                            }
                            keys[table * items + item] = key
                        }
                    }
                    progress.advance(by: range.count)
                }
            }
        }
        try work.check("duplicate search")
        return try CandidateLinking.link(tables: tables, items: items, keys: keys,
                                         phase: "near-duplicate vectors: candidates", work: work) { a, b in
            similarity(vectors, width, a, b)
        }
    }

    /// A standard normal sample (Box–Muller).
    private static func gaussian(_ random: inout SplitMix64) -> Double {
        let u = (Double(random.next() >> 11) + 0.5) / Double(1 << 53)
        let v = Double(random.next() >> 11) / Double(1 << 53)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// The dot product of two vectors of `width` floats.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ width: Int) -> Float {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>()
        var k = 0
        while k + 16 <= width {
            s0 += ra.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            s1 += ra.loadUnaligned(fromByteOffset: k * 4 + 32, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: k * 4 + 32, as: SIMD8<Float>.self)
            k += 16
        }
        var sum = (s0 + s1).sum()
        while k < width {
            sum += a[k] * b[k]
            k += 1
        }
        return sum
    }
}
