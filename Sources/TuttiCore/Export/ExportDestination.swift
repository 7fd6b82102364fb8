/// Where an export goes, checked before anything is written: a supported extension, and the
/// checks of `OutputPath` (an existing folder, never an input file, no existing file unless
/// overwriting).
struct ExportDestination {
    /// The folder the file goes in ("." for a bare name).
    let folder: String
    /// The format and compression named by the extension.
    let fileType: ExportFileType

    /// Checks `path` against `options`; throws a `TuttiError` naming the path when it may not be written.
    init(path: String, options: ExportOptions) throws {
        fileType = try ExportFileType(path: path)
        folder = try OutputPath.check(path, inputs: options.inputPaths, overwrite: options.overwrite)
    }
}
