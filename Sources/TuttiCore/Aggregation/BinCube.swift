/// The 2-D faces of the data cube of several histograms' bins: for every pair of them, how many
/// rows fall in each pair of bins — every Falcon table a brush on any of them needs
/// (`FalconTable`), prepared before the brush starts so that a brush start is a local sum.
///
/// The whole cube (one group per combination of every histogram's bin) has about as many groups
/// as rows when the columns are independent; its 2-D faces stay small whatever the rows. A SQL
/// engine counts them by grouping the rows on a few sets of histograms (`faces(binCounts:maxFaceGroups:)`),
/// each covering some pairs, in one scan (`GROUPING SETS`).
public struct BinCube: Sendable, Equatable {
    /// Each histogram's bin count (without missing).
    public let binCounts: [Int]
    /// `pairs[pairIndex(i, j)]` for i < j: rows per (bin of i, bin of j), each bin shifted by one
    /// so that -1 (a value with no bin) comes first and missing (the bin count) last.
    private var pairs: [[Int]]
    /// Rows per bin of each histogram, shifted as in `pairs`.
    private var own: [[Int]]

    /// The cube of histograms with `binCounts` bins counted by `groups`, each one group of rows
    /// of face `faces[group.face]`. Counts of a pair covered by several faces are taken from the
    /// first. Throws a `TuttiError` for a group that names no face or holds a bin out of range.
    public init(binCounts: [Int], faces: [[Int]], groups: [BinCubeGroup]) throws {
        self.binCounts = binCounts
        let widths = binCounts.map { $0 + 2 }
        pairs = []
        for i in binCounts.indices {
            for j in binCounts.indices where j > i { pairs.append([Int](repeating: 0, count: widths[i] * widths[j])) }
        }
        own = widths.map { [Int](repeating: 0, count: $0) }
        // What each face counts: the pairs and histograms no earlier face counted.
        var pairOwner = [Int?](repeating: nil, count: pairs.count), ownOwner = [Int?](repeating: nil, count: binCounts.count)
        for (index, face) in faces.enumerated() {
            for i in face where ownOwner[i] == nil { ownOwner[i] = index }
            for i in face {
                for j in face where j > i && pairOwner[Self.pairIndex(i, j, of: binCounts.count)] == nil {
                    pairOwner[Self.pairIndex(i, j, of: binCounts.count)] = index
                }
            }
        }
        for group in groups {
            guard faces.indices.contains(group.face), group.bins.count == faces[group.face].count else {
                throw TuttiError("the engine sent a group of the brush cube that belongs to no grouping")
            }
            let face = faces[group.face]
            for (position, i) in face.enumerated() {
                guard (-1...binCounts[i]).contains(group.bins[position]) else {
                    throw TuttiError("the engine sent a bin out of range for the brush cube")
                }
                if ownOwner[i] == group.face { own[i][group.bins[position] + 1] += group.count }
                for (other, j) in face.enumerated() where j > i {
                    let pair = Self.pairIndex(i, j, of: binCounts.count)
                    if pairOwner[pair] == group.face {
                        pairs[pair][(group.bins[position] + 1) * widths[j] + group.bins[other] + 1] += group.count
                    }
                }
            }
        }
    }

    /// The cube of `binnings` over the rows of `filter`, counted in memory from their row codes:
    /// what an engine's cube must equal.
    public static func counting(binnings: [ColumnBinning], filter: RowSet) throws -> BinCube {
        let faces = Self.faces(binCounts: binnings.map(\.binCount), maxFaceGroups: Int.max)
        var groups: [BinCubeGroup] = []
        for (index, face) in faces.enumerated() {
            var counts: [[Int]: Int] = [:]
            filter.forEachMember { row in counts[face.map { Int(binnings[$0].codes[row]) }, default: 0] += 1 }
            groups += counts.map { BinCubeGroup(face: index, bins: $0.key, count: $0.value) }
        }
        return try BinCube(binCounts: binnings.map(\.binCount), faces: faces, groups: groups)
    }

