import Glibc

/// Crash reports that never wait for keys.
///
/// On a crash or SIGQUIT, Swift's backtracer prints a report; run from a terminal, it then
/// offers an interactive session and waits up to 30 seconds, reading keys that were meant for
/// the shell. It reads its settings from the `SWIFT_BACKTRACE` environment variable once, as
/// the program starts, so tutti runs itself again, once, with `SWIFT_BACKTRACE=interactive=no`
/// when the variable is not set and a terminal is attached. A `SWIFT_BACKTRACE` set by the user
/// is left as it is.
enum CrashReports {
    /// Restarts the program with non-interactive crash reports, if it needs to; returns only
    /// when it does not need to (or when the restart failed: tutti then runs on as it is).
    static func makeNonInteractive() {
        guard getenv("SWIFT_BACKTRACE") == nil,
              isatty(STDIN_FILENO) == 1 || isatty(STDOUT_FILENO) == 1 || isatty(STDERR_FILENO) == 1 else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
