import Synchronization

/// Parameters of a SliceLine search.
public struct SliceLineOptions: Sendable, Equatable {
    /// The weight of the error against the size in the score, in (0, 1].
    public var alpha: Double
    /// The fewest rows a slice may have; nil for max(32, 1% of the rows searched).
    public var minimumSupport: Int?
    /// The most columns a slice may combine.
    public var maxLevel: Int
    /// How many slices to find (k).
    public var count: Int

    public init(alpha: Double = 0.95, minimumSupport: Int? = nil, maxLevel: Int = 3, count: Int = 10) {
        self.alpha = alpha
        self.minimumSupport = minimumSupport
        self.maxLevel = maxLevel
        self.count = count
    }

    /// The minimum support for a search over `rows` rows.
    public func support(rows: Int) -> Int { minimumSupport ?? max(32, rows / 100) }

    /// Throws for parameters out of range.
    public func validate() throws {
        guard alpha > 0, alpha <= 1 else { throw TuttiError("alpha must be in (0, 1], not \(alpha)") }
        guard maxLevel >= 1 else { throw TuttiError("the maximum level must be at least 1") }
        guard count >= 1 else { throw TuttiError("the number of slices to find must be at least 1") }
        if let minimumSupport, minimumSupport < 1 { throw TuttiError("the minimum slice size must be at least 1") }
    }
}

/// How far a search has come: slices evaluated so far at the current level.
public struct SliceLineProgress: Sendable, Equatable {
    /// The level being searched (the number of columns combined).
    public let level: Int
    public let maxLevel: Int
    /// Candidates evaluated, of `candidates`, at this level.
    public let evaluated: Int
    public let candidates: Int
}

/// A slice found by SliceLine.
public struct FoundSlice: Sendable, Equatable {
    /// The conditions, column by column (a numeric bin gives two).
    public let predicates: [SlicePredicate]
    /// The number of columns combined.
    public let level: Int
    /// Rows of the slice among the rows searched.
    public let size: Int
    /// The sum and the largest of the slice's row errors.
    public let errorSum: Double
    public let maxError: Double
    /// sc = α·(ē_slice / ē − 1) − (1 − α)·(n / |S| − 1).
    public let score: Double
    /// (feature, value) per column, features ascending.
    let items: [SliceItem]

    /// The slice's mean error.
    public var averageError: Double { errorSum / Double(size) }
}

/// A column value in a slice: an index into the features and into that feature's values.
struct SliceItem: Sendable, Equatable {
    let feature: Int
    let value: Int
}

/// The outcome of a SliceLine search.
public struct SliceLineResult: Sendable {
    /// Per level: candidates left after pruning, and those evaluated that can be extended.
    public struct Level: Sendable, Equatable {
        public let level: Int
        public let evaluated: Int
        public let extendable: Int
    }

    /// The best slices, best first: by score, then size (larger first), then predicate text.
    public let slices: [FoundSlice]
    /// The columns searched, cut into values.
    public let features: [SliceFeature]
    /// The rows searched (n) and their mean error (ē).
    public let rowCount: Int
    public let averageError: Double
    /// The parameters, and the minimum support they gave.
    public let options: SliceLineOptions
    public let minimumSupport: Int
    /// Slices evaluated, over all levels.
    public var evaluated: Int { levels.reduce(0) { $0 + $1.evaluated } }
    public let levels: [Level]

    /// The rows of `within` in `slice`.
    public func rows(of slice: FoundSlice, within: RowSet) -> RowSet {
        var rows = within
        within.forEachMember { row in
            for item in slice.items where Int(features[item.feature].codes[row]) != item.value {
                rows.remove(row)
                return
            }
        }
        return rows
    }
}

