import Foundation
import Testing

/// The rules of the pane contract (ARCHITECTURE.md), checked in TuttiUI's source text: no file
/// I/O outside the effect runner, no `render` that changes anything, and no downcast into a
/// concrete pane outside the pane registry. Comments and string literals are left out.
@Suite struct UIContractTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/TuttiUI").standardizedFileURL

    /// Every Swift file of TuttiUI (path inside the module, text without comments and strings).
    static func files() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var files: [(path: String, text: String)] = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            files.append((path, text.replacing(/\/\/[^\n]*/, with: "").replacing(/"(?:[^"\\\n]|\\.)*"/, with: "\"\"")))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The lines of TuttiUI that match `pattern`, as `path: line`, outside the files allowed.
    static func lines(matching pattern: Regex<Substring>, except allowed: Set<String>) throws -> [String] {
        try files().filter { !allowed.contains(($0.path as NSString).lastPathComponent) }.flatMap { file in
            file.text.split(separator: "\n").filter { $0.contains(pattern) }.map { "\(file.path): \($0.trimmingCharacters(in: .whitespaces))" }
        }
    }

    @Test func theSourcesAreFound() throws {
        #expect(try Self.files().count > 50, "found the files of \(Self.sources.path)")
    }

    @Test func onlyTheEffectRunnerTouchesFiles() throws {
        let found = try Self.lines(matching: /FileManager|fopen|Data\(contentsOf|contentsOfFile|String\(contentsOf|\.write\(to/,
                                   except: ["EffectRunner.swift"])
        #expect(found.isEmpty, "file I/O outside EffectRunner.swift:\n\(found.joined(separator: "\n"))")
    }

    @Test func noRenderIsMutating() throws {
        let found = try Self.lines(matching: /mutating\s+func\s+render\b/, except: [])
        #expect(found.isEmpty, "a mutating render:\n\(found.joined(separator: "\n"))")
    }

    @Test func noDowncastIntoAPaneOutsideTheRegistry() throws {
        let found = try Self.lines(matching: /as[?!]\s*\w*Pane\b/, except: ["PaneRegistry.swift"])
        #expect(found.isEmpty, "a downcast into a pane:\n\(found.joined(separator: "\n"))")
    }
}
