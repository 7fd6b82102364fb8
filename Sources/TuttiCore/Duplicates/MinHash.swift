import Foundation

/// MinHash signatures with LSH banding, tuned for a Jaccard threshold.
///
/// Hash function `i` maps a shingle's 32-bit hash `x` to the high half of `a[i]·x + b[i]`
/// (mod 2^64, `a[i]` odd): a strongly universal multiply-add-shift family. The signature is the
/// minimum of each function over the shingles; `rowsPerBand` consecutive minima make one band,
/// hashed to a 32-bit key per band. Two texts of Jaccard similarity `s` share a band key with
/// probability `1 − (1 − s^r)^b`; the banding takes the most rows per band `r` (the fewest
/// chance candidates) with which a pair exactly at the threshold is still a candidate with
/// probability at least 0.99 (higher above it), using at most 64 hash functions: they only find
/// candidates, which are then verified exactly, so more would cost time without changing results
/// beyond the odd pair at the threshold.
struct MinHash {
    let bands: Int
    let rowsPerBand: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    /// Most hash functions a signature uses.
    static let maxHashes = 64
    /// The least probability that a pair at the threshold becomes a candidate.
    static let recall = 0.99

    /// The banding for `threshold`.
    init(threshold: Double) {
        var rows = Self.maxHashes
        while rows > 1 {
            let bands = Self.maxHashes / rows
            if 1 - pow(1 - pow(threshold, Double(rows)), Double(bands)) >= Self.recall { break }
            rows -= 1
        }
        rowsPerBand = rows
        bands = Self.maxHashes / rows
        var random = SplitMix64(seed: 0x5EED_0F_7E47)
        multipliers = (0..<(bands * rows)).map { _ in random.next() | 1 }
        increments = (0..<(bands * rows)).map { _ in random.next() }
    }

    /// The number of hash functions.
    var hashCount: Int { bands * rowsPerBand }

    /// Writes the band keys of the shingle set: `keys[band * stride]` for each band.
    /// `signature` is scratch space of `hashCount` values.
    func bandKeys(of shingles: UnsafeBufferPointer<UInt64>, signature: UnsafeMutableBufferPointer<UInt32>,
                  into keys: UnsafeMutablePointer<UInt32>, stride: Int) {
        let count = hashCount
        for i in 0..<count { signature[i] = .max }
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                for shingle in shingles {
                    let x = ByteHasher.mix(shingle) >> 32
                    for i in 0..<count {
                        let value = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
                        signature[i] = Swift.min(signature[i], value)
                    }
                }
            }
        }
        for band in 0..<bands {
            var hash = UInt64(band)
            for i in (band * rowsPerBand)..<((band + 1) * rowsPerBand) {
                hash = KeyColumn.combine(hash, UInt64(signature[i]))
            }
            keys[band * stride] = UInt32(truncatingIfNeeded: ByteHasher.mix(hash))
        }
    }
}

/// A small, fast, seeded pseudo-random generator (SplitMix64), so that searches (and the
/// benchmarks' synthetic data) are repeatable.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