/// SliceLine (Sagadeeva & Boehm, SIGMOD 2021): the k slices — conjunctions of column values —
/// with the highest score sc = α·(ē_slice / ē − 1) − (1 − α)·(n / |S| − 1), where ē is the mean
/// error of the n rows searched, among slices of at least σ rows and a positive score.
///
/// The lattice is searched level by level. Level 1 is every column value. A level-l candidate
/// joins two level-(l−1) slices sharing l−2 values, and is kept only if all l of its parents
/// were kept (each of σ rows or more, with some error, and not the same rows as one of its
/// own parents). Its size, error sum and largest error are at most the smallest of its
/// parents'; the score's upper bound over sizes σ … that smallest size (checked at both ends
/// and at the size where the error bound switches from size · max error to the error sum, with
/// n the number of rows) prunes every candidate that cannot reach the k-th best score so far
/// (0 until k slices are held). A slice with exactly the rows of a parent is not reported (its
/// parent is) nor extended (its children repeat its parent's).
///
/// Every slice is a row set: level-1 slices are bitsets over the rows searched, a candidate's
/// rows are the AND of its values' bitsets, its size a popcount, and so are 0/1 error sums.
/// Candidates are evaluated on all cores. The result is exactly the top k under the order
/// (score, size, predicate text), whatever the pruning.
public enum SliceLine {
    /// Searches `rows` (a subset of the dataset's rows; `errors` are per dataset row) for the
    /// best slices over `features`. Throws when `work` is cancelled or for bad options; reports
    /// each level to `progress`.
    public static func run(features: [SliceFeature], rows: RowSet, errors: SliceErrors, options: SliceLineOptions,
                           work: WorkContext = WorkContext(),
                           progress: (@Sendable (SliceLineProgress) -> Void)? = nil) throws -> SliceLineResult {
        try options.validate()
        let search = Search(features: features, rows: rows, errors: errors, options: options, cancellation: work.cancellation,
                            progress: progress)
        return try search.run()
    }
}

/// One search: the rows compacted to positions 0 ..< n, a bitset per usable level-1 slice.
private struct Search {
    let features: [SliceFeature]
    let options: SliceLineOptions
    let cancellation: CancellationFlag?
    let progress: (@Sendable (SliceLineProgress) -> Void)?
    /// Rows searched, minimum support, words per bitset.
    let n: Int
    let sigma: Int
    let wordCount: Int
    /// The first item (global value index) of each feature, and the feature of each item.
    let itemOffsets: [Int]
    let featureOfItem: [Int32]
    /// The errors by position, and their sum.
    let errors: PositionErrors
    let totalError: Double
    /// The universe rows in order (position → dataset row).
    let universe: RowSet

    init(features: [SliceFeature], rows: RowSet, errors: SliceErrors, options: SliceLineOptions,
         cancellation: CancellationFlag?, progress: (@Sendable (SliceLineProgress) -> Void)?) {
        self.features = features
        self.options = options
        self.cancellation = cancellation
        self.progress = progress
        universe = rows
        n = rows.count
        sigma = options.support(rows: n)
        wordCount = (n + 63) >> 6
        var offsets: [Int] = []
        var owner: [Int32] = []
        for (index, feature) in features.enumerated() {
            offsets.append(owner.count)
            owner += [Int32](repeating: Int32(index), count: feature.valueCount)
        }
        itemOffsets = offsets
        featureOfItem = owner
        switch errors {
        case .binary(let wrong):
            var bits = [UInt64](repeating: 0, count: wordCount)
            var position = 0
            rows.forEachMember { row in
                if wrong.contains(row) { bits[position >> 6] |= 1 << UInt64(position & 63) }
                position += 1
            }
            self.errors = .binary(bits)
            totalError = Double(bits.reduce(0) { $0 + $1.nonzeroBitCount })
        case .values(let all):
            var values = [Double](repeating: 0, count: n)
            var position = 0
            rows.forEachMember { row in
                values[position] = all[row]
                position += 1
            }
            self.errors = .values(values)
            totalError = values.reduce(0, +)
        }
    }

    /// 0/1 errors as a bitset over positions, or real errors per position.
    enum PositionErrors {
        case binary([UInt64])
        case values([Double])
    }

    /// Statistics of evaluated slices, flat: `items` with a stride of the level.
    struct Slices {
        var items: [Int32] = []
        var sizes: [Int] = []
        var errors: [Double] = []
        var maxErrors: [Double] = []
        /// Candidates only: the smallest parent size (equal size means the same rows).
        var parentSizes: [Int] = []

        var count: Int { sizes.count }
    }

