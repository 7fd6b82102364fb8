import Foundation
import Testing
import TuttiTerminal
@testable import TuttiUI

/// README.md's key tables say what the binding table does: each table (`| key | SCOPE |` under
/// "### Keys") has one row per binding of its scope, with the binding's keys in table order
/// (characters in backticks) and its help text.
@Suite struct ReadmeKeyTablesTests {
    static let scopeNames: [String: KeyScope] = [
        "everywhere": .global, "summary pane": .pane(.summary), "histogram pane": .pane(.histogram),
        "rows pane": .pane(.rows), "confusion pane": .pane(.confusion), "slices pane": .pane(.slices),
        "duplicates pane": .pane(.duplicates), "pair viewer (duplicates pane)": .pairViewer,
        "scatter pane": .pane(.scatter), "instance pane": .pane(.instance), "familiarity pane": .pane(.familiarity),
        "label issues pane": .pane(.labelIssues),
        "comparison pane": .pane(.comparison),
    ]

    /// The key tables of README.md's "Keys" section: scope name, then each row's two cells.
    static func readmeTables() throws -> [(scope: String, rows: [(keys: String, meaning: String)])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n").drop { $0 != "### Keys" }.dropFirst().prefix { !$0.hasPrefix("#") }
        var tables: [(scope: String, rows: [(keys: String, meaning: String)])] = []
        var inTable = false
        for line in lines {
            guard line.hasPrefix("|"), line.hasSuffix("|") else {
                inTable = false
                continue
            }
            let cells = line.dropFirst().dropLast().components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count == 2, cells[0] == "key" {
                tables.append((cells[1], []))
                inTable = true
            } else if inTable, cells.first?.hasPrefix("---") == false {
                tables[tables.count - 1].rows.append((cells[0], cells.dropFirst().joined(separator: " | ")))
            }
        }
        return tables
    }

    /// A binding's row as README.md writes it.
    static func row(_ binding: KeyBinding) -> String {
        let keys = binding.presses.map { press in
            let name = KeyNames.name(of: press.key, ascii: false)
            if case .character(let character) = press.key.key, character != " ", press.key.modifiers.isEmpty { return "`\(name)`" }
            return name
        }
        return "| \(keys.joined(separator: " ")) | \(binding.help) |"
    }

    @Test func everyBindingIsDocumentedWithItsKeysAndMeaningAndNothingElse() throws {
        let tables = try Self.readmeTables()
        #expect(tables.count == Self.scopeNames.count, "README's key tables: \(tables.map(\.scope))")
        for (name, scope) in Self.scopeNames.sorted(by: { $0.key < $1.key }) {
            let documented = tables.filter { $0.scope == name }.flatMap(\.rows)
            #expect(!documented.isEmpty, "README.md has no table `| key | \(name) |`")
            let bindings = KeyBindings.bindings(in: scope)
            for binding in bindings {
                let keys = KeyBindings.keys(of: binding)
                let rows = documented.filter { $0.keys.replacingOccurrences(of: "`", with: "") == keys }
                #expect(rows.count == 1, "README's \(name) table should have the row \(Self.row(binding))")
                if let row = rows.first {
                    #expect(row.meaning.replacingOccurrences(of: "`", with: "") == binding.help,
                            "README's \(name) table should read \(Self.row(binding))")
                }
            }
            let known = Set(bindings.map { KeyBindings.keys(of: $0) })
            for row in documented where !known.contains(row.keys.replacingOccurrences(of: "`", with: "")) {
                Issue.record("README's \(name) table documents keys the binding table does not have: | \(row.keys) | \(row.meaning) |")
            }
        }
        for table in tables where Self.scopeNames[table.scope] == nil {
            Issue.record("README.md has a key table for an unknown scope: \(table.scope)")
        }
    }
}
