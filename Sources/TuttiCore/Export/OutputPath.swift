#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a path tutti is about to write (an export, a view, a report) before anything is
/// written: its folder exists, it is not a directory, it is never one of the input files
/// (compared by device and inode, so `./data.csv`, a symbolic link or a hard link to the input
/// are caught too), and nothing is there unless overwriting.
public enum OutputPath {
    /// The folder `path` goes in ("." for a bare name), once `path` passed the checks; throws
    /// a `TuttiError` naming the path when it may not be written.
    @discardableResult
    public static func check(_ path: String, inputs: [String], overwrite: Bool) throws -> String {
        let folder: String
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
        guard lstat(path, &status) == 0 else { return folder }
        // Something is there (perhaps a symbolic link); look at what it leads to.
        if stat(path, &status) == 0 {
            for input in inputs {
                var inputStatus = stat()
                if stat(input, &inputStatus) == 0, inputStatus.st_dev == status.st_dev, inputStatus.st_ino == status.st_ino {
                    let which = input == path ? "" : " " + input
                    throw TuttiError("refusing to write over the input file\(which)", file: path)
                }
            }
            if status.st_mode & S_IFMT == S_IFDIR { throw TuttiError("is a directory", file: path) }
        }
        if !overwrite { throw exists(path) }
        return folder
    }

    /// The error for an output that exists and may not be replaced.
    public static func exists(_ path: String) -> TuttiError {
        TuttiError("exists; use --force to overwrite", file: path)
    }
}