    func run() throws -> SliceLineResult {
        let averageError = n > 0 ? totalError / Double(n) : 0
        var top = TopSlices(count: options.count)
        guard n > 0, totalError > 0 else {
            return SliceLineResult(slices: [], features: features, rowCount: n, averageError: averageError,
                                   options: options, minimumSupport: sigma, levels: [])
        }
        // Level 1: every value, in one pass per feature.
        let itemCount = featureOfItem.count
        var sizes = [Int](repeating: 0, count: itemCount)
        var errorSums = [Double](repeating: 0, count: itemCount)
        var maxErrors = [Double](repeating: 0, count: itemCount)
        for (index, feature) in features.enumerated() {
            let offset = itemOffsets[index]
            var position = 0
            feature.codes.withUnsafeBufferPointer { codes in
                universe.forEachMember { row in
                    let code = codes[row]
                    if code != SliceFeature.noValue {
                        let item = offset + Int(code), error = self.error(at: position)
                        sizes[item] += 1
                        errorSums[item] += error
                        maxErrors[item] = max(maxErrors[item], error)
                    }
                    position += 1
                }
            }
        }
        var parents = Slices()
        // A value holding every row has the rows of the whole table: neither reported nor extended.
        for item in 0..<itemCount where sizes[item] >= sigma && errorSums[item] > 0 && sizes[item] < n {
            top.offer(Candidate(items: [Int32(item)], size: sizes[item], errorSum: errorSums[item], maxError: maxErrors[item],
                                score: score(size: sizes[item], errorSum: errorSums[item])), text: text(of:))
            parents.items.append(Int32(item))
            parents.sizes.append(sizes[item])
            parents.errors.append(errorSums[item])
            parents.maxErrors.append(maxErrors[item])
        }
        var levels = [SliceLineResult.Level(level: 1, evaluated: itemCount, extendable: parents.count)]
        progress?(SliceLineProgress(level: 1, maxLevel: options.maxLevel, evaluated: itemCount, candidates: itemCount))
        let bitsets = levelOneBitsets(of: parents.items)
        var level = 1
        while level < min(options.maxLevel, features.count), parents.count > 1 {
            level += 1
            var candidates = generate(from: parents, level: level, top: top)
            try evaluate(&candidates, level: level, bitsets: bitsets)
            var next = Slices()
            for index in 0..<candidates.count {
                let size = candidates.sizes[index], errorSum = candidates.errors[index]
                guard size >= sigma, errorSum > 0, size < candidates.parentSizes[index] else { continue }
                let items = Array(candidates.items[(index * level)..<((index + 1) * level)])
                top.offer(Candidate(items: items, size: size, errorSum: errorSum, maxError: candidates.maxErrors[index],
                                    score: score(size: size, errorSum: errorSum)), text: text(of:))
                next.items += items
                next.sizes.append(size)
                next.errors.append(errorSum)
                next.maxErrors.append(candidates.maxErrors[index])
            }
            levels.append(SliceLineResult.Level(level: level, evaluated: candidates.count, extendable: next.count))
            parents = next
        }
        let slices = top.entries.map { entry in
            FoundSlice(predicates: predicates(of: entry.items), level: entry.items.count, size: entry.size,
                       errorSum: entry.errorSum, maxError: entry.maxError, score: entry.score,
                       items: entry.items.map { item in
                           let feature = Int(featureOfItem[Int(item)])
                           return SliceItem(feature: feature, value: Int(item) - itemOffsets[feature])
                       })
        }
        return SliceLineResult(slices: slices, features: features, rowCount: n, averageError: averageError,
                               options: options, minimumSupport: sigma, levels: levels)
    }

    @inline(__always)
    private func error(at position: Int) -> Double {
        switch errors {
        case .binary(let bits): bits[position >> 6] >> UInt64(position & 63) & 1 == 1 ? 1 : 0
        case .values(let values): values[position]
        }
    }

    private func score(size: Int, errorSum: Double) -> Double {
        score(size: Double(size), errorSum: errorSum)
    }

    private func score(size: Double, errorSum: Double) -> Double {
        let average = totalError / Double(n)
        return options.alpha * (errorSum / size / average - 1) - (1 - options.alpha) * (Double(n) / size - 1)
    }

    /// The highest score a slice (or any descendant) can reach with at most `size` rows, an
    /// error sum of at most `errorSum`, and row errors of at most `maxError`: the score is
    /// monotone in the size on either side of errorSum / maxError, so its maximum over
    /// σ … size lies at an end or there.
    private func upperBound(size: Int, errorSum: Double, maxError: Double) -> Double {
        let low = Double(sigma), high = Double(size)
        var best = -Double.infinity
        for s in [low, min(max(errorSum / maxError, low), high), high] {
            best = max(best, score(size: s, errorSum: min(s * maxError, errorSum)))
        }
        return best
    }

    /// The predicates of a slice given by its items.
    private func predicates(of items: [Int32]) -> [SlicePredicate] {
        items.flatMap { item -> [SlicePredicate] in
            let feature = Int(featureOfItem[Int(item)])
            return features[feature].predicates[Int(item) - itemOffsets[feature]]
        }
    }

    /// The text that breaks ties between slices of equal score and size.
    private func text(of items: [Int32]) -> String {
        predicates(of: items).map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
    }

