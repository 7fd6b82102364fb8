import Foundation
import Testing
import TuttiTestSupport

/// The real program in a real terminal (tmux).
@Suite(.serialized) struct ExplorerEndToEndTests {
    let tutti = CommandRunner.executable


    @Test func opensTheDemoWithSummaryAndBlockGlyphs() throws {
        let session = try TmuxSession()
        try session.startDemo()
        let screen = session.screen()
        #expect(screen.contains("Summary"))
        #expect(screen.contains("native_country"))
        #expect(screen.contains("Histogram: score"))
        #expect(screen.contains("█"))
        #expect(screen.contains("┌"))
    }

    @Test func brushingMovesTheSelectionEverywhere() throws {
        let session = try TmuxSession()
        try session.startDemo()
        #expect(session.statusLine.contains("0 selected"))
        try session.keys("Tab")
        try session.keys("End")
        try session.keys("S-Left", "S-Left", "S-Left")
        #expect(session.waitUntil { !$0.contains(" 0 selected") && $0.contains("▓") })
        let status = session.statusLine
        #expect(!status.contains(" 0 selected"), "status: \(status)")
        // The second tone shows in the label histogram, which was not brushed.
        let labelPane = session.lines.drop { !$0.contains("Histogram: label") }.prefix(10).joined(separator: "\n")
        #expect(labelPane.contains("▓"), "label histogram:\n\(labelPane)")
        try session.keys("Enter")
        #expect(session.waitForStatus { !$0.contains(" 0 selected") })
    }

    @Test func filterBarAppliesAValidFilter() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.keys("/")
        try session.type("sex == \"Female\"")
        #expect(session.waitFor("16,192 rows pass"))
        try session.keys("Enter")
        #expect(session.waitUntil { $0.contains("16,192 filtered") })
        #expect(session.statusLine.contains("filter: sex == \"Female\""))
    }

    @Test func invalidFilterShowsItsErrorAndChangesNothing() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.keys("/")
        try session.type("sexx == \"Female\"")
        // Typing may still be arriving: wait for the whole name's caret, not the first message.
        #expect(session.waitUntil { $0.contains("did you mean 'sex'?") && $0.contains("^^^^") },
                "\(session.screen())")
        try session.keys("Enter")
        #expect(session.waitFor("did you mean 'sex'?"))
        try session.keys("Escape")
        #expect(session.waitUntil { $0.contains("48,842 filtered") && !$0.contains("filter: sexx") })
    }

    @Test func survivesResizingAndSaysWhenTooSmall() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.resize(width: 60, height: 20)
        #expect(session.waitUntil { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.count <= 21 && screen.contains("filtered") && lines.allSatisfy { $0.count <= 60 }
        }, "after resize:\n\(session.screen())")
        try session.resize(width: 30, height: 8)
        #expect(session.waitFor("terminal too small"))
        try session.resize(width: 120, height: 40)
        #expect(session.waitUntil { $0.contains("native_country") && $0.contains("Histogram: label") })
    }

    @Test func quitLeavesTheShellPromptIntact() throws {
        let session = try TmuxSession()
        try session.run("echo before-tutti")
        try session.startDemo()
        try session.keys("q")
        #expect(session.waitUntil { $0.contains("before-tutti") && !$0.contains("filtered") })
        try session.run("echo after-tutti")
        // The echo's output on a line of its own, then a fresh prompt: the shell works as before.
        #expect(session.waitUntil { screen in
            let lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
            return lines.contains("after-tutti") && lines.last == "PROMPT$"
        }, "screen:\n\(session.screen())")
    }

    @Test func worksUnderVT100WithASCIIAndWithoutColour() throws {
        let vt100 = try TmuxSession(environment: ["TERM": "vt100"])
        try vt100.startDemo()
        #expect(vt100.screen().contains("Summary"))

        let ascii = try TmuxSession(environment: ["LANG": "C", "LC_ALL": "C"])
        try ascii.startDemo()
        let screen = ascii.screen()
        #expect(!screen.contains("█") && !screen.contains("┌"))
        #expect(screen.contains("+-") && screen.contains("#"))

        let plain = try TmuxSession(environment: ["NO_COLOR": "1"])
        try plain.startDemo()
        let escapes = plain.screen(escapes: true)
        // Only the default colours (39, 49) may appear: no SGR 30–37, 90–97 or 38;5;n.
        let colour = try Regex("\u{1B}\\[([0-9;]*;)?(3[0-8]|9[0-7]|4[0-8]|10[0-7])[;m]")
        #expect(escapes.firstMatch(of: colour) == nil, "colour codes under NO_COLOR")
        #expect(plain.screen().contains("█"))
    }

    @Test func hangupRestoresTheTerminalAndExits() throws {
        let session = try TmuxSession()
        try session.run("echo before-hup")
        try session.startDemo()
        let pid = try #require(session.foregroundProcess(named: "tutti"))
        kill(pid, SIGHUP)
        #expect(session.waitUntil { $0.contains("before-hup") && !$0.contains("filtered") })
        try session.run("echo status=$?")
        #expect(session.waitFor("status=129"))
    }

    @Test func dumbTerminalPointsAtHeadlessCommands() throws {
        let outcome = try CommandRunner.run(["demo"], environment: ["TERM": "dumb", "PATH": "/usr/bin:/bin"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("tutti info"))
    }

    @Test func readsDataFromStandardInputWithKeysFromTheTerminal() throws {
        let session = try TmuxSession()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-e2e-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.csv")
        try "a,b\n1,x\n2,y\n3,x\n".write(to: file, atomically: true, encoding: .utf8)
        try session.run("cat \(TmuxSession.shellQuoted(file.path)) | \(TmuxSession.shellQuoted(tutti)) -")
        #expect(session.waitFor("3 filtered"), "screen:\n\(session.screen())")
        try session.keys("q")
        #expect(session.waitUntil { !$0.contains("filtered") })
    }
}

