import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many bytes of input a load may hold in memory: what it reads from a pipe or standard
/// input, and what gzip decompression produces. A mapped file costs no heap and is not
/// counted. An endless stream or a gzip bomb stops with an error at the budget instead of
/// filling the machine's memory.
public enum MemoryBudget {
    /// The default budget's share of the machine's memory.
    public static let defaultShare = 0.5

    /// Half of the physical memory, or of the control group's memory limit when that is
    /// lower (a container).
    public static let defaultBytes: Int = {
        let physical = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
        let available = [physical, controlGroupLimit()].compactMap { $0 }.filter { $0 > 0 }.min() ?? physical
        return max(1 << 20, Int(Double(available) * defaultShare))
    }()

    /// The memory limit of this process's control group (cgroup v2), if one is set.
    private static func controlGroupLimit() -> Int? {
        guard let file = fopen("/sys/fs/cgroup/memory.max", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 64)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Parses a size: a number of bytes, optionally with a fraction and a unit `K`, `M`, `G`
    /// or `T` (powers of 1024; `KB`, `KiB` and lower case are accepted too): `500M`, `8G`,
    /// `1.5G`, `1048576`. Nil for anything else, zero included.
    public static func parse(_ text: String) -> Int? {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased()
        var needsUnit = false
        if body.hasSuffix("ib") {
            body.removeLast(2)
            needsUnit = true
        } else if body.hasSuffix("b") {
            body.removeLast()
        }
        var multiplier = 1.0
        if let unit = body.last, let power = ["k": 1.0, "m": 2.0, "g": 3.0, "t": 4.0][unit] {
            multiplier = pow(1024, power)
            body.removeLast()
        } else if needsUnit {
            return nil
        }
        guard let value = Double(body), value.isFinite, value > 0 else { return nil }
        let bytes = value * multiplier
        guard bytes >= 1, bytes < Double(Int.max) else { return nil }
        return Int(bytes)
    }

    /// A size for messages: `512 MiB`, `8 GiB`, `1.5 GiB`.
    public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }

    /// The error for input past `budget` bytes.
    static func exceeded(_ budget: Int, what: String, name: String) -> TuttiError {
        TuttiError("\(what) more than the memory budget of \(describe(budget)) (--max-memory SIZE changes it)", file: name)
    }
}
