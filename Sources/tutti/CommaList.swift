import Foundation

/// Comma-separated lists in options (`--columns a,b`).
enum CommaList {
    /// The names in `list`, trimmed, empty ones dropped.
    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
