import Foundation
import Testing
@testable import TuttiCore

/// Deterministic test data for near-duplicate search.
enum NearDuplicateData {
    /// `count` random sentences of `words` words (at random in the range) from a vocabulary of
    /// made-up words.
    static func sentences(_ count: Int, seed: UInt64, words: Range<Int> = 8..<15) -> [String] {
        var random = SplitMix64(seed: seed)
        let vocabulary = (0..<2000).map { index -> String in
            let length = 3 + index % 6
            return String((0..<length).map { _ in Character(UnicodeScalar(UInt8(97 + Int(random.next() % 26)))) })
        }
        return (0..<count).map { _ in
            (0..<(words.lowerBound + Int(random.next() % UInt64(words.count))))
                .map { _ in vocabulary[Int(random.next() % 2000)] }.joined(separator: " ")
        }
    }

    /// A text with one letter changed, at about `fraction` of its length.
    static func typo(_ text: String, at fraction: Double = 0.5) -> String {
        var characters = Array(text)
        var index = Int(Double(characters.count) * fraction)
        while characters[index] == " " { index += 1 }
        characters[index] = characters[index] == "x" ? "y" : "x"
        return String(characters)
    }

    /// `count` random unit-ish Gaussian vectors of `width` components.
    static func vectors(_ count: Int, width: Int, seed: UInt64) -> [[Float]] {
        var random = SplitMix64(seed: seed)
        func gaussian() -> Float {
            let u = (Double(random.next() >> 11) + 0.5) / Double(1 << 53)
            let v = Double(random.next() >> 11) / Double(1 << 53)
            return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
        }
        return (0..<count).map { _ in (0..<width).map { _ in gaussian() } }
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let na = a.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let nb = b.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        return dot / (na * nb)
    }

    /// The exact Jaccard similarity of two texts' shingle sets.
    static func jaccard(_ a: String, _ b: String) -> Double {
        func set(_ text: String) -> Set<UInt64> {
            var normalized: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { TextShingles.normalize($0, into: &normalized) }
            var shingles: [UInt64] = []
            normalized.withUnsafeBufferPointer { TextShingles.shingles($0, into: &shingles) }
            return Set(shingles)
        }
        let x = set(a), y = set(b)
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }
}

@Suite struct DuplicateNearTextTests {
    /// A dataset with one text column `t` (and a split) from the given texts.
    static func dataset(_ texts: [String], splits: [String]? = nil) throws -> Dataset {
        var lines = ["t,split"]
        for (index, text) in texts.enumerated() {
            lines.append(CSVQuoting.quoted(text) + "," + (splits?[index] ?? "train"))
        }
        return try load(lines.joined(separator: "\n"), options: LoadOptions(textColumns: ["t"])).dataset
    }

    static func search(_ dataset: Dataset, threshold: Double = DuplicateOptions.defaultTextThreshold,
                       leaks: Bool = false) throws -> DuplicateReport {
        let options = DuplicateOptions(exact: false, leaks: leaks, textColumn: "t", textThreshold: threshold)
        return try DuplicateSearch(dataset: dataset, roles: .infer(from: dataset), options: options).run()
    }

    @Test func normalisingIgnoresCasePunctuationAndSpacing() {
        func normalized(_ text: String) -> String {
            var output: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { TextShingles.normalize($0, into: &output) }
            return String(decoding: output, as: UTF8.self)
        }
        #expect(normalized("  Great\tPRODUCT!!  would buy,again ") == "great product would buy again")
        #expect(normalized("Café CRÈME — très «bon»") == "café crème très bon")
        #expect(normalized("?!...") == "")
    }

    @Test func shinglesAreCharacterFiveGrams() {
        var shingles: [UInt64] = []
        Array("abcdefab".utf8).withUnsafeBufferPointer { TextShingles.shingles($0, into: &shingles) }
        #expect(shingles.count == 4)
        #expect(NearDuplicateData.jaccard("abcdef", "abcdeg") == 1.0 / 3.0)
        #expect(NearDuplicateData.jaccard("abc", "ABC!") == 1)
        #expect(NearDuplicateData.jaccard("abc", "abcd") == 0)
    }

