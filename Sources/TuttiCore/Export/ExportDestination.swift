#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an export goes, checked before anything is written: a supported extension, an existing
/// folder, never one of the input files (compared by device and inode, so `./data.csv`, a symbolic
/// link or a hard link to the input are caught too), and no existing file unless overwriting.
struct ExportDestination {
    /// The folder the file goes in ("." for a bare name).
    let folder: String
    /// The format and compression named by the extension.
    let fileType: ExportFileType

    /// Checks `path` against `options`; throws a `TuttiError` naming the path when it may not be written.
    init(path: String, options: ExportOptions) throws {
        fileType = try ExportFileType(path: path)
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        var status = stat()
        guard stat(folder, &status) == 0 else {
            throw TuttiError(errno == ENOENT ? "the folder \(folder) does not exist" : "cannot open the folder \(folder)",
                             file: path)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw TuttiError("\(folder) is not a folder", file: path) }
        guard lstat(path, &status) == 0 else { return }
        // Something is there (perhaps a symbolic link); look at what it leads to.
        if stat(path, &status) == 0 {
            for input in options.inputPaths {
                var inputStatus = stat()
                if stat(input, &inputStatus) == 0, inputStatus.st_dev == status.st_dev, inputStatus.st_ino == status.st_ino {
                    let which = input == path ? "" : " " + input
                    throw TuttiError("refusing to write over the input file\(which)", file: path)
                }
            }
            if status.st_mode & S_IFMT == S_IFDIR { throw TuttiError("is a directory", file: path) }
        }
        if !options.overwrite { throw Self.exists(path) }
    }

    /// The error for an output that exists and may not be replaced.
    static func exists(_ path: String) -> TuttiError {
        TuttiError("exists; use --force to overwrite", file: path)
    }
}
