import CNcurses
import Glibc
import Synchronization

/// The real terminal, through ncurses.
///
/// It talks to `/dev/tty`, not to stdin and stdout, so data can come on stdin
/// (`cat x.csv | tutti -`) while keys come from the terminal. The terminal runs in raw mode on
/// the alternate screen with the cursor hidden; curses only draws: input is read from the tty
/// by `poll` and `read` and decoded by `InputDecoder` (keypad mode off), so every `TERM`
/// gets the same keys. Colour is used when the terminal has it and `NO_COLOR` is not set;
/// pairs are allocated on demand.
///
/// The terminal is restored by `shutdown()`, at exit, on SIGINT, SIGTERM and SIGHUP and on
/// a crash (see `TerminalRestore`). Only one can be open at a time.
public final class CursesTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public let capabilities: TerminalCapabilities
    public let waker: TerminalWaker

    private let tty: Int32
    private let file: UnsafeMutablePointer<FILE>
    private let screen: OpaquePointer
    private let wakePipe: SelfPipe
    /// Notices from the signal handlers (`TerminalRestore.Notice`).
    private let noticePipe: SelfPipe
    private var renderer: CursesRenderer
    private var decoder = InputDecoder()
    private var pending: [TerminalEvent] = []
    private var lastInput = ContinuousClock.now
    private var readBuffer = [UInt8](repeating: 0, count: 4096)
    private var mouseReporting: Bool
    /// Whether the terminal is in tutti's modes: not suspended, not shut down.
    private var active = false
    private var isShutDown = false

    private static let inUse = Atomic<Bool>(false)

    /// Takes over the terminal. Throws a `TerminalError` with a message for the user when
    /// there is no usable terminal: `TERM` unset or `dumb`, no `/dev/tty`, or a `TERM` that
    /// terminfo does not know.
    public init(mouseReporting: Bool = true) throws {
        let term = getenv("TERM").map { String(cString: $0) }
        try Self.checkTerminalType(term)
        guard !Self.inUse.exchange(true, ordering: .sequentiallyConsistent) else {
            throw TerminalError("tutti already has the terminal open.")
        }
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard tty >= 0 else {
            Self.inUse.store(false, ordering: .sequentiallyConsistent)
            throw TerminalError("tutti needs a terminal (cannot open /dev/tty: \(Self.systemError())). \(TerminalError.headlessAdvice)")
        }
        var original = termios()
        let pipes = (try? SelfPipe(), try? SelfPipe())
        guard tcgetattr(tty, &original) == 0, let wakePipe = pipes.0, let noticePipe = pipes.1,
              let file = fdopen(tty, "r+") else {
            close(tty)
            Self.inUse.store(false, ordering: .sequentiallyConsistent)
            throw TerminalError("tutti could not set up the terminal /dev/tty: \(Self.systemError()).")
        }
        setlocale(LC_ALL, "")
        // Our handlers go in first: ncurses then leaves SIGINT, SIGTERM, SIGTSTP and SIGWINCH to us.
        TerminalRestore.install(tty: tty, termios: original, noticePipe: noticePipe.writeEnd)
        use_tioctl(true)
        guard let screen = newterm(nil, file, file) else {
            TerminalRestore.uninstall()
            fclose(file)
            Self.inUse.store(false, ordering: .sequentiallyConsistent)
            throw TerminalError("tutti does not know the terminal type TERM=\(term ?? "") (no terminfo entry). Set TERM to your terminal's type, e.g. xterm-256color. \(TerminalError.headlessAdvice)")
        }
        Self.enterRawMode(tty)

        let noColor = TerminalCapabilities.noColorInEnvironment()
        var colors = 0, pairLimit = 1, defaultColors = false
        if has_colors() && !noColor {
            start_color()
            defaultColors = use_default_colors() == OK
            colors = Int(tutti_colors())
            pairLimit = Int(tutti_color_pairs())
        }
        capabilities = TerminalCapabilities(
            colors: has_colors() ? Int(tigetnum("colors")) : 0,
            usesColor: colors > 0,
            unicode: TerminalCapabilities.localeIsUTF8()
        )
        renderer = CursesRenderer(colors: colors, pairLimit: pairLimit, defaultColors: defaultColors)
        let window = tutti_stdscr()
        size = (Int(getmaxx(window)), Int(getmaxy(window)))
        self.tty = tty
        self.file = file
        self.screen = screen
        self.wakePipe = wakePipe
        self.noticePipe = noticePipe
        self.mouseReporting = mouseReporting
        waker = TerminalWaker { wakePipe.post(1) }
        enterProgramMode()
    }

    deinit { shutdown() }

    /// Throws the "needs a terminal" error for an unset, empty or `dumb` `TERM`.
    static func checkTerminalType(_ term: String?) throws(TerminalError) {
        guard let term, !term.isEmpty else {
            throw TerminalError("tutti needs a terminal (TERM is not set). \(TerminalError.headlessAdvice)")
        }
        guard term != "dumb" else {
            throw TerminalError("tutti needs a terminal (TERM=dumb). \(TerminalError.headlessAdvice)")
        }
    }

    // MARK: - Terminal

    public func draw(_ canvas: Canvas) {
        guard active else { return }
        renderer.draw(canvas, width: size.width, height: size.height)
    }

    /// Waits for the next event (see `Terminal`). Keys, mouse reports and pastes come from
    /// the tty; `.resize` from SIGWINCH; `.wake` from the waker. If the terminal hangs up,
    /// the process ends with status 129, as on SIGHUP.
    public func nextEvent(timeout: Duration?) -> TerminalEvent? {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while pending.isEmpty {
            guard active else { return nil }
            let flushAt = decoder.flushDelay.map { lastInput.advanced(by: $0) }
            let wakeAt = [deadline, flushAt].compactMap { $0 }.min()
            let ready = poll(until: wakeAt, clock: clock)
            if ready.notices { handleNotices(noticePipe.drain()) }
            if ready.wake {
                _ = wakePipe.drain()
                pending.append(.wake)
            }
            if ready.input { readInput(clock: clock) }
            // Pending bytes (a lone Esc) that nothing followed in time.
            if let delay = decoder.flushDelay, clock.now >= lastInput.advanced(by: delay) {
                pending.append(contentsOf: decoder.flush())
            }
            if pending.isEmpty, let deadline, clock.now >= deadline { return nil }
        }
        return pending.removeFirst()
    }

    public func setMouseReporting(_ on: Bool) {
        mouseReporting = on
        if active { writeToTerminal(on ? TerminalModes.mouseOn : TerminalModes.mouseOff) }
    }

    public func suspend() {
        guard active else { return }
        leaveProgramMode()
        TerminalRestore.stopJob()
        checkSize(repaint: false)
        enterProgramMode()
    }

    /// Sets what to do after the terminal is restored when the process ends on a signal
    /// (SIGINT, SIGTERM, SIGHUP), a hang-up of the terminal, a crash or at exit: for example
    /// delete temporary files. `cleanup` runs in a signal handler, so it must be
    /// async-signal-safe. It stays set until `shutdown`.
    public func setExitCleanup(_ cleanup: @convention(c) () -> Void) {
        TerminalRestore.setExitCleanup(cleanup)
    }

    public func writeControlSequence(_ sequence: String) {
        guard active else { return }
        writeToTerminal(sequence)
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        leaveProgramMode()
        TerminalRestore.uninstall()
        delscreen(screen)
        fclose(file)
        Self.inUse.store(false, ordering: .sequentiallyConsistent)
    }

    // MARK: - Modes

    /// Raw input the way the decoder needs it: ncurses' raw mode (no echo, no signals from
    /// keys, no flow control) plus 8-bit clean input without CR translation.
    private static func enterRawMode(_ tty: Int32) {
        raw()
        noecho()
        nonl()
        typeahead(-1)  // ncurses must never look at the input
        leaveok(tutti_stdscr(), true)
        curs_set(0)
        var settings = termios()
        if tcgetattr(tty, &settings) == 0 {
            settings.c_iflag &= ~tcflag_t(ISTRIP | INPCK | ICRNL | INLCR | IGNCR | IXON)
            settings.c_cflag |= tcflag_t(CS8)
            tcsetattr(tty, TCSANOW, &settings)
        }
        def_prog_mode()
    }

    /// Takes the terminal (again): program mode, the alternate screen and a full repaint of
    /// what curses holds, bracketed paste and mouse reporting; the signal handlers restore
    /// from now on.
    private func enterProgramMode() {
        clearok(tutti_curscr(), true)
        wnoutrefresh(tutti_stdscr())
        doupdate()  // after endwin, this also restores the tty settings and the screen
        writeToTerminal(TerminalModes.pasteOn + (mouseReporting ? TerminalModes.mouseOn : ""))
        active = true
        TerminalRestore.arm(sequence: restoreSequence())
    }

    /// Gives the terminal back: modes off, `endwin` (normal screen, cursor, tty settings),
    /// pending input (stray mouse reports) discarded, captured stderr written out.
    private func leaveProgramMode() {
        guard active else { return }
        active = false
        TerminalRestore.disarm()
        writeToTerminal(TerminalModes.mouseOff + TerminalModes.pasteOff)
        endwin()
        tcflush(tty, TCIFLUSH)
        TerminalRestore.releaseStderr()
    }

    /// What the signal handlers write to restore the screen: tutti's modes off, attributes
    /// reset, cursor shown at the bottom left, normal screen.
    private func restoreSequence() -> [UInt8] {
        var bytes = Array((TerminalModes.mouseOff + TerminalModes.pasteOff).utf8)
        bytes += Self.capability("sgr0") + Self.capability("cnorm")
        if let cup = Self.capabilityPointer("cup"), let move = tutti_tiparm2(cup, Int32(size.height - 1), 0) {
            bytes += Self.withoutPadding(move)
        }
        bytes += Self.capability("rmcup")
        return bytes
    }

    private static func capabilityPointer(_ name: String) -> UnsafeMutablePointer<CChar>? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return value
    }

    private static func capability(_ name: String) -> [UInt8] {
        capabilityPointer(name).map { withoutPadding($0) } ?? []
    }

    /// A terminfo string without its padding specifications (`$<5>`), which only `tputs`
    /// understands.
    static func withoutPadding(_ value: UnsafePointer<CChar>) -> [UInt8] {
        var bytes: [UInt8] = []
        var pointer = value
        while pointer.pointee != 0 {
            if pointer.pointee == CChar(UInt8(ascii: "$")) && pointer[1] == CChar(UInt8(ascii: "<")) {
                var end = pointer + 2
                while end.pointee != 0 && end.pointee != CChar(UInt8(ascii: ">")) { end += 1 }
                if end.pointee != 0 {
                    pointer = end + 1
                    continue
                }
            }
            bytes.append(UInt8(bitPattern: pointer.pointee))
            pointer += 1
        }
        return bytes
    }

    // MARK: - Events

    private struct Ready {
        var input = false
        var notices = false
        var wake = false
    }

    /// Waits until the tty, a notice or a wake is readable, or until `instant` (nil: no limit).
    private func poll(until instant: ContinuousClock.Instant?, clock: ContinuousClock) -> Ready {
        var fds = [
            pollfd(fd: tty, events: Int16(POLLIN), revents: 0),
            pollfd(fd: noticePipe.readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = instant.map { Self.milliseconds(clock.now.duration(to: $0)) } ?? -1
        guard Glibc.poll(&fds, nfds_t(fds.count), timeout) > 0 else { return Ready() }
        let inputEvents = Int16(POLLIN | POLLHUP | POLLERR)
        return Ready(
            input: fds[0].revents & inputEvents != 0,
            notices: fds[1].revents != 0,
            wake: fds[2].revents != 0
        )
    }

    /// A poll timeout: `duration` rounded up to whole milliseconds, at least 0.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int32.max }
        return Int32(clamping: milliseconds.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    private func readInput(clock: ContinuousClock) {
        let count = read(tty, &readBuffer, readBuffer.count)
        if count > 0 {
            lastInput = clock.now
            pending.append(contentsOf: decoder.feed(Array(readBuffer[0..<count])))
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            // The terminal is gone (a dropped SSH link): end as on SIGHUP.
            TerminalRestore.exitAfterRestoring(SIGHUP)
        }
    }

    private func handleNotices(_ notices: [UInt8]) {
        if notices.contains(TerminalRestore.Notice.continued.rawValue) {
            // Stopped by a signal (not by `suspend`) and continued: the handler gave the
            // terminal back behind curses' back, so let curses know, then take it again.
            active = false
            endwin()
            checkSize(repaint: false)
            enterProgramMode()
        } else if notices.contains(TerminalRestore.Notice.resized.rawValue) {
            checkSize(repaint: true)
        }
    }

    /// Reads the window size from the tty. A new size resizes curses and queues `.resize`
    /// (the UI redraws); otherwise, with `repaint`, the screen is repainted in full, since
    /// the terminal may have garbled it.
    private func checkSize(repaint: Bool) {
        var window = winsize()
        guard ioctl(tty, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return }
        let width = Int(window.ws_col), height = Int(window.ws_row)
        clearok(tutti_curscr(), true)
        if width != size.width || height != size.height {
            resize_term(Int32(height), Int32(width))
            size = (width, height)
            renderer.invalidate()
            if active { TerminalRestore.arm(sequence: restoreSequence()) }
            pending.append(.resize(width: width, height: height))
        } else if repaint {
            wnoutrefresh(tutti_stdscr())
            doupdate()
        }
    }

    private func writeToTerminal(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let result = write(tty, base + written, buffer.count - written)
                if result > 0 {
                    written += result
                } else if result < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