    @Test func jaccardIsExactAtTheThreshold() {
        // 8 shared of 9 + 9: J = 8 / 10 = 0.8 exactly.
        let a: [UInt64] = Array(0..<9), b: [UInt64] = Array(0..<8) + [100]
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                #expect(TextShingles.jaccard(a, b, threshold: 0.8) == 0.8)
                #expect(TextShingles.jaccard(a, b, threshold: 0.81) == nil)
                #expect(TextShingles.jaccard(a, a, threshold: 1) == 1)
            }
        }
    }

    @Test func bandingReachesTheThreshold() {
        for threshold in [0.5, 0.8, 0.9, 0.95] {
            let minHash = MinHash(threshold: threshold)
            let r = Double(minHash.rowsPerBand), b = Double(minHash.bands)
            #expect(minHash.hashCount <= MinHash.maxHashes)
            #expect(1 - pow(1 - pow(threshold, r), b) >= MinHash.recall)
            // One more row per band would miss the recall: the banding is as selective as allowed.
            let fewer = Double(MinHash.maxHashes / (minHash.rowsPerBand + 1))
            #expect(1 - pow(1 - pow(threshold, r + 1), fewer) < MinHash.recall)
        }
    }

    @Test func plantedNearDuplicatesAreFoundAndNothingElse() throws {
        var texts = NearDuplicateData.sentences(3000, seed: 1, words: 12..<20)
        var planted: [[Int]] = []
        for source in stride(from: 0, to: 300, by: 10) {
            let variant = source % 20 == 0 ? NearDuplicateData.typo(texts[source]) : texts[source].uppercased() + "!!"
            #expect(NearDuplicateData.jaccard(texts[source], variant) >= 0.8)
            planted.append([source, texts.count])
            texts.append(variant)
        }
        let report = try Self.search(try Self.dataset(texts))
        let found = report.clusters(of: .nearText)
        #expect(found.map(\.rows).sorted { $0[0] < $1[0] } == planted)
        for cluster in found {
            let expected = NearDuplicateData.jaccard(texts[cluster.rows[0]], texts[cluster.rows[1]])
            #expect(abs(cluster.similarity! - expected) < 1e-12)
        }
        #expect(report.summary.nearTextClusters == planted.count)
    }

    @Test func clustersMatchBruteForce() throws {
        // Variants of a few texts with one to three typos: pairs on both sides of the thresholds.
        let bases = NearDuplicateData.sentences(40, seed: 7)
        var texts: [String] = []
        for base in bases {
            var text = base
            texts.append(text)
            for fraction in [0.3, 0.7, 0.5] {
                text = NearDuplicateData.typo(text, at: fraction)
                texts.append(text)
            }
        }
        for threshold in [0.6, 0.8] {
            let report = try Self.search(try Self.dataset(texts), threshold: threshold)
            // Brute force: every pair compared, components of the pairs at the threshold, split.
            var linked = LinkedClusters(count: texts.count)
            var similar: [[Double?]] = Array(repeating: Array(repeating: nil, count: texts.count), count: texts.count)
            for a in 0..<texts.count {
                for b in (a + 1)..<texts.count {
                    let similarity = NearDuplicateData.jaccard(texts[a], texts[b])
                    guard similarity >= threshold else { continue }
                    linked.link(a, b)
                    similar[a][b] = similarity
                    similar[b][a] = similarity
                }
            }
            let expected = linked.components().flatMap { NearClustering.split($0) { similar[$0][$1] } }.filter { $0.items.count >= 2 }
            let found = report.clusters(of: .nearText)
            #expect(Set(found.map(\.rows)) == Set(expected.map(\.items)))
            for cluster in found {
                var lowest = 1.0
                for (index, a) in cluster.rows.enumerated() {
                    for b in cluster.rows[(index + 1)...] { lowest = min(lowest, NearDuplicateData.jaccard(texts[a], texts[b])) }
                }
                #expect(lowest >= threshold)
                #expect(abs(cluster.similarity! - lowest) < 1e-12)
            }
        }
    }

    @Test func identicalTextsClusterWithSimilarityOne() throws {
        let report = try Self.search(try Self.dataset(["Same text here", "same text, here!", "Other words entirely", ""]))
        #expect(report.clusters(of: .nearText).map(\.rows) == [[0, 1]])
        #expect(report.clusters(of: .nearText).first?.similarity == 1)
    }

    @Test func categoricalColumnsAndLeaksAcrossSplits() throws {
        let texts = ["red apple pie", "Red apple pie!", "green pear tart", "red apple pie", "green pear tart",
                     "green pear tart", "plum", "plum", "plum"]
        let splits = ["train", "test", "train", "train", "train", "train", "test", "test", "test"]
        let dataset = try load("t,split\n" + zip(texts, splits).map { "\($0),\($1)" }.joined(separator: "\n")).dataset
        #expect(dataset.column(named: "t")?.kind == .categorical)
        let report = try Self.search(dataset, leaks: true)
        #expect(report.clusters(of: .nearText).map(\.rows) == [[0, 1, 3], [2, 4, 5], [6, 7, 8]])
        let leaks = report.clusters(of: .leak)
        #expect(leaks.map(\.rows) == [[0, 1, 3]])
        #expect(leaks.first?.basis == .nearText)
        #expect(leaks.first?.splits == ["train": 2, "test": 1])
    }
}

