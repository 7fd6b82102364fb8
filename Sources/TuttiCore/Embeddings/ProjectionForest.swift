/// Random-projection trees over the items of a vector space: each tree splits its items in two
/// by the hyperplane halfway between two items picked at random, again and again, until the
/// parts (leaves) hold at most `leafSize` items. Near items tend to share a leaf in some tree,
/// so the members of an item's leaves are good candidates for its nearest neighbours (the
/// hierarchical form of random-projection LSH, as in Annoy and PyNNDescent).
struct ProjectionForest {
    /// One tree: the items permuted so that each leaf is a contiguous run.
    struct Tree: Sendable {
        /// The items, leaf by leaf.
        var order: [Int32]
        /// Where each leaf starts in `order`, and `order.count` last.
        var leafStarts: [Int32]
        /// Each item's leaf.
        var leafOfItem: [Int32]

        /// The members of item `item`'s leaf (the item among them).
        func leafMembers(of item: Int) -> ArraySlice<Int32> {
            let leaf = Int(leafOfItem[item])
            return order[Int(leafStarts[leaf])..<Int(leafStarts[leaf + 1])]
        }
    }

    let trees: [Tree]

    /// `count` trees with leaves of at most `leafSize` items and, where the space allows, at
    /// least `leafSize / 2` (a split leaving too few on one side falls back to halving).
    init(space: VectorSpace, count: Int, leafSize: Int, seed: UInt64, work: WorkContext) throws {
        let progress = PhaseCounter("familiarity: index", total: count, work: work)
        trees = ResultSlots<Tree>.collect(count: count) { index in
            var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
            let tree = Self.tree(space: space, leafSize: leafSize, random: &random, work: work)
            progress.advance()
            return tree
        }
        try work.check("familiarity")
    }

    private static func tree(space: VectorSpace, leafSize: Int, random: inout SplitMix64, work: WorkContext) -> Tree {
        let n = space.count, width = space.width
        var order = (0..<n).map(Int32.init)
        var leaves: [Range<Int>] = []
        var pending: [Range<Int>] = [0..<n]
        var sides = [Float](repeating: 0, count: n)
        var normal = [Float](repeating: 0, count: width)
        space.items.values.withUnsafeBufferPointer { values in
            let values = values.baseAddress!
            while let range = pending.popLast() {
                if range.count <= leafSize || work.isCancelled {
                    leaves.append(range)
                    continue
                }
                let a = Int(order[range.lowerBound + Int(random.next() % UInt64(range.count))])
                // When a and b coincide every side is 0 and the split falls back to halving.
                let b = Int(order[range.lowerBound + Int(random.next() % UInt64(range.count))])
                var offset: Float = 0
                for k in 0..<width {
                    let xa = values[a * width + k], xb = values[b * width + k]
                    normal[k] = xa - xb
                    offset += (xa * xa - xb * xb) / 2
                }
                normal.withUnsafeBufferPointer { normal in
                    for position in range {
                        let item = Int(order[position])
                        sides[position] = NearVectorSearch.dot(values + item * width, normal.baseAddress!, width) - offset
                    }
                }
                var split = partition(&order, &sides, range)
                let smallest = leafSize / 2
                if split - range.lowerBound < smallest || range.upperBound - split < smallest {
                    split = range.lowerBound + range.count / 2
                }
                pending.append(range.lowerBound..<split)
                pending.append(split..<range.upperBound)
            }
        }
        var leafStarts: [Int32] = []
        var leafOfItem = [Int32](repeating: 0, count: n)
        var arranged: [Int32] = []
        arranged.reserveCapacity(n)
        for (leaf, range) in leaves.enumerated() {
            leafStarts.append(Int32(arranged.count))
            for position in range {
                leafOfItem[Int(order[position])] = Int32(leaf)
                arranged.append(order[position])
            }
        }
        leafStarts.append(Int32(n))
        return Tree(order: arranged, leafStarts: leafStarts, leafOfItem: leafOfItem)
    }

    /// Moves the items of `range` with a positive side before the others; returns where the
    /// others start.
    private static func partition(_ order: inout [Int32], _ sides: inout [Float], _ range: Range<Int>) -> Int {
        var low = range.lowerBound, high = range.upperBound - 1
        while low <= high {
            if sides[low] > 0 {
                low += 1
            } else {
                order.swapAt(low, high)
                sides.swapAt(low, high)
                high -= 1
            }
        }
        return low
    }
}
