import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// Exporting and copying from the explorer in a real terminal.
@Suite(.serialized) struct ExportEndToEndTests {
    @Test func brushExportWithXMatchesTheHeadlessExportOfTheSameRange() throws {
        let folder = NSTemporaryDirectory() + "tutti-e2e-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // As inside tmux: tutti sends the clipboard sequence plain and wrapped for passthrough.
        let session = try TmuxSession(width: 160, height: 44, environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
        try session.setGlobalOption("set-clipboard", "on")
        try session.startDemo(prefix: "cd \(TmuxSession.shellQuoted(folder)) && ")

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

        try CommandRunner.expectSameAsHeadlessExport(folder + "/brushed.csv", expression: expression, folder: folder, what: "the x export")
        try? FileManager.default.removeItem(atPath: folder)
    }
}
