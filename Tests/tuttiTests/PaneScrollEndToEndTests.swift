import Foundation
import Testing
import TuttiTestSupport

/// Panes whose content is larger than the pane, in a real terminal: the confusion matrix of ten
/// classes scrolls to the cell under the cursor, and the slices pane shows the cursor's slice whole.
@Suite(.serialized) struct PaneScrollEndToEndTests {
    /// The last status line.
    /// The lines of the pane titled `title`, from its top border on.
    /// The lines of the pane framed with `title`, cut to its frame's columns (panes may sit side by side).
    func pane(_ title: String, _ session: TmuxSession) -> [String] {
        let lines = session.lines
        guard let top = lines.firstIndex(where: { $0.contains("─ \(title)") }) else { return [] }
        let heading = Array(lines[top])
        let titleAt = heading.indices.first { String(heading[$0...]).hasPrefix("─ \(title)") } ?? 0
        let left = heading[..<titleAt].lastIndex(of: "┌") ?? 0
        let right = heading[titleAt...].firstIndex(of: "┐") ?? heading.count - 1
        return lines[top...].prefix(30).map { line in
            let cells = Array(line)
            return cells.count > left ? String(cells[left...min(right, cells.count - 1)]) : ""
        }
    }

    @Test func tenClassesScrollToPredictionNineAndEnterSelectsThatCell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-e2e-confusion-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Cell (i, j) holds 1,000 + i rows on the diagonal and 100 + 10 i + j elsewhere.
        var csv = "label,prediction\n"
        for i in 0..<10 {
            for j in 0..<10 { csv += String(repeating: "\(i),\(j)\n", count: i == j ? 1_000 + i : 100 + 10 * i + j) }
        }
        let file = folder.appendingPathComponent("digits.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)

        let session = try TmuxSession(width: 160, height: 40)
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) \(TmuxSession.shellQuoted(file.path))")
        #expect(session.waitFor("filtered"), "screen:\n\(session.screen())")
        try session.keys("3")
        #expect(session.waitFor("Confusion: label × prediction"))
        session.waitForStableScreen()
        let before = pane("Confusion", session).joined(separator: "\n")
        #expect(before.contains("›") && !before.contains(" 109"), "confusion pane:\n\(before)")
        for _ in 0..<9 { try session.keys("Right") }
        for _ in 0..<3 { try session.keys("Down") }
        #expect(session.waitUntil { _ in self.pane("Confusion", session).contains { $0.contains("139") } },
                "after moving:\n\(session.screen())")
        let after = pane("Confusion", session).joined(separator: "\n")
        #expect(after.contains("‹") && after.contains(" 9"), "confusion pane:\n\(after)")
        try session.keys("Enter")
        #expect(session.waitUntil { _ in session.statusLine.contains(" 139 selected") }, "status: \(session.statusLine)")
        // Row percentages: row 3 holds 2,215 rows, 139 of them predicted 9.
        try session.keys("%")
        #expect(session.waitUntil { $0.contains("Confusion (row %)") && $0.contains("6.3%") }, "after %:\n\(session.screen())")
        try session.keys("?")
        #expect(session.waitUntil { $0.contains("This pane: Confusion") && $0.contains("show counts") }, "help:\n\(session.screen())")
        try session.keys("q", "q")
    }

    @Test func theSlicesPaneAt80x24ShowsTheCursorsSlice() throws {
        let session = try TmuxSession(width: 80, height: 24)
        try session.startDemo()
        try session.keys("4")
        #expect(session.waitFor("Slices: found by SliceLine"))
        #expect(session.waitUntil { $0.contains("sorted by error") }, "screen:\n\(session.screen())")
        let screen = session.screen()
        // The slice column is on screen, cut with …, and the cursor's slice reads whole below the
        // table: it starts as the row does and is a filter that tutti accepts.
        let slices = pane("Slices", session)
        func inside(_ line: String) -> String {
            line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        }
        let row = try #require(slices.indices.first { index in
            let cell = inside(slices[index]).trimmingCharacters(in: .whitespaces)
            return cell.split(separator: " ").first?.contains(".") == true && cell.hasSuffix("…")
        }, "slices pane:\n\(screen)")
        let cut = inside(slices[row])
        let shown = cut.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
        let focus = slices[(row + 1)...].prefix { !$0.contains("└") }.map(inside)
        var text = focus.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        if text.hasPrefix("▶ ") { text.removeFirst(2) }
        #expect(text.hasPrefix(String(shown.dropLast()).trimmingCharacters(in: .whitespaces)) && !text.hasSuffix("…"),
                "focused slice: \(text)\n\(screen)")
        let count = try CommandRunner.run(["count", "--demo", "--where", text])
        #expect(count.status == 0, "\(text): \(count.stderr)")
        try session.keys("q")
    }
}
