import CPCRE2

/// A regular expression compiled once with PCRE2 — Perl syntax, UTF-8 with Unicode
/// properties (`\w`, `\d` and `(?i)` know every script), JIT-compiled when the machine
/// allows — and searched within a budget, so that a pattern that backtracks
/// catastrophically (`(a+)+$`) fails with an error instead of running for ever.
///
/// The compiled code is shared by every thread; each thread searches with its own
/// `RegexSearcher`.
final class RegexPattern: @unchecked Sendable {
    /// Most backtracking steps (PCRE2's match limit) a search of one value may take.
    static let matchLimit: UInt32 = 1_000_000
    /// Deepest nesting of backtracking points (PCRE2's depth limit, without JIT).
    static let depthLimit: UInt32 = 10_000
    /// Most heap memory, in KiB, a search of one value may use (without JIT).
    static let heapLimitKiB: UInt32 = 64 * 1024
    /// Most stack memory, in bytes, a JIT search of one value may use.
    static let jitStackBytes = 1 << 20

    /// The pattern as written.
    let pattern: String
    fileprivate let code: OpaquePointer

    /// Compiles `pattern`; throws PCRE2's message and the 0-based character offset where it
    /// found the problem.
    init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { bytes in
            pcre2_compile_8(bytes.baseAddress ?? RegexSearcher.emptySubject, bytes.count,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let offset = String(decoding: bytes.prefix(errorOffset), as: UTF8.self).count
            throw RegexSyntaxError(message: Self.message(errorCode), offset: offset)
        }
        code = compiled
        // Without JIT support the interpreter runs, bounded by the depth and heap limits.
        _ = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE)
    }

    deinit { pcre2_code_free_8(code) }

    /// PCRE2's text for an error code.
    static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        return length > 0 ? String(decoding: buffer.prefix(Int(length)), as: UTF8.self) : "error \(code)"
    }
}

/// Why a pattern does not compile: PCRE2's message, and the character offset in the pattern.
struct RegexSyntaxError: Error {
    let message: String
    let offset: Int
}

/// A search that failed: usually one that took more than `RegexPattern.matchLimit`
/// backtracking steps (or more than the depth, heap or JIT stack allowance) on one value.
struct RegexSearchError: Error {
    /// What went wrong, to follow "the regular expression … ".
    let reason: String

    init(code: Int32) {
        switch code {
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
            reason = "backtracks too much: it gave up on a value after \(NumberFormatting.grouped(Int(RegexPattern.matchLimit))) "
                + "steps — simplify it (nested repeats such as (a+)+ or (.*)* cause this)"
        default:
            reason = "failed: " + RegexPattern.message(code)
        }
    }
}

/// Searches values with one `RegexPattern` on one thread: its match data, limits and JIT
/// stack. Not `Sendable`; make one per thread.
final class RegexSearcher {
    /// A valid address for searching the empty string.
    nonisolated(unsafe) fileprivate static let emptySubject: UnsafePointer<UInt8> = {
        let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    private let regex: RegexPattern
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    init(_ regex: RegexPattern) {
        self.regex = regex
        guard let matchData = pcre2_match_data_create_8(1, nil), let context = pcre2_match_context_create_8(nil) else {
            fatalError("out of memory creating a regular expression search")
        }
        self.matchData = matchData
        self.context = context
        pcre2_set_match_limit_8(context, RegexPattern.matchLimit)
        pcre2_set_depth_limit_8(context, RegexPattern.depthLimit)
        pcre2_set_heap_limit_8(context, RegexPattern.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, RegexPattern.jitStackBytes, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }

    /// Whether the pattern matches somewhere in `subject` (UTF-8 bytes; invalid sequences
    /// never match a character). Throws when the search exceeds its budget.
    func contains(_ subject: UnsafeBufferPointer<UInt8>) throws(RegexSearchError) -> Bool {
        let start = subject.baseAddress ?? Self.emptySubject
        let result = pcre2_match_8(regex.code, start, subject.count, 0, 0, matchData, context)
        if result >= 0 { return true }
        if result == PCRE2_ERROR_NOMATCH { return false }
        throw RegexSearchError(code: result)
    }
}
