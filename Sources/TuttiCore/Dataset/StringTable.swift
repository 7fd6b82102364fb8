#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings stored in one byte arena with offsets: no Swift `String` per value.
///
/// Used for text columns (one entry per row) and for the dictionaries of categorical columns
/// (one entry per distinct value). Every entry is valid UTF-8.
public struct StringTable: Sendable, Equatable {
    /// The UTF-8 bytes of all entries, back to back.
    public private(set) var bytes: [UInt8]
    /// `offsets[i] ..< offsets[i + 1]` is entry `i` in `bytes`; `offsets.count == count + 1`.
    public private(set) var offsets: [Int]

    /// An empty table.
    public init() {
        bytes = []
        offsets = [0]
    }

    /// A table from an arena and its offsets.
    public init(bytes: [UInt8], offsets: [Int]) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "offsets do not cover the arena")
        self.bytes = bytes
        self.offsets = offsets
    }

    /// A table holding `strings`, in order.
    public init<S: Sequence>(_ strings: S) where S.Element: StringProtocol {
        self.init()
        for string in strings { append(string) }
    }

    /// The number of entries.
    public var count: Int { offsets.count - 1 }

    /// Reserves room for `entries` entries of `byteCount` bytes in all.
    public mutating func reserve(entries: Int, byteCount: Int) {
        offsets.reserveCapacity(entries + 1)
        bytes.reserveCapacity(byteCount)
    }

    /// Reserves room like `reserve(entries:byteCount:)`; an empty table's new buffers have their
    /// pages mapped at once (see `Prefault`), for a table about to be filled. An empty table that
    /// has room already keeps its buffers (a reused table: their pages were written before).
    mutating func reservePrefaulted(entries: Int, byteCount: Int) {
        if count == 0 {
            if offsets.capacity < entries + 1 {
                offsets = .prefaulted(capacity: entries + 1)
                offsets.append(0)
            }
            if bytes.capacity < byteCount { bytes = .prefaulted(capacity: byteCount) }
        } else {
            reserve(entries: entries, byteCount: byteCount)
        }
    }

    /// Removes every entry, keeping the room reserved (and its pages, once written), so that a
    /// table built and copied out can be filled again without new memory.
    mutating func removeAllKeepingCapacity() {
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
    }

    /// Whether the table has room for `entries` entries of `byteCount` bytes in all without
    /// growing.
    func hasRoom(entries: Int, byteCount: Int) -> Bool {
        offsets.capacity >= entries + 1 && bytes.capacity >= byteCount
    }

    /// Maps the pages of the next `entries` entries of `byteCount` bytes within the reserved room
    /// (see `Array.prefaultNext`), for a table filled piece by piece.
    mutating func prefaultNext(entries: Int, byteCount: Int) {
        offsets.prefaultNext(entries)
        bytes.prefaultNext(byteCount)
    }

    /// Appends an entry made of `utf8` (which must be valid UTF-8).
    public mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
    }

    /// Appends a Swift string.
    public mutating func append<S: StringProtocol>(_ string: S) {
        bytes.append(contentsOf: string.utf8)
        offsets.append(bytes.count)
    }

    /// Appends every entry of `other`.
    public mutating func append(contentsOf other: StringTable) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        // The other table's ends, copied whole, then moved past this table's bytes in place.
        let first = offsets.count
        offsets.append(contentsOf: other.offsets.dropFirst())
        offsets.withUnsafeMutableBufferPointer { offsets in
            for index in first..<offsets.count { offsets[index] &+= base }
        }
    }

    /// The byte length of entry `index`.
    public func length(at index: Int) -> Int { offsets[index + 1] - offsets[index] }

    /// Entry `index` as a `String` (allocates; not for hot loops).
    public subscript(index: Int) -> String {
        let start = offsets[index], end = offsets[index + 1]
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of entry `index`.
    @inline(__always)
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = offsets[index], end = offsets[index + 1]
        return try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// The index of the first entry equal to `string`, if any (a linear scan).
    public func firstIndex(of string: String) -> Int? {
        var target = string
        return target.withUTF8 { needle in
            bytes.withUnsafeBufferPointer { buffer in
                for i in 0..<count {
                    let start = offsets[i], end = offsets[i + 1]
                    if end - start == needle.count,
                       needle.count == 0 || memcmp(buffer.baseAddress! + start, needle.baseAddress!, needle.count) == 0 {
                        return i
                    }
                }
                return nil
            }
        }
    }
}

