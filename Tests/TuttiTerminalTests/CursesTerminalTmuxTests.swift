import Foundation
import Testing
import TuttiTestSupport

/// The real backend in a real terminal: tmux runs the `tutti-terminal-host` program
/// (Tests/TerminalHost), and the tests type at it and read the screen and tmux's view of the
/// terminal modes.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct CursesTerminalTmuxTests {
    private static let running = "alt=1 cursor=0 sgr=1 button=1"
    private static let restored = "alt=0 cursor=1 sgr=0 button=0"

    /// Types the command that starts the host in `tmux`'s shell, and waits until it drew.
    @discardableResult
    private func launch(_ tmux: TmuxSession, term: String = "xterm-256color", environment: String = "", stdin: String = "") throws -> Bool {
        let host = TmuxSession.shellQuoted(BuiltProgram.path("tutti-terminal-host"))
        try tmux.run("\(stdin) env \(environment) SWIFT_BACKTRACE=enable=no TERM=\(term) \(host); echo EXIT=$?")
        return tmux.waitFor("ready")
    }

    private func pid(_ tmux: TmuxSession) -> pid_t? {
        guard let match = tmux.screen().firstMatch(of: /host pid=(\d+)/) else { return nil }
        return pid_t(match.1)
    }

    @Test(arguments: ["xterm-256color", "xterm", "screen", "tmux-256color", "linux", "vt100"])
    func keysMouseAndPasteOnEveryTerminalType(term: String) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux, term: term))
        let alternate = term == "linux" || term == "vt100" ? 0 : 1  // no alternate screen there
        let cursor = term == "vt100" ? 1 : 0  // vt100 cannot hide the cursor
        #expect(tmux.waitForModes("alt=\(alternate) cursor=\(cursor) sgr=1 button=1"), "\(term)")

        try tmux.keys("Up", "C-Up", "BTab", "M-x", "F5", "Home", "PageDown", "DC", "C-c")
        try tmux.type("é中")
        try tmux.type("\u{1B}[<0;5;6M\u{1B}[<32;6;6M\u{1B}[<0;7;6m\u{1B}[<65;1;1M")
        try tmux.paste("one\ntwo")
        #expect(tmux.waitFor("paste \"one\\ntwo\""), "\(term)")
        try tmux.keys("Escape")
        #expect(tmux.waitFor("key esc"), "\(term)")
        let screen = tmux.screen()
        for expected in ["key up", "key ctrl+up", "key shift+tab", "key alt+x", "key f5", "key home", "key pgdn",
                         "key delete", "key ctrl+c", "key é", "key 中", "mouse left press 4,5", "mouse left drag 5,5",
                         "mouse left release 6,5", "mouse wheelDown press 0,0", "wide 中文 end"] {
            #expect(screen.contains(expected), "\(term): \(expected)")
        }

        let swatch = tmux.screen(escapes: true).split(separator: "\n").first { $0.contains("swatch") } ?? ""
        switch term {
        case "xterm-256color", "tmux-256color":
            #expect(swatch.contains("38;5;196") && swatch.contains("48;5;21"), "\(term): \(swatch)")
        case "vt100":
            #expect(!swatch.contains("38;5") && !swatch.contains("[31m"), "\(term): \(swatch)")
        default:  // 8 colours: the nearest red and blue
            #expect(swatch.contains("[31m") && swatch.contains("[44m"), "\(term): \(swatch)")
        }

        try tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"), "\(term)")
        #expect(tmux.waitForModes(Self.restored), "\(term)")
    }

    @Test func resizeIsReported() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux))
        #expect(tmux.waitFor("size=100x30"))
        try tmux.resize(width: 80, height: 20)
        #expect(tmux.waitFor("resize 80x20"))
        #expect(tmux.screen().contains("size=80x20"))
        try tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"))
    }

    @Test func ctrlZSuspendsAndFgResumesWithAFullRepaint() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux))
        #expect(tmux.waitForModes(Self.running))
        try tmux.keys("C-z")
        #expect(tmux.waitFor("Stopped"))
        #expect(tmux.waitForModes(Self.restored))
        try tmux.resize(width: 90, height: 25)  // while stopped
        try tmux.run("fg")
        #expect(tmux.waitFor("resize 90x25"))
        #expect(tmux.waitForModes(Self.running))
        #expect(tmux.screen().contains("key ctrl+z"))
        try tmux.keys("a")
        #expect(tmux.waitFor("key a"))
        try tmux.keys("q")
        // The shell ran `echo EXIT=$?` when the job stopped; the host's own report comes now.
        #expect(tmux.waitFor("host done"))
        #expect(tmux.waitForModes(Self.restored))
    }

    @Test func stopSignalFromOutsideRestoresAndResumes() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux))
        let host = try #require(pid(tmux))
        kill(host, SIGTSTP)
        #expect(tmux.waitFor("Stopped"))
        #expect(tmux.waitForModes(Self.restored))
        try tmux.run("fg")
        #expect(tmux.waitForModes(Self.running))
        #expect(tmux.waitFor("host pid="))
        try tmux.keys("b")
        #expect(tmux.waitFor("key b"))
        try tmux.keys("q")
        #expect(tmux.waitFor("host done"))
        #expect(tmux.waitForModes(Self.restored))
    }

    @Test(arguments: [(SIGHUP, 129), (SIGTERM, 143), (SIGINT, 130)])
    func signalsRestoreTheTerminal(signal: Int32, status: Int) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux))
        #expect(tmux.waitForModes(Self.running))
        let host = try #require(pid(tmux))
        kill(host, signal)
        #expect(tmux.waitFor("EXIT=\(status)"))
        #expect(tmux.waitForModes(Self.restored))
    }

    @Test func crashRestoresTheTerminalAndTheReportIsShown() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux))
        try tmux.keys("c")
        // Swift traps are SIGILL (x86) or SIGTRAP (arm): 132 or 133.
        #expect(tmux.waitUntil { $0.contains("EXIT=132") || $0.contains("EXIT=133") })
        #expect(tmux.waitForModes(Self.restored))
        let screen = tmux.screen()
        #expect(screen.contains("before the crash"))
        #expect(screen.contains("Fatal error: host crash"))
    }

    @Test func noColorWakeTitleMouseToggleAndDataOnStdin() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        #expect(try launch(tmux, environment: "NO_COLOR=1", stdin: "echo data |"))
        #expect(tmux.screen().contains("usesColor=false"))
        let swatch = tmux.screen(escapes: true).split(separator: "\n").first { $0.contains("swatch") } ?? ""
        #expect(!swatch.contains("38;5") && !swatch.contains("[31m") && swatch.contains("[1m"), "\(swatch)")
        try tmux.keys("w")
        #expect(tmux.waitFor("wake"))
        try tmux.keys("t")
        #expect(tmux.waitFor("key t"))
        #expect(tmux.query("#{pane_title}") == "tutti-title")
        try tmux.keys("m")
        #expect(tmux.waitForModes("alt=1 cursor=0 sgr=0 button=0"))
        try tmux.keys("M")
        #expect(tmux.waitForModes(Self.running))
        try tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"))
    }
}