    /// The Falcon tables of a brush on histogram `brushed` against each of `views` (histograms
    /// by index; `brushed` itself gives its own table): the same tables the engine's
    /// `GROUP BY brushed bin, view bin` gives.
    public func tables(brushed: Int, views: [Int]) -> [FalconTable] {
        let brushedWidth = binCounts[brushed] + 2
        return views.map { view in
            var counts: [BinPairCount] = []
            if view == brushed {
                for (cell, count) in own[brushed].enumerated() where count > 0 {
                    counts.append(BinPairCount(brushed: cell - 1, view: cell - 1, count: count))
                }
            } else {
                let viewWidth = binCounts[view] + 2
                let grid = pairs[Self.pairIndex(min(brushed, view), max(brushed, view), of: binCounts.count)]
                for (cell, count) in grid.enumerated() where count > 0 {
                    let (first, second) = brushed < view ? (cell / viewWidth, cell % viewWidth)
                        : (cell % brushedWidth, cell / brushedWidth)
                    counts.append(BinPairCount(brushed: first - 1, view: second - 1, count: count))
                }
            }
            return FalconTable(brushedBins: binCounts[brushed], viewWidth: binCounts[view] + 1, counts: counts)
        }
    }

    /// The sets of histograms (by index) to group the rows by so that every pair of them lies in
    /// one set (a single histogram: itself): chosen greedily, each covering as many pairs not yet
    /// covered as it can while its groups — its histograms' bins (missing and no-bin included)
    /// multiplied — stay within `maxFaceGroups`; a pair alone is always allowed. Sets of up to
    /// four histograms are tried.
    public static func faces(binCounts: [Int], maxFaceGroups: Int) -> [[Int]] {
        let count = binCounts.count
        guard count > 1 else { return count == 1 ? [[0]] : [] }
        let widths = binCounts.map { $0 + 2 }
        var candidates: [[Int]] = []
        func extend(_ set: [Int], groups: Int) {
            if set.count >= 2 { candidates.append(set) }
            guard set.count < 4 else { return }
            for next in (set.last.map { $0 + 1 } ?? 0)..<count {
                let product = groups.multipliedReportingOverflow(by: widths[next])
                if set.count < 2 || !product.overflow && product.partialValue <= maxFaceGroups {
                    extend(set + [next], groups: product.overflow ? Int.max : product.partialValue)
                }
            }
        }
        extend([], groups: 1)
        var uncovered = Set((0..<count).flatMap { i in (i + 1..<count).map { i * count + $0 } })
        var faces: [[Int]] = []
        while !uncovered.isEmpty {
            var best: [Int] = [], bestNew = 0, bestGroups = Int.max
            for set in candidates {
                let new = set.indices.reduce(0) { sum, a in
                    sum + set[(a + 1)...].filter { uncovered.contains(set[a] * count + $0) }.count
                }
                let groups = groupBound(binCounts: binCounts, faces: [set])
                if new > bestNew || new == bestNew && new > 0 && groups < bestGroups {
                    (best, bestNew, bestGroups) = (set, new, groups)
                }
            }
            faces.append(best)
            for a in best.indices { for b in best[(a + 1)...] { uncovered.remove(best[a] * count + b) } }
        }
        return faces
    }

    /// The most groups the engine can send for `faces` of histograms with `binCounts` bins: each
    /// face's bins (missing and no-bin included) multiplied, summed.
    public static func groupBound(binCounts: [Int], faces: [[Int]]) -> Int {
        faces.reduce(0) { sum, face in
            let groups = face.reduce(1) { product, i in
                let next = product.multipliedReportingOverflow(by: min(binCounts[i], Int.max - 2) + 2)
                return next.overflow ? Int.max : next.partialValue
            }
            let total = sum.addingReportingOverflow(groups)
            return total.overflow ? Int.max : total.partialValue
        }
    }

    /// Where pair i < j of `count` histograms lies in `pairs`.
    private static func pairIndex(_ i: Int, _ j: Int, of count: Int) -> Int {
        i * count - i * (i + 1) / 2 + (j - i - 1)
    }
}

/// One group of a face of a `BinCube`: how many rows have these bins of the face's histograms.
public struct BinCubeGroup: Sendable, Equatable {
    /// The face (an index into the faces the cube was asked for).
    public let face: Int
    /// The bin of each of the face's histograms, in the face's order (-1: no bin; the bin count:
    /// missing).
    public let bins: [Int]
    /// The rows in the group.
    public let count: Int

    /// `count` rows with `bins` in face `face`.
    public init(face: Int, bins: [Int], count: Int) {
        self.face = face
        self.bins = bins
        self.count = count
    }
}
