/// Near-duplicate texts: rows whose texts have shingle sets of Jaccard similarity at least the
/// threshold, in clusters where every two texts are that similar.
///
/// 1. Every distinct text (a categorical column's values, or a text column's rows) is normalised
///    (see `TextShingles`); identical normalised texts become one document, and empty ones none.
/// 2. Each document's shingle set and MinHash band keys are computed on all cores.
/// 3. Documents sharing a band key are candidates; each candidate pair is verified by the exact
///    Jaccard similarity of the shingle sets and linked when it reaches the threshold.
/// 4. The documents linked through chains of such pairs are split into clusters in which every
///    two documents are near duplicates (`NearClustering`); a cluster's similarity is the least
///    of its pairs (1 for rows of identical normalised text).
struct NearTextSearch {
    let column: Column
    let threshold: Double
    let work: WorkContext

    func run(rows: [Int32]) throws -> [NearCluster] {
        let (documents, documentOfRow) = try self.documents(rows: rows)
        let minHash = MinHash(threshold: threshold)
        let count = documents.count
        var keys = [UInt32](repeating: 0, count: count * minHash.bands)
        let chunks = WorkChunks(items: count, minimumChunk: 512)
        let progress = PhaseCounter("near-duplicate text: signatures", total: count, work: work)
        let parts: [(shingles: [UInt64], ends: [Int])] = keys.withUnsafeMutableBufferPointer { keys in
            chunks.map { range in
                var shingles: [UInt64] = []
                var ends: [Int] = []
                ends.reserveCapacity(range.count)
                var signature = [UInt32](repeating: 0, count: minHash.hashCount)
                for document in range {
                    if work.isCancelled { break }
                    let start = shingles.count
                    documents.withBytes(at: document) { TextShingles.shingles($0, into: &shingles) }
                    ends.append(shingles.count)
                    shingles.withUnsafeBufferPointer { all in
                        signature.withUnsafeMutableBufferPointer { signature in
                            minHash.bandKeys(of: UnsafeBufferPointer(rebasing: all[start...]), signature: signature,
                                             into: keys.baseAddress! + document, stride: count)
                        }
                    }
                }
                progress.advance(by: range.count)
                return (shingles, ends)
            }
        }
        try work.check("duplicate search")
        var shingles: [UInt64] = []
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        for part in parts {
            let base = shingles.count
            shingles.append(contentsOf: part.shingles)
            offsets.append(contentsOf: part.ends.map { base + $0 })
        }
        return try shingles.withUnsafeBufferPointer { shingles in
            let similarity = { (a: Int, b: Int) in
                TextShingles.jaccard(UnsafeBufferPointer(rebasing: shingles[offsets[a]..<offsets[a + 1]]),
                                     UnsafeBufferPointer(rebasing: shingles[offsets[b]..<offsets[b + 1]]),
                                     threshold: threshold)
            }
            var linked = try CandidateLinking.link(tables: minHash.bands, items: count, keys: keys,
                                                   phase: "near-duplicate text: candidates", work: work,
                                                   similarity: similarity)
            let groups = try NearClustering.split(linked.components(), phase: "near-duplicate text: clusters",
                                                  work: work, similarity: similarity)
            return NearClustering.clusters(groups, itemCount: count, rows: rows, itemOfRow: documentOfRow)
        }
    }

    /// The distinct normalised texts of `rows`, and each row's document (-1 when missing or
    /// empty once normalised).
    private func documents(rows: [Int32]) throws -> (StringTable, [Int32]) {
        var dictionary = ByteDictionary(capacity: 1024)
        var scratch: [UInt8] = []
        func document(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
            scratch.removeAll(keepingCapacity: true)
            TextShingles.normalize(text, into: &scratch)
            guard !scratch.isEmpty else { return -1 }
            return scratch.withUnsafeBufferPointer { Int32(dictionary.code(of: $0.baseAddress!, $0.count)) }
        }
        let progress = PhaseCounter("near-duplicate text: normalising", total: rows.count, work: work)
        var documentOfRow = [Int32](repeating: -1, count: rows.count)
        switch column.data {
        case .categorical(let codes, let values):
            var documentOfCode = [Int32?](repeating: nil, count: values.count + 1)
            documentOfCode[values.count] = -1
            for (index, row) in rows.enumerated() {
                if index & 0xFFFF == 0 {
                    try work.check("duplicate search")
                    progress.advance(by: min(0x10000, rows.count - index))
                }
                let code = Int(codes[Int(row)])
                if documentOfCode[code] == nil { documentOfCode[code] = values.withBytes(at: code, document(of:)) }
                documentOfRow[index] = documentOfCode[code]!
            }
        case .text(let table):
            for (index, row) in rows.enumerated() {
                if index & 0xFFFF == 0 {
                    try work.check("duplicate search")
                    progress.advance(by: min(0x10000, rows.count - index))
                }
                if column.isPresent(Int(row)) { documentOfRow[index] = table.withBytes(at: Int(row), document(of:)) }
            }
        default:
            preconditionFailure("near-duplicate text needs a text or categorical column")
        }
        return (dictionary.entries, documentOfRow)
    }
}
