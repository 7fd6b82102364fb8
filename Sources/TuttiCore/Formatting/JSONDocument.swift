import Foundation

/// A JSON answer of a headless command (`slices`, `compare`, `label-issues`): written the same
/// way by every command so that outputs diff cleanly and pipe into `jq`.
public protocol JSONDocument: Encodable {}

extension JSONDocument {
    /// Pretty-printed, with sorted keys and unescaped slashes.
    public func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