    /// A bitset over positions for each of `items`, back to back.
    private func levelOneBitsets(of items: [Int32]) -> Bitsets {
        var slot = [Int](repeating: -1, count: featureOfItem.count)
        for (index, item) in items.enumerated() { slot[Int(item)] = index }
        var bitsets = [UInt64](repeating: 0, count: items.count * wordCount)
        for (index, feature) in features.enumerated() {
            let offset = itemOffsets[index]
            var position = 0
            feature.codes.withUnsafeBufferPointer { codes in
                bitsets.withUnsafeMutableBufferPointer { bits in
                    universe.forEachMember { row in
                        let code = codes[row]
                        if code != SliceFeature.noValue, case let target = slot[offset + Int(code)], target >= 0 {
                            bits[target * wordCount + (position >> 6)] |= 1 << UInt64(position & 63)
                        }
                        position += 1
                    }
                }
            }
        }
        return Bitsets(slot: slot, words: bitsets)
    }

    /// Bitsets of level-1 slices: `words[slot[item] * wordCount ..< (slot[item] + 1) * wordCount]`.
    struct Bitsets {
        let slot: [Int]
        let words: [UInt64]
    }

    /// Level-`level` candidates from pairs of `parents` (sorted, stride level − 1) that share
    /// their first level − 2 values and differ in the column of the last; kept when every
    /// parent is in `parents` and the upper bound of the score can still reach the top.
    private func generate(from parents: Slices, level: Int, top: TopSlices) -> Slices {
        let width = level - 1, prefix = level - 2
        var candidates = Slices()
        var start = 0
        var key = [Int32](repeating: 0, count: width)
        parents.items.withUnsafeBufferPointer { items in
            while start < parents.count {
                var end = start + 1
                while end < parents.count, (0..<prefix).allSatisfy({ items[end * width + $0] == items[start * width + $0] }) {
                    end += 1
                }
                for a in start..<end {
                    let lastA = items[a * width + width - 1]
                    for b in (a + 1)..<end {
                        let lastB = items[b * width + width - 1]
                        guard featureOfItem[Int(lastA)] != featureOfItem[Int(lastB)] else { continue }
                        var size = min(parents.sizes[a], parents.sizes[b])
                        var errorSum = min(parents.errors[a], parents.errors[b])
                        var maxError = min(parents.maxErrors[a], parents.maxErrors[b])
                        var complete = true
                        // The other parents: drop one of the shared values.
                        for dropped in 0..<prefix {
                            var k = 0
                            for t in 0..<prefix where t != dropped {
                                key[k] = items[a * width + t]
                                k += 1
                            }
                            key[k] = lastA
                            key[k + 1] = lastB
                            guard let parent = Self.find(key, in: items, width: width, count: parents.count) else {
                                complete = false
                                break
                            }
                            size = min(size, parents.sizes[parent])
                            errorSum = min(errorSum, parents.errors[parent])
                            maxError = min(maxError, parents.maxErrors[parent])
                        }
                        guard complete else { continue }
                        let bound = upperBound(size: size, errorSum: errorSum, maxError: maxError)
                        guard bound > 0, top.threshold.map({ bound >= $0 }) ?? true else { continue }
                        candidates.items.append(contentsOf: items[(a * width)..<(a * width + width)])
                        candidates.items.append(lastB)
                        candidates.parentSizes.append(size)
                    }
                }
                start = end
            }
        }
        return candidates
    }

