#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An export's file, written under a temporary name (`.out.csv.tmp-x7k2qz`) in the folder of its final
/// path and moved into place only once complete and flushed to disk: nobody ever sees a partial
/// file, and a failed or cancelled export leaves nothing behind (see `discard()`).
final class TemporaryFile: ByteSink {
    /// The temporary file's path.
    private let path: String
    /// The final path.
    private let target: String
    private let folder: String
    private var descriptor: Int32 = -1
    /// Where a signal handler finds the file to delete it (see `TemporaryFileRegistry`).
    private var registration: TemporaryFileRegistry.Entry?
    /// Whether the temporary file exists: neither moved into place nor deleted yet.
    private var isLive = true
    /// The bytes written so far.
    private(set) var byteCount = 0

    /// Creates an empty temporary file in `folder` for the final path `target`. It is created with
    /// mode 0666 less the umask, like any new file (`mkstemp` would make it 0600).
    init(target: String, folder: String) throws {
        self.target = target
        self.folder = folder
        let base = target.split(separator: "/").last.map(String.init) ?? target
        let prefix = (folder == "/" ? "/" : folder + "/") + "." + base + ".tmp-"
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var candidate = ""
        for _ in 0..<100 {
            candidate = prefix + String(decoding: (0..<6).map { _ in letters.randomElement()! }, as: UTF8.self)
            descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || (errno != EEXIST && errno != EINTR) { break }
        }
        guard descriptor >= 0 else {
            throw Self.failure("cannot create a file in the folder \(folder)", file: target)
        }
        path = candidate
        registration = TemporaryFileRegistry.register(candidate)
    }

    /// A file neither committed nor discarded (dropped on an error path) is discarded.
    deinit { discard() }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, start + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot write", file: target)
            }
            offset += written
        }
        byteCount += bytes.count
    }

    /// Nothing is held back.
    func finish() throws {}

    /// Flushes the file to disk and moves it to the final path. With `replacing` false, a file that
    /// appeared at the final path meanwhile is kept and the export fails as if it had been there;
    /// with `replacing`, the new file takes the permissions of the one it replaces (a read-only
    /// file stays read-only).
    func commit(replacing: Bool) throws {
        if replacing { keepMode(of: target) }
        guard fsync(descriptor) == 0 else { throw Self.failure("cannot write", file: target) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw Self.failure("cannot write", file: target) }
        try moveIntoPlace(replacing: replacing)
        forget()
        // Make the new name durable too (best effort: not every filesystem syncs folders).
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private func moveIntoPlace(replacing: Bool) throws {
        if !replacing {
            // A hard link is never made over an existing file: exactly "create unless it exists".
            if link(path, target) == 0 {
                unlink(path)
                return
            }
            let linkError = errno
            if linkError == EEXIST { throw OutputPath.exists(target) }
            guard [EPERM, EOPNOTSUPP, ENOSYS].contains(linkError) else {
                throw Self.failure("cannot create the file", file: target, code: linkError)
            }
            // A filesystem without hard links: check again, then rename.
            var status = stat()
            if lstat(target, &status) == 0 { throw OutputPath.exists(target) }
        }
        guard rename(path, target) == 0 else { throw Self.failure("cannot create the file", file: target) }
    }

    /// Gives the file the permission bits of the existing file at `existing`, if there is one.
    private func keepMode(of existing: String) {
        var status = stat()
        guard stat(existing, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
        fchmod(descriptor, status.st_mode & 0o7777)
    }

    /// Closes and deletes the temporary file (nothing, once committed).
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        guard isLive else { return }
        unlink(path)
        forget()
    }

    /// Marks the temporary file gone and takes it out of the registry.
    private func forget() {
        isLive = false
        if let registration { TemporaryFileRegistry.unregister(registration) }
        registration = nil
    }

    /// An error for a failed system call: "cannot write: no space left on device".
    private static func failure(_ what: String, file: String, code: Int32 = errno) -> TuttiError {
        let reason = String(cString: strerror(code))
        return TuttiError(what + ": " + reason.prefix(1).lowercased() + reason.dropFirst(), file: file)
    }
}

/// `write(2)`, which the method of the same name hides.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
