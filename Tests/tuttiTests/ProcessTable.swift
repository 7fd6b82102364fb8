import Foundation
import Glibc

/// The processes running on this machine, read from /proc, to find what a test started and
/// left behind.
enum ProcessTable {
    /// One process: its id, its parent's id and its command line.
    struct Entry {
        let pid: pid_t
        let parent: pid_t
        let arguments: [String]
    }

    /// Every live process (zombies, which have ended, are left out).
    static func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = pid_t(name), let stat = status(of: pid), stat.state != "Z" else { return nil }
            let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            let arguments = raw.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            return Entry(pid: pid, parent: stat.parent, arguments: arguments.last == "" ? arguments.dropLast() : arguments)
        }
    }

    /// The live processes running the program `name` (the last part of their first
    /// argument) with an argument that contains `marker`.
    static func running(_ name: String, withArgumentContaining marker: String) -> [Entry] {
        entries().filter { entry in
            guard let program = entry.arguments.first, program.split(separator: "/").last.map(String.init) == name else { return false }
            return entry.arguments.dropFirst().contains { $0.contains(marker) }
        }
    }

    /// The children, grandchildren and so on of `pid`.
    static func descendants(of pid: pid_t) -> [pid_t] {
        let all = entries()
        var found: [pid_t] = []
        var frontier: Set<pid_t> = [pid]
        while !frontier.isEmpty {
            let next = all.filter { frontier.contains($0.parent) }.map(\.pid)
            found += next
            frontier = Set(next)
        }
        return found
    }

    /// Whether `pid` is a live process (not ended, not a zombie).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = status(of: pid) else { return false }
        return stat.state != "Z"
    }

    /// The state letter and parent id from /proc/PID/stat (the command name in parentheses
    /// may itself hold spaces and parentheses, so the fields are read after the last `)`).
    private static func status(of pid: pid_t) -> (state: Character, parent: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (state, parent)
    }
}
