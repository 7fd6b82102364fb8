import Foundation
import TuttiCore

/// Writing to the terminal: data to stdout, messages to stderr.
///
/// Writes are plain `write(2)` calls, so a full disk (`> /dev/full`) or a reader that went
/// away is an error the program reports, never a crash: `output` throws, and the command
/// ends with status 1 (quietly when the reader closed the pipe and SIGPIPE is ignored, as
/// under Python or Node). Messages to a stderr that cannot take them are dropped.
enum Console {
    /// Standard output could not be written.
    struct OutputError: Error, CustomStringConvertible {
        /// The `errno` of the failed write.
        let code: Int32

        /// Whether the reader closed the pipe (EPIPE): the command ends without a word.
        var readerWentAway: Bool { code == EPIPE }

        var description: String {
            let reason = String(cString: strerror(code))
            return "cannot write to standard output: " + reason.prefix(1).lowercased() + reason.dropFirst()
        }
    }

    /// Writes a message line to standard error, control characters from the data escaped
    /// (`TerminalText`); line breaks stay.
    static func error(_ message: String) {
        _ = write(STDERR_FILENO, TerminalText.escapedLines(message) + "\n")
    }

    /// Writes a progress line's text to standard error as it is (it holds our own `\r` and
    /// erase sequences, never data).
    static func progress(_ text: String) {
        _ = write(STDERR_FILENO, text)
    }

    /// Writes text to standard output as it is: for JSON, CSV and Markdown.
    static func output(_ text: String) throws(OutputError) {
        if let code = write(STDOUT_FILENO, text) { throw OutputError(code: code) }
    }

    /// Writes a table or report meant for a terminal to standard output, control characters
    /// from the data escaped (`TerminalText`).
    static func table(_ text: String) throws(OutputError) {
        try output(TerminalText.escapedLines(text))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes all of `text` to `descriptor`; returns the `errno` of a failure, nil on success.
    private static func write(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else if errno == EAGAIN {
                    // A non-blocking descriptor: wait until it takes more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                } else {
                    return errno
                }
            }
            return nil
        }
    }
}
