import Foundation
import Testing
import TuttiTestSupport

/// The explorer in a real terminal under outside signals, and typing text made of several
/// Unicode scalars per character.
@Suite(.serialized) struct SignalEndToEndTests {
    let tutti = CommandRunner.executable

    /// The id of the `tutti demo` running in `session`'s terminal (other tests run theirs at the
    /// same time, so the terminal tells them apart).
    func explorerProcess(in session: TmuxSession) throws -> Int32? {
        let terminal = try paneTTY(session).replacingOccurrences(of: "/dev/", with: "")
        let found = try TmuxSession.shell("pgrep -x -t \(terminal) -f \(TmuxSession.shellQuoted("\(tutti) demo")) || true")
        return found.split(separator: "\n").first.flatMap { Int32($0) }
    }

    func paneTTY(_ session: TmuxSession) throws -> String {
        try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }


    @Test func continuedAfterAnOutsideStopRedrawsWithoutAKey() throws {
        let session = try TmuxSession(width: 120, height: 36)
        // Under `sh -c`, which has no job control: nobody but tutti itself puts the terminal back.
        try session.run("sh -c \(TmuxSession.shellQuoted(TmuxSession.shellQuoted(tutti) + " demo; echo status=$?"))")
        #expect(session.waitFor("48,842 filtered", timeout: 30))
        let pid = try #require(try explorerProcess(in: session))
        let tty = try paneTTY(session)

        // While it is stopped, something else clears the screen and sets the terminal cooked.
        _ = try TmuxSession.shell("kill -STOP \(pid)")
        _ = try TmuxSession.shell("printf '\\033[2J\\033[HSCRIBBLE\\n' > \(tty); stty sane < \(tty)")
        #expect(session.waitFor("SCRIBBLE"))
        _ = try TmuxSession.shell("kill -CONT \(pid)")
        #expect(session.waitUntil { $0.contains("48,842 filtered") && !$0.contains("SCRIBBLE") },
                "no redraw after SIGCONT: \(session.screen())")
        // Raw mode again: one key, no Enter, quits.
        try session.keys("q")
        #expect(session.waitFor("status=0"), "\(session.screen())")
    }

    @Test func quitSignalEndsAtOnceAndRestoresTheTerminal() throws {
        let session = try TmuxSession(width: 120, height: 36)
        try session.run("\(TmuxSession.shellQuoted(tutti)) demo; echo status=$?")
        #expect(session.waitFor("48,842 filtered", timeout: 30))
        let pid = try #require(try explorerProcess(in: session))
        _ = try TmuxSession.shell("kill -QUIT \(pid)")
        // Swift's interactive backtracer would keep it for 30 seconds, reading keys.
        #expect(waitUntil(timeout: 10) { kill(pid, 0) != 0 }, "tutti lingers after SIGQUIT")
        #expect(session.waitFor("status=131"), "\(session.screen())")
        // The shell has a normal, cooked terminal back.
        try session.run("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' +")
        #expect(session.waitFor("icanon+echo+") || session.waitFor("echo+icanon+"), "\(session.screen())")
        #expect(!session.screen().contains("48,842 filtered"), "the alternate screen is still up")
    }

    @Test func filterBarTakesCombiningAccentsAndPastedFlags() throws {
        let session = try TmuxSession(width: 120, height: 36)
        try session.run("\(TmuxSession.shellQuoted(tutti)) demo; echo status=$?")
        #expect(session.waitFor("48,842 filtered", timeout: 30))
        try session.keys("/")
        #expect(session.waitFor("filter:"))
        try session.type("sex == \"Fe")
        // A combining acute accent typed after a letter, then a flag pasted.
        try session.type("e\u{301}")
        _ = try TmuxSession.tmux(["set-buffer", "🇫🇷"])
        _ = try TmuxSession.tmux(["paste-buffer", "-p", "-t", session.name])
        #expect(session.waitUntil { $0.contains("filter: sex == \"Fee\u{301}🇫") }, "\(session.screen())")
        session.waitForStableScreen()
        #expect((try explorerProcess(in: session)) != nil, "tutti crashed")
        // Backspace removes the flag, then the accented letter, each as one character.
        try session.keys("BSpace", "BSpace")
        try session.type("male\"")
        try session.keys("Enter")
        #expect(session.waitFor("16,192 filtered"), "\(session.screen())")
        try session.keys("q")
        #expect(session.waitFor("status=0"))
    }
}