/// Suspending with Ctrl-Z and resuming with fg, in a real terminal.
@Suite(.serialized) struct SuspendEndToEndTests {
    @Test func ctrlZSuspendsAndFgRepaints() throws {
        let session = try TmuxSession()
        try session.startDemo()
        try session.keys("C-z")
        #expect(session.waitUntil { $0.contains("Stopped") && !$0.contains("48,842 filtered") }, "after Ctrl-Z:\n\(session.screen())")
        try session.run("fg")
        #expect(session.waitUntil { $0.contains("48,842 filtered") && $0.contains("Summary") }, "after fg:\n\(session.screen())")
        try session.keys("q")
        #expect(session.waitUntil { !$0.contains("filtered") })
    }
}

/// The slices pane in a real terminal.
@Suite(.serialized) struct SlicesEndToEndTests {
    @Test func sortsTheSlicePaneSelectsASliceAndTheHistogramShowsIt() throws {
        let session = try TmuxSession(width: 140, height: 44)
        try session.startDemo()
        try session.keys("4")
        #expect(session.waitFor("sorted by error"))
        try session.keys("s")
        #expect(session.waitFor("sorted by accuracy"))
        #expect(!session.screen().contains("▓"))
        try session.keys("Enter")
        #expect(session.waitUntil { screen in
            let status = TmuxSession.statusLine(of: screen)
            return !status.contains(" 0 selected") && screen.contains("▓")
        }, "after Enter:\n\(session.screen())")
        try session.keys("q")
    }
}

/// The duplicates pane in a real terminal.
@Suite(.serialized) struct DuplicatesEndToEndTests {
    @Test func opensThePaneThePairViewerAndSelectsACluster() throws {
        let session = try TmuxSession(width: 140, height: 44)
        try session.startDemo()
        try session.keys("5")
        #expect(session.waitFor("exact 49 (+52 rows)"))
        try session.keys("Enter")
        #expect(session.waitFor("exact cluster of 3"))
        try session.keys("Space")
        #expect(session.waitForStatus { $0.contains(" 3 selected") },
                "after Space:\n\(session.screen())")
        try session.keys("q")
    }
}