    /// The index of the slice `key` among `count` sorted slices of `width` items.
    private static func find(_ key: [Int32], in items: UnsafeBufferPointer<Int32>, width: Int, count: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            var order = 0
            for t in 0..<width where items[middle * width + t] != key[t] {
                order = items[middle * width + t] < key[t] ? -1 : 1
                break
            }
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Fills the sizes and errors of `candidates` (stride `level`), on all cores.
    private func evaluate(_ candidates: inout Slices, level: Int, bitsets: Bitsets) throws {
        let total = candidates.parentSizes.count
        let chunk = 128
        let chunkCount = (total + chunk - 1) / chunk
        let done = Atomic<Int>(0)
        let items = candidates.items
        let results = ResultSlots<[(size: Int, errors: Double, maxError: Double)]>.collect(count: chunkCount) { index in
            if cancellation?.isCancelled == true { return [] }
            let range = (index * chunk)..<min((index + 1) * chunk, total)
            let stats = evaluate(items: items, range: range, level: level, bitsets: bitsets)
            let evaluated = done.add(range.count, ordering: .relaxed).newValue
            progress?(SliceLineProgress(level: level, maxLevel: options.maxLevel, evaluated: evaluated, candidates: total))
            return stats
        }
        if cancellation?.isCancelled == true { throw TuttiError("the slice search was cancelled") }
        for stats in results {
            for (size, errors, maxError) in stats {
                candidates.sizes.append(size)
                candidates.errors.append(errors)
                candidates.maxErrors.append(maxError)
            }
        }
    }

    /// Sizes and errors of candidates `range`: the AND of the bitsets of their values. The
    /// AND of all values but the last is kept while consecutive candidates share them.
    private func evaluate(items: [Int32], range: Range<Int>, level: Int,
                          bitsets: Bitsets) -> [(size: Int, errors: Double, maxError: Double)] {
        var stats: [(size: Int, errors: Double, maxError: Double)] = []
        stats.reserveCapacity(range.count)
        let words = wordCount, head = level - 1
        var scratch = [UInt64](repeating: 0, count: level > 2 ? words : 0)
        var scratchOwner = -1
        let binary: Bool, errorWords: [UInt64], errorValues: [Double]
        switch errors {
        case .binary(let bits): (binary, errorWords, errorValues) = (true, bits, [])
        case .values(let values): (binary, errorWords, errorValues) = (false, [], values)
        }
        items.withUnsafeBufferPointer { items in
            bitsets.words.withUnsafeBufferPointer { all in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    errorWords.withUnsafeBufferPointer { errorWords in
                        errorValues.withUnsafeBufferPointer { errorValues in
                            func bitset(_ item: Int32) -> UnsafePointer<UInt64> {
                                all.baseAddress! + bitsets.slot[Int(item)] * words
                            }
                            for candidate in range {
                                let base = candidate * level
                                let source: UnsafePointer<UInt64>
                                if level == 2 {
                                    source = bitset(items[base])
                                } else {
                                    let shared = scratchOwner >= 0
                                        && (0..<head).allSatisfy { items[scratchOwner + $0] == items[base + $0] }
                                    if !shared {
                                        let first = bitset(items[base]), second = bitset(items[base + 1])
                                        for w in 0..<words { scratch[w] = first[w] & second[w] }
                                        for t in 2..<head {
                                            let other = bitset(items[base + t])
                                            for w in 0..<words { scratch[w] &= other[w] }
                                        }
                                        scratchOwner = base
                                    }
                                    source = UnsafePointer(scratch.baseAddress!)
                                }
                                let last = bitset(items[base + head])
                                var size = 0
                                var errorSum = 0.0, maxError = 0.0
                                if !binary {
                                    for w in 0..<words {
                                        var bits = source[w] & last[w]
                                        guard bits != 0 else { continue }
                                        size &+= bits.nonzeroBitCount
                                        while bits != 0 {
                                            let error = errorValues[w << 6 | bits.trailingZeroBitCount]
                                            errorSum += error
                                            maxError = max(maxError, error)
                                            bits &= bits &- 1
                                        }
                                    }
                                } else {
                                    var wrong = 0
                                    for w in 0..<words {
                                        let bits = source[w] & last[w]
                                        size &+= bits.nonzeroBitCount
                                        wrong &+= (bits & errorWords[w]).nonzeroBitCount
                                    }
                                    errorSum = Double(wrong)
                                    maxError = wrong > 0 ? 1 : 0
                                }
                                stats.append((size, errorSum, maxError))
                            }
                        }
                    }
                }
            }
        }
        return stats
    }
}

/// A slice offered to the top k.
private struct Candidate {
    let items: [Int32]
    let size: Int
    let errorSum: Double
    let maxError: Double
    let score: Double
}

/// The best k slices so far, best first.
private struct TopSlices {
    let count: Int
    private(set) var entries: [Candidate] = []

    init(count: Int) { self.count = count }

    /// The score to reach once k slices are held.
    var threshold: Double? { entries.count == count ? entries.last?.score : nil }

    /// Adds `candidate` if its score is positive and it ranks among the best k.
    mutating func offer(_ candidate: Candidate, text: ([Int32]) -> String) {
        guard candidate.score > 0 else { return }
        func better(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.size != b.size { return a.size > b.size }
            return text(a.items) < text(b.items)
        }
        if entries.count == count, let last = entries.last, !better(candidate, last) { return }
        let position = entries.firstIndex { better(candidate, $0) } ?? entries.count
        entries.insert(candidate, at: position)
        if entries.count > count { entries.removeLast() }
    }
}
