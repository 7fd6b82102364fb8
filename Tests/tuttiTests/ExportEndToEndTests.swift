import Foundation
import Testing
import TuttiCore

/// Exporting and copying from the explorer in a real terminal.
@Suite(.serialized) struct ExportEndToEndTests {
    @Test func brushExportWithXMatchesTheHeadlessExportOfTheSameRange() throws {
        let folder = NSTemporaryDirectory() + "tutti-e2e-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // As inside tmux: tutti sends the clipboard sequence plain and wrapped for passthrough.
        let session = try TmuxSession(width: 160, height: 44, environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
        try session.setGlobalOption("set-clipboard", "on")
        try session.run("cd \(TmuxSession.shellQuoted(folder)) && \(TmuxSession.shellQuoted(CommandRunner.executable)) demo")
        #expect(session.waitFor("48,842 filtered"))

        // Brush the top bins of the first histogram and commit.
        let selected = try session.brushTopBinsOfTheFirstHistogram()

        // x: the prompt says what it exports; Enter writes the file.
        try session.keys("x")
        #expect(session.waitFor("export to:"))
        #expect(session.screen().contains("\(selected) selected rows"))
        try session.keys("C-u")
        try session.type("brushed.csv")
        try session.keys("Enter")
        #expect(session.waitFor("exported \(selected) selected rows"), "\(session.screen())")

        // y: the selected rows' numbers reach tmux's clipboard.
        try session.keys("y")
        #expect(session.waitFor("to the clipboard"))
        let copied = session.pasteBuffer().split(separator: "\n")
        #expect(NumberFormatting.grouped(copied.count) == selected,
                "copied \(copied.count) lines, selected \(selected)")

        // f turns the brush into its filter expression; export the same range headlessly.
        try session.keys("f")
        #expect(session.waitFor("filter: "))
        let status = session.statusLine
        let expression = try #require(status.range(of: "filter: ").map { String(status[$0.upperBound...]).trimmingCharacters(in: .whitespaces) })
        try session.keys("q")

        let headless = folder + "/headless.csv"
        let outcome = try CommandRunner.run(["export", "--demo", "--where", expression, "-o", headless])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let mine = try Data(contentsOf: URL(fileURLWithPath: folder + "/brushed.csv"))
        let theirs = try Data(contentsOf: URL(fileURLWithPath: headless))
        #expect(!mine.isEmpty && mine == theirs, "the x export differs from tutti export --where '\(expression)'")
        try? FileManager.default.removeItem(atPath: folder)
    }
}
