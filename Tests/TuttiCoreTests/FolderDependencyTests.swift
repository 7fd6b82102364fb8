import Foundation
import Testing

/// The folders of TuttiCore depend on each other without cycles: a folder uses a type declared
/// in another folder only if that folder uses nothing of it, directly or through others. A
/// reference is a type name declared at the top level of one folder appearing (outside comments
/// and string literals) in a file of another.
@Suite struct FolderDependencyTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/TuttiCore").standardizedFileURL

    /// Each folder's Swift text with comments and string literals blanked.
    static func folderTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        let manager = FileManager.default
        for folder in try manager.contentsOfDirectory(atPath: sources.path) {
            let url = sources.appendingPathComponent(folder)
            guard let files = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            let swift = files.filter { $0.hasSuffix(".swift") }.sorted()
            guard !swift.isEmpty else { continue }
            texts[folder] = try swift.map { file in
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                return text.replacing(/\/\/[^\n]*/, with: "").replacing(/"(?:[^"\\\n]|\\.)*"/, with: "\"\"")
            }.joined(separator: "\n")
        }
        return texts
    }

    /// For each folder, the folders whose types it names.
    static func dependencies() throws -> [String: Set<String>] {
        let texts = try folderTexts()
        var owners: [String: String] = [:]
        let declaration = /(?m)^(?:(?:public|internal|private|fileprivate|final|indirect) )*(?:struct|enum|class|protocol|typealias|actor) +(\w+)/
        for (folder, text) in texts {
            for match in text.matches(of: declaration) { owners[String(match.1)] = folder }
        }
        var edges: [String: Set<String>] = [:]
        for (folder, text) in texts {
            let names = Set(text.matches(of: /\b[A-Z]\w*/).map { String($0.0) })
            edges[folder] = Set(names.compactMap { owners[$0] }.filter { $0 != folder })
        }
        return edges
    }

    @Test func theFolderGraphHasNoCycle() throws {
        let edges = try Self.dependencies()
        #expect(edges.count > 10, "found the folders of \(Self.sources.path)")
        #expect(edges["Support"]?.subtracting(["Dataset"]).isEmpty == true, "Support depends only on Dataset (TuttiError)")
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var cycle: [String] = []
        func visit(_ folder: String, path: [String]) -> Bool {
            if state[folder] == true { return false }
            if state[folder] == false {
                cycle = path.suffix(from: path.firstIndex(of: folder)!) + [folder]
                return true
            }
            state[folder] = false
            for next in (edges[folder] ?? []).sorted() where visit(next, path: path + [folder]) { return true }
            state[folder] = true
            return false
        }
        for folder in edges.keys.sorted() where visit(folder, path: []) { break }
        #expect(cycle.isEmpty, "folders in a cycle: \(cycle.joined(separator: " → "))")
    }
}
