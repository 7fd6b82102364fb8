import TuttiCore

/// A PostgreSQL connection URL as tutti takes it: libpq's URI form
/// (`postgresql://user:password@host:port/db?sslmode=require`, see libpq's "Connection URIs")
/// plus tutti's own `table=NAME` parameter, which names the table to read and is not passed on.
///
/// `redacted` is the URL without its password (in the user part or a `password=` parameter):
/// what messages, reports and views show. The password itself is only handed to libpq.
public struct DatabaseURL: Sendable, Equatable {
    /// The URL as given, password included: for libpq only.
    let connectionURI: String
    /// The table named by `table=` (decoded), if any.
    public let table: String?
    /// The URL without its password, for messages.
    public let redacted: String

    /// Whether `text` is a database URL rather than a file name.
    public static func isDatabaseURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses `text`. Throws a `TuttiError` (showing the URL without its password) when it is not
    /// a `postgresql://` or `postgres://` URL or its `table` parameter is empty or given twice.
    public init(_ text: String) throws {
        guard Self.isDatabaseURL(text) else { throw TuttiError("not a postgresql:// or postgres:// URL") }
        let scheme = text.hasPrefix("postgresql://") ? "postgresql://" : "postgres://"
        let rest = text.dropFirst(scheme.count)
        let queryStart = rest.firstIndex(of: "?")
        let head = queryStart.map { rest[..<$0] } ?? rest[...]
        let parameters = queryStart.map { rest[rest.index(after: $0)...].split(separator: "&", omittingEmptySubsequences: false) } ?? []
        let authorityEnd = head.firstIndex(of: "/") ?? head.endIndex
        var authority = String(head[..<authorityEnd])
        if let at = authority.lastIndex(of: "@") {
            let user = authority[..<at]
            authority = String(user.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
                + authority[at...]
        }
        var kept: [Substring] = [], shown: [Substring] = [], tables: [String] = []
        for parameter in parameters where !parameter.isEmpty {
            let name = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if name == "table" {
                tables.append(Self.percentDecoded(parameter.dropFirst(name.count + 1)))
                shown.append(parameter)
            } else {
                kept.append(parameter)
                if name != "password" { shown.append(parameter) }
            }
        }
        let path = head[authorityEnd...]
        redacted = scheme + authority + path + (shown.isEmpty ? "" : "?" + shown.joined(separator: "&"))
        guard tables.count <= 1 else { throw TuttiError("table= is given twice in \(redacted)") }
        if let table = tables.first, table.isEmpty { throw TuttiError("table= names no table in \(redacted)") }
        table = tables.first
        connectionURI = scheme + head + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// `text` with `%XX` escapes decoded (and `+` kept: libpq does not read it as a space).
    private static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
               high < utf8.endIndex, let low = utf8.index(high, offsetBy: 1, limitedBy: utf8.endIndex), low < utf8.endIndex,
               let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
