import Glibc
import Synchronization

/// Puts the terminal back however the process ends: on SIGINT, SIGTERM, SIGHUP (a dropped
/// SSH link) and SIGQUIT it restores and exits with 128 + the signal at once (a SIGQUIT is a
/// request to quit, not a crash to report); on a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP,
/// SIGABRT, SIGFPE; Swift traps are SIGILL or SIGTRAP) it restores and
/// re-raises the signal with the handler that was there before (the default action, or
/// Swift's backtracer), so crashes still report; at `exit` an `atexit` handler restores.
/// SIGTSTP restores and stops the job; SIGCONT after a stop tutti did not see (an outside
/// SIGSTOP) and SIGWINCH are passed on through a pipe, so the UI takes the terminal again.
/// Whenever the process ends this way, an async-signal-safe clean-up set with
/// `setExitCleanup` runs after the terminal is restored (it deletes temporary files).
///
/// Signal handlers may only call async-signal-safe functions, so restoring is plain `write`s
/// of bytes prepared in advance, `tcsetattr` with the saved settings and `dup2`, all read
/// from memory allocated up front: no locks, no allocation, no curses.
///
/// While the UI owns the screen, stderr goes into a pipe so that messages (a crash report)
/// are not lost on the alternate screen; restoring writes them out after the screen is back.
enum TerminalRestore {
    /// What restoring needs, in memory the handlers can read.
    private struct State {
        var tty: Int32 = -1
        var savedTermios = termios()
        /// The write end of the pipe that carries `Notice`s to the event loop.
        var noticePipe: Int32 = -1
        var sequenceLength = 0
        /// A duplicate of the real stderr while stderr is captured, else -1.
        var savedStderr: Int32 = -1
        /// The read end of the stderr capture pipe, else -1.
        var stderrPipe: Int32 = -1
        /// What to do, async-signal-safely, before the process ends on a signal or at exit.
        var exitCleanup: (@convention(c) () -> Void)?
    }

    /// What the signal handlers tell the event loop through the notice pipe.
    enum Notice: UInt8 {
        /// The window changed size (SIGWINCH).
        case resized = 0x57
        /// The process was stopped by a signal while the UI owned the terminal (SIGTSTP, or an
        /// outside SIGSTOP), and continued.
        case continued = 0x43
    }

    private static let sequenceCapacity = 512
    private static let scratchCapacity = 4096
    private static let exitSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    private static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    private static let handledSignals = exitSignals + crashSignals + [SIGTSTP, SIGCONT, SIGWINCH]
    private static let signalCount = Int(handledSignals.max() ?? 0) + 1

