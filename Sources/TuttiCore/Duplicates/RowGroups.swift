/// Rows split into groups of at least two rows, stored flat: group `g` is
/// `members[offsets[g] ..< offsets[g + 1]]`, its rows in input order.
struct RowGroups {
    private(set) var members: [Int32] = []
    private(set) var offsets: [Int] = [0]

    /// The number of groups.
    var count: Int { offsets.count - 1 }

    /// The rows of group `index`.
    subscript(index: Int) -> ArraySlice<Int32> { members[offsets[index]..<offsets[index + 1]] }

    /// Groups every `rows[i]` whose key equals another's. `hashes[i]` is the key hash of
    /// `rows[i]`; rows with equal hashes are put in one group only when `equal` (called with two
    /// positions in `rows`, from several threads) says so, so a hash collision never joins
    /// different rows. Groups come in order of their first row in `rows`, each group's rows in
    /// input order.
    static func grouping(rows: [Int32], hashes: [UInt64], equal: (Int, Int) -> Bool) -> RowGroups {
        let candidates = repeatedHashes(hashes)
        guard candidates.count >= 2 else { return RowGroups() }
        // Equal keys have equal hashes, so partitions by the hash's top bits group on their own,
        // on all cores.
        let partitionBits = candidates.count >= 1 << 16 ? 2 : 0
        let parts = ResultSlots<Partition>.collect(count: 1 << partitionBits) { part in
            let mine = partitionBits == 0 ? candidates : candidates.filter {
                Int(truncatingIfNeeded: hashes[$0] >> UInt64(64 - partitionBits)) == part
            }
            return Partition(positions: mine, hashes: hashes, equal: equal)
        }
        // Merge the partitions' groups by first position.
        var order: [(first: Int, part: Int, group: Int)] = []
        for (part, partition) in parts.enumerated() {
            for group in 0..<partition.firsts.count { order.append((partition.firsts[group], part, group)) }
        }
        order.sort { $0.first < $1.first }
        var groups = RowGroups()
        groups.offsets.reserveCapacity(order.count + 1)
        groups.members.reserveCapacity(parts.reduce(0) { $0 + $1.members.count })
        for entry in order {
            let partition = parts[entry.part]
            for index in partition.offsets[entry.group]..<partition.offsets[entry.group + 1] {
                groups.members.append(rows[Int(partition.members[index])])
            }
            groups.offsets.append(groups.members.count)
        }
        return groups
    }

    /// The groups of some positions: classes of equal keys found through an open-addressing
    /// table, those of two positions or more kept, in order of their first position.
    private struct Partition {
        /// Positions, group after group.
        var members: [Int32] = []
        var offsets: [Int] = [0]
        /// The first position of each group.
        var firsts: [Int] = []

        init(positions: [Int], hashes: [UInt64], equal: (Int, Int) -> Bool) {
            var slotCount = 16
            while slotCount < positions.count * 2 { slotCount <<= 1 }
            let mask = slotCount - 1
            var slotHash = [UInt64](repeating: 0, count: slotCount)
            var slotClass = [Int32](repeating: -1, count: slotCount)
            var classFirst: [Int] = []
            var classSize: [Int32] = []
            var classOf = [Int32](repeating: 0, count: positions.count)
            hashes.withUnsafeBufferPointer { hashes in
                slotHash.withUnsafeMutableBufferPointer { slotHash in
                    slotClass.withUnsafeMutableBufferPointer { slotClass in
                        for (index, position) in positions.enumerated() {
                            let hash = hashes[position]
                            var slot = Int(truncatingIfNeeded: hash) & mask
                            var found: Int32 = -1
                            while slotClass[slot] >= 0 {
                                let existing = slotClass[slot]
                                if slotHash[slot] == hash, equal(classFirst[Int(existing)], position) {
                                    found = existing
                                    break
                                }
                                slot = (slot + 1) & mask
                            }
                            if found < 0 {
                                found = Int32(classFirst.count)
                                slotHash[slot] = hash
                                slotClass[slot] = found
                                classFirst.append(position)
                                classSize.append(0)
                            }
                            classOf[index] = found
                            classSize[Int(found)] += 1
                        }
                    }
                }
            }
            // Classes are numbered in order of first position; keep those of two or more.
            var groupOfClass = [Int32](repeating: -1, count: classFirst.count)
            var total = 0
            for (cls, size) in classSize.enumerated() where size >= 2 {
                groupOfClass[cls] = Int32(firsts.count)
                firsts.append(classFirst[cls])
                total += Int(size)
                offsets.append(total)
            }
            var next = Array(offsets.dropLast())
            members = [Int32](repeating: 0, count: total)
            for (index, position) in positions.enumerated() {
                let group = Int(groupOfClass[Int(classOf[index])])
                guard group >= 0 else { continue }
                members[next[group]] = Int32(position)
                next[group] += 1
            }
        }
    }

    /// Positions whose hash occurs at least twice, or may: a pass over two bitsets indexed by the
    /// hash's top bits keeps every repeated hash (and a few others), so the table that confirms
    /// keys only sees a fraction of the rows when duplicates are rare.
    private static func repeatedHashes(_ hashes: [UInt64]) -> [Int] {
        guard hashes.count >= 2 else { return [] }
        var bitCount = 1 << 12
        var shift: UInt64 = 52
        while bitCount < hashes.count * 16 { bitCount <<= 1; shift -= 1 }
        var seen = [UInt64](repeating: 0, count: bitCount >> 6)
        var twice = [UInt64](repeating: 0, count: bitCount >> 6)
        hashes.withUnsafeBufferPointer { hashes in
            seen.withUnsafeMutableBufferPointer { seen in
                twice.withUnsafeMutableBufferPointer { twice in
                    for hash in hashes {
                        let bit = Int(truncatingIfNeeded: hash >> shift)
                        let word = bit >> 6, flag = UInt64(1) << UInt64(bit & 63)
                        twice[word] |= seen[word] & flag
                        seen[word] |= flag
                    }
                }
            }
        }
        var positions: [Int] = []
        for (position, hash) in hashes.enumerated() {
            let bit = Int(truncatingIfNeeded: hash >> shift)
            if twice[bit >> 6] & (UInt64(1) << UInt64(bit & 63)) != 0 { positions.append(position) }
        }
        return positions
    }

    /// Splits every group further by `column`: rows stay together only when their cells of
    /// `column` are equal too.
    func refined(by column: KeyColumn) -> RowGroups {
        guard count > 0 else { return self }
        var hashes = [UInt64](repeating: 0, count: members.count)
        var groupOf = [Int32](repeating: 0, count: members.count)
        for group in 0..<count {
            for index in offsets[group]..<offsets[group + 1] {
                hashes[index] = UInt64(group)
                groupOf[index] = Int32(group)
            }
        }
        members.withUnsafeBufferPointer { rows in
            hashes.withUnsafeMutableBufferPointer { column.mix(rows: rows, into: $0.baseAddress!) }
        }
        let rows = members
        return RowGroups.grouping(rows: rows, hashes: hashes.map(ByteHasher.mix)) { a, b in
            groupOf[a] == groupOf[b] && column.equal(Int(rows[a]), Int(rows[b]))
        }
    }
}
