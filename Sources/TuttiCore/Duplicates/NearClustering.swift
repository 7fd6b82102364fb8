/// Near-duplicate clusters in which every two members are near duplicates (complete linkage at
/// the threshold), cut out of the connected components of the graph of near-duplicate pairs.
///
/// A component can chain rows that have nothing in common (a 6 joined to a 1 through many small
/// steps), so each is split greedily: its first item not yet placed seeds a cluster; the items of
/// the component still unplaced that are near duplicates of the seed are taken, most similar to
/// the seed first, each only when it is a near duplicate of every member taken so far; then the
/// next unplaced item seeds the next cluster. The outcome depends only on the component, so the
/// pairwise and the hashed searches agree whenever they find the same components.
enum NearClustering {
    /// Items of one cluster (ascending) and the least similarity of two of them (1 for one item).
    struct Group {
        let items: [Int]
        let similarity: Double
    }

    /// The clusters of every component (items ascending), on all cores. `similarity` returns the
    /// similarity of two items when it reaches the threshold, nil below it; it is called from
    /// several threads at once.
    static func split(_ components: [[Int]], phase: String, work: WorkContext,
                      similarity: (Int, Int) -> Double?) throws -> [Group] {
        let progress = PhaseCounter(phase, total: components.count, work: work)
        let chunks = WorkChunks(items: components.count, minimumChunk: 16)
        let parts = chunks.map { range in
            var groups: [Group] = []
            for index in range {
                if work.isCancelled { break }
                groups += split(components[index], isCancelled: { work.isCancelled }, similarity: similarity)
            }
            progress.advance(by: range.count)
            return groups
        }
        try work.check("duplicate search")
        return Array(parts.joined())
    }

    /// The clusters of one component, in order of their seed. The work grows with the square of
    /// a component's size, so a large one checks `isCancelled` before each seed (and stops early).
    static func split(_ component: [Int], isCancelled: () -> Bool = { false },
                      similarity: (Int, Int) -> Double?) -> [Group] {
        var unplaced = component
        var groups: [Group] = []
        while let seed = unplaced.first, !isCancelled() {
            var candidates: [(item: Int, similarity: Double)] = []
            for item in unplaced.dropFirst() {
                if let value = similarity(seed, item) { candidates.append((item, value)) }
            }
            candidates.sort { ($0.similarity, -$0.item) > ($1.similarity, -$1.item) }
            var members = [seed]
            var weakest = 1.0
            for candidate in candidates {
                var lowest = candidate.similarity
                var fits = true
                for member in members.dropFirst() {
                    guard let value = similarity(member, candidate.item) else {
                        fits = false
                        break
                    }
                    lowest = min(lowest, value)
                }
                if fits {
                    members.append(candidate.item)
                    weakest = min(weakest, lowest)
                }
            }
            let placed = Set(members)
            unplaced.removeAll { placed.contains($0) }
            groups.append(Group(items: members.sorted(), similarity: weakest))
        }
        return groups
    }

    /// Clusters of rows: `itemOfRow[i]` is the item of `rows[i]` (a negative item: none). The rows
    /// of one group form a cluster when there are at least two, and so do the rows of one item in
    /// no group (identical values: similarity 1). Clusters come in order of their first row.
    static func clusters(_ groups: [Group], itemCount: Int, rows: [Int32], itemOfRow: [Int32]) -> [NearCluster] {
        var groupOfItem = [Int32](repeating: -1, count: itemCount)
        for (index, group) in groups.enumerated() {
            for item in group.items { groupOfItem[item] = Int32(index) }
        }
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for (index, row) in rows.enumerated() where itemOfRow[index] >= 0 {
            let item = Int(itemOfRow[index])
            // Items in no group are keyed after every group.
            let key = groupOfItem[item] >= 0 ? Int(groupOfItem[item]) : groups.count + item
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(Int(row))
        }
        return order.compactMap { key in
            let rows = members[key]!
            guard rows.count >= 2 else { return nil }
            return NearCluster(rows: rows, similarity: key < groups.count ? groups[key].similarity : 1)
        }
    }
}
