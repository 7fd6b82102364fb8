#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary files being written right now, kept where a signal handler can delete them:
/// a process ended by a hang-up (a dropped SSH link), SIGTERM or a crash leaves no
/// `.NAME.tmp-XXXXXX` behind.
///
/// Each live path is a C string in one of a fixed number of atomic slots, allocated before any
/// handler runs. `removeAll` only loads, exchanges and calls `unlink`, all async-signal-safe;
/// whoever takes a path out of its slot (the handler, or the file when it is committed or
/// discarded) owns it, so a handler never reads freed memory.
public enum TemporaryFileRegistry {
    private static let capacity = 64

    /// The slots: the address of a live path's C string, or 0.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Atomic<Int>> = {
        let pointer = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: capacity)
        for index in 0..<capacity { (pointer + index).initialize(to: Atomic(0)) }
        return pointer
    }()

    /// A function for a signal handler (or `atexit`) that deletes every live temporary file.
    /// Reading it sets up the registry, so the handler never does.
    public static var signalSafeRemoval: @convention(c) () -> Void {
        _ = slots
        return { TemporaryFileRegistry.removeAll() }
    }

    /// Deletes every live temporary file (async-signal-safe). The process is ending.
    public static func removeAll() {
        for index in 0..<capacity {
            let address = (slots + index).pointee.exchange(0, ordering: .sequentiallyConsistent)
            if let path = UnsafePointer<CChar>(bitPattern: address) { unlink(path) }
        }
    }

    /// A live temporary file's place in the registry.
    struct Entry {
        fileprivate let slot: Int
        fileprivate let address: Int
    }

    /// Records the live temporary file `path`; nil when every slot is taken (the file is then
    /// only deleted by its owner).
    static func register(_ path: String) -> Entry? {
        guard let copy = strdup(path) else { return nil }
        let address = Int(bitPattern: copy)
        for slot in 0..<capacity
        where (slots + slot).pointee.compareExchange(expected: 0, desired: address, ordering: .sequentiallyConsistent).exchanged {
            return Entry(slot: slot, address: address)
        }
        free(copy)
        return nil
    }

    /// Forgets `entry` (its file was committed or deleted by its owner), unless a handler took it.
    static func unregister(_ entry: Entry) {
        let slot = slots + entry.slot
        if slot.pointee.compareExchange(expected: entry.address, desired: 0, ordering: .sequentiallyConsistent).exchanged {
            free(UnsafeMutablePointer<CChar>(bitPattern: entry.address))
        }
    }
}
