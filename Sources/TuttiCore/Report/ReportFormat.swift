#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file formats of reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// GitHub-flavoured Markdown.
    case markdown
    /// One self-contained HTML file.
    case html

    /// The extensions a report file may have.
    public static let supportedExtensions = [".md", ".markdown", ".html", ".htm"]

    /// The format named by `path`'s extension, in any letter case: `.md` or `.markdown` for
    /// Markdown, `.html` or `.htm` for HTML. Throws a `TuttiError` listing them otherwise.
    public init(path: String) throws {
        let name = (path.split(separator: "/").last ?? "").lowercased()
        let parts = name.split(separator: ".")
        switch parts.count > 1 ? parts.last.map(String.init) : nil {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default:
            throw TuttiError("cannot tell the report format from the name; use one of "
                             + Self.supportedExtensions.joined(separator: ", "), file: path)
        }
    }

    /// The text of `report` in this format.
    public func render(_ report: Report) -> String {
        switch self {
        case .markdown: MarkdownReport.render(report)
        case .html: HTMLReport.render(report)
        }
    }

    /// Writes `report` to `path` in `format`, atomically: under a temporary name in the same folder,
    /// moved into place once complete, so nobody sees a partial file. Throws a `TuttiError` when the
    /// file exists and `overwrite` is false, when it is one of `inputs` (the data's files), or
    /// when it cannot be written.
    public static func write(_ report: Report, to path: String, format: ReportFormat, overwrite: Bool,
                             inputs: [String] = []) throws {
        let folder = try OutputPath.check(path, inputs: inputs, overwrite: overwrite)
        let file = try TemporaryFile(target: path, folder: folder)
        do {
            var text = format.render(report)
            try text.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
            try file.commit(replacing: overwrite)
        } catch {
            file.discard()
            throw error
        }
    }
}