    nonisolated(unsafe) private static let state: UnsafeMutablePointer<State> = {
        let pointer = UnsafeMutablePointer<State>.allocate(capacity: 1)
        pointer.initialize(to: State())
        return pointer
    }()
    /// The bytes that take the terminal out of tutti's modes.
    nonisolated(unsafe) private static let sequence = UnsafeMutablePointer<UInt8>.allocate(capacity: sequenceCapacity)
    /// A buffer for copying captured stderr.
    nonisolated(unsafe) private static let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
    /// The handlers that were installed before ours, by signal number.
    nonisolated(unsafe) private static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: signalCount)
        pointer.initialize(repeating: sigaction(), count: signalCount)
        return pointer
    }()
    /// Our SIGTSTP handler, put back after the process continues.
    nonisolated(unsafe) private static let stopAction: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        pointer.initialize(to: action { TerminalRestore.stop($0) })
        return pointer
    }()

    /// Whether the terminal is in tutti's modes, so that a handler must restore it. Whoever
    /// clears it restores, exactly once.
    private static let armed = Atomic<Bool>(false)
    private static let exitHandlerRegistered = Atomic<Bool>(false)

    // MARK: - Setting up (normal context)

    /// Installs the signal handlers (and, once per process, the `atexit` handler) for the
    /// terminal `tty` whose settings to restore are `termios`; handlers post notices to
    /// `noticePipe`. Nothing is restored until `arm`.
    static func install(tty: Int32, termios: termios, noticePipe: Int32) {
        // Every static a handler reads is initialised here, never lazily inside a handler.
        armed.store(false, ordering: .sequentiallyConsistent)
        state.pointee = State(tty: tty, savedTermios: termios, noticePipe: noticePipe)
        sequence.update(repeating: 0, count: sequenceCapacity)
        scratch.update(repeating: 0, count: scratchCapacity)
        for signal in handledSignals {
            var ours: sigaction
            switch signal {
            case SIGTSTP: ours = stopAction.pointee
            case SIGWINCH: ours = action { _ in TerminalRestore.notify(.resized) }
            case SIGCONT: ours = action { _ in TerminalRestore.continued() }
            case _ where exitSignals.contains(signal): ours = action { TerminalRestore.exitAfterRestoring($0) }
            default: ours = action(flags: SA_ONSTACK) { TerminalRestore.crash($0) }
            }
            sigaction(signal, &ours, &previousActions[Int(signal)])
        }
        // A process may inherit a mask that blocks these (children of threads that block
        // signals do): unblock them in this, the UI thread.
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in handledSignals { sigaddset(&mask, signal) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        if !exitHandlerRegistered.exchange(true, ordering: .relaxed) {
            atexit {
                TerminalRestore.restore()
                TerminalRestore.state.pointee.exitCleanup?()
            }
        }
    }

    /// Sets what to do after restoring when the process ends on a signal, a hang-up, a crash
    /// or at exit, until `uninstall`. `cleanup` must be async-signal-safe.
    static func setExitCleanup(_ cleanup: @convention(c) () -> Void) {
        state.pointee.exitCleanup = cleanup
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        disarm()
        releaseStderr()
        for signal in handledSignals { sigaction(signal, &previousActions[Int(signal)], nil) }
        state.pointee = State()
    }

    /// From now on, handlers restore the terminal by writing `bytes` (truncated to 512) and
    /// the saved tty settings; stderr is captured (when it is a terminal) until then.
    static func arm(sequence bytes: [UInt8]) {
        disarm()
        let count = min(bytes.count, sequenceCapacity)
        bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { sequence.update(from: base, count: count) }
        }
        state.pointee.sequenceLength = count
        captureStderr()
        armed.store(true, ordering: .sequentiallyConsistent)
    }

    /// Stops handlers from restoring: the caller restores itself (e.g. with `endwin`), then
    /// calls `releaseStderr`.
    static func disarm() {
        armed.store(false, ordering: .sequentiallyConsistent)
    }

    /// Stops the job as Ctrl-Z does in a shell; returns when it is continued (`fg`).
    static func stopJob() {
        raise(SIGTSTP)
    }

    /// Restores the terminal and ends the process with status 128 + `signal` at once, as
    /// after that signal: for a terminal that hung up.
    static func exitAfterRestoring(_ signal: Int32) -> Never {
        restore()
        state.pointee.exitCleanup?()
        _exit(128 + signal)
    }

    // MARK: - Restoring (async-signal-safe)

    /// Restores the terminal if armed: leaves tutti's modes, puts back the tty settings and
    /// stderr. Returns whether it did.
    @discardableResult
    static func restore() -> Bool {
        guard armed.exchange(false, ordering: .sequentiallyConsistent) else { return false }
        let savedErrno = errno
        writeAll(state.pointee.tty, sequence, state.pointee.sequenceLength)
        tcsetattr(state.pointee.tty, TCSANOW, &state.pointee.savedTermios)
        releaseStderr()
        errno = savedErrno
        return true
    }

    private static func notify(_ notice: Notice) {
        let savedErrno = errno
        var byte = notice.rawValue
        _ = write(state.pointee.noticePipe, &byte, 1)
        errno = savedErrno
    }

    private static func crash(_ signal: Int32) {
        restore()
        state.pointee.exitCleanup?()
        // Hand the signal to the previous handler once this one returns (it is blocked until
        // then); a fault re-executes and reaches it too.
        sigaction(signal, &previousActions[Int(signal)], nil)
        raise(signal)
    }

    /// SIGCONT: if the terminal is still armed, the process was stopped behind tutti's back
    /// (SIGSTOP, which cannot be caught), and a shell may have taken the terminal meanwhile:
    /// the UI takes it again and redraws. After our own stop (`stop`), it is disarmed and
    /// `stop` says so itself.
    private static func continued() {
        if armed.load(ordering: .sequentiallyConsistent) { notify(.continued) }
    }

    private static func stop(_ signal: Int32) {
        let savedErrno = errno
        let restored = restore()
        // Stop the rest of the job, as Ctrl-Z does in a shell, while this process ignores
        // the signal (setting SIG_IGN again discards it where it was queued all the same);
        // then stop this thread with a signal of its own, which takes effect before `raise`
        // returns (one sent to the process could be taken by another thread and stop this
        // one only a moment later).
        var ignore = disposition(SIG_IGN)
        var standard = disposition(SIG_DFL)
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGTSTP)
        sigaction(SIGTSTP, &ignore, nil)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        kill(0, SIGTSTP)
        sigaction(SIGTSTP, &ignore, nil)
        sigaction(SIGTSTP, &standard, nil)
        raise(SIGTSTP)
        // Continued.
        sigaction(SIGTSTP, stopAction, nil)
        if restored { notify(.continued) }
        errno = savedErrno
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
        var written = 0
        while written < count {
            let result = write(fd, bytes + written, count - written)
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    // MARK: - Stderr capture

    /// Sends stderr into a pipe, if stderr is a terminal (a redirected stderr is left alone).
    private static func captureStderr() {
        guard state.pointee.savedStderr < 0, isatty(STDERR_FILENO) == 1 else { return }
        guard let ends = SelfPipe.openPipe() else { return }
        let saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        guard saved >= 0, dup2(ends.write, STDERR_FILENO) >= 0 else {
            close(ends.read)
            close(ends.write)
            if saved >= 0 { close(saved) }
            return
        }
        close(ends.write)
        state.pointee.savedStderr = saved
        state.pointee.stderrPipe = ends.read
    }

    /// Puts the real stderr back and writes to it what was captured (async-signal-safe).
    static func releaseStderr() {
        let saved = state.pointee.savedStderr, captured = state.pointee.stderrPipe
        guard saved >= 0 else { return }
        state.pointee.savedStderr = -1
        state.pointee.stderrPipe = -1
        dup2(saved, STDERR_FILENO)
        close(saved)
        while true {
            let count = read(captured, scratch, scratchCapacity)
            guard count > 0 else { break }
            writeAll(STDERR_FILENO, scratch, count)
        }
        close(captured)
    }

    // MARK: - Helpers

    private static func action(flags: Int32 = 0, handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        action.sa_flags = SA_RESTART | flags
        sigemptyset(&action.sa_mask)
        return action
    }

    private static func disposition(_ handler: __sighandler_t?) -> sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        return action
    }
}