@Suite struct DuplicateNearVectorTests {
    /// Random vectors with planted near copies: returns the vectors and the planted pairs.
    static func planted(count: Int, width: Int) -> ([[Float]], [[Int]]) {
        var vectors = NearDuplicateData.vectors(count, width: width, seed: 3)
        let noise = NearDuplicateData.vectors(count, width: width, seed: 4)
        var pairs: [[Int]] = []
        for source in stride(from: 0, to: count, by: count / 25) {
            // Noise of 10% of the norm per component: cosine about 0.99.
            let copy = zip(vectors[source], noise[source]).map { $0 + 0.1 * $1 }
            pairs.append([source, vectors.count])
            vectors.append(copy)
        }
        return (vectors, pairs)
    }

    static func dataset(_ vectors: [[Float]]) throws -> Dataset {
        let lines = vectors.enumerated().map { index, vector in
            "{\"id\": \(index), \"embedding\": [" + vector.map { "\($0)" }.joined(separator: ",") + "]}"
        }
        return try load(lines.joined(separator: "\n"), name: "v.jsonl").dataset
    }

    static func search(_ dataset: Dataset, exactLimit: Int,
                       threshold: Double = DuplicateOptions.defaultVectorThreshold) throws -> DuplicateReport {
        var options = DuplicateOptions(exact: false, vectorColumns: ["embedding"], vectorThreshold: threshold)
        options.exactVectorLimit = exactLimit
        return try DuplicateSearch(dataset: dataset, roles: .infer(from: dataset), options: options).run()
    }

    @Test(arguments: [100_000, 0])
    func plantedNearDuplicatesAreFound(exactLimit: Int) throws {
        let (vectors, pairs) = Self.planted(count: 2000, width: 64)
        let report = try Self.search(try Self.dataset(vectors), exactLimit: exactLimit)
        let found = report.clusters(of: .nearVector)
        #expect(found.map(\.rows).sorted { $0[0] < $1[0] } == pairs)
        for cluster in found {
            let expected = NearDuplicateData.cosine(vectors[cluster.rows[0]], vectors[cluster.rows[1]])
            #expect(expected >= 0.95)
            #expect(abs(cluster.similarity! - expected) < 1e-4)
        }
    }

    @Test func projectionsAgreeWithPairwiseSearch() throws {
        // Chains of small steps: pairs on both sides of the threshold.
        var vectors = NearDuplicateData.vectors(300, width: 16, seed: 5)
        let steps = NearDuplicateData.vectors(300, width: 16, seed: 6)
        for index in 0..<300 where index % 3 != 0 {
            vectors[index] = zip(vectors[index - 1], steps[index]).map { $0 + 0.25 * $1 }
        }
        let dataset = try Self.dataset(vectors)
        for threshold in [0.9, 0.97] {
            let exact = try Self.search(dataset, exactLimit: 100_000, threshold: threshold)
            let projected = try Self.search(dataset, exactLimit: 0, threshold: threshold)
            #expect(Set(exact.clusters.map(\.rows)) == Set(projected.clusters.map(\.rows)))
            #expect(!exact.clusters.isEmpty)
        }
    }

    @Test func numericColumnsMakeVectorsAndZeroOrMissingOnesAreLeftOut() throws {
        let csv = """
        x,y,z
        1,2,3
        2,4,6.0
        0,0,0
        0,0,0
        1,,3
        1,,3
        -1,-2,-3
        """
        let dataset = try load(csv).dataset
        let options = DuplicateOptions(exact: false, vectorColumns: ["x", "y", "z"])
        let report = try DuplicateSearch(dataset: dataset, roles: ColumnRoles(), options: options).run()
        #expect(report.clusters(of: .nearVector).map(\.rows) == [[0, 1]])
        #expect(abs(report.clusters[0].similarity! - 1) < 1e-6)
    }
}
