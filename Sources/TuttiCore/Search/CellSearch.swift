/// What to look for in the cells of a table, and the search itself. A plain search finds the
/// text anywhere in a cell, ignoring case; a regular expression (PCRE2, the engine of the
/// filter's `~`, within the same budget) matches anywhere in a cell, also ignoring case. Cells are matched as they are shown: numbers in
/// their shortest form (`0.5`, `42`), booleans as `true` / `false`. Missing cells and vector
/// columns never match.
///
/// The search runs over the columnar data: a text column's bytes are scanned in place, a
/// categorical column's dictionary is matched once, and a number column is only formatted when
/// the text could occur in a number at all.
public struct CellSearch: Sendable, Equatable {
    /// What was typed.
    public let text: String
    /// Whether `text` is a regular expression.
    public let isRegex: Bool

    /// Rows between checks of the cancellation flag and progress reports.
    static let stride = 1 << 16

    /// A search for `text`; throws a `TuttiError` when it is empty or, as a regular expression, invalid.
    public init(_ text: String, regex: Bool = false) throws {
        guard !text.isEmpty else { throw TuttiError("type a value to search for") }
        if regex {
            do {
                _ = try RegexPattern(Self.caseless(text))
            } catch {
                throw TuttiError("not a regular expression: \(text) (\(error.message))")
            }
        }
        self.text = text
        isRegex = regex
    }

    /// For each of `texts` (the words of a cell, say), whether it holds a match.
    public func matching(_ texts: [String]) -> [Bool] {
        let matcher = CellMatcher(self)
        return texts.map { matcher.matches($0) }
    }

    /// `pattern` matched in any case.
    static func caseless(_ pattern: String) -> String { "(?i)" + pattern }

    /// For each of `columns`, the rows among `rows` whose cell matches. Checks `work` for
    /// cancellation (throwing a `TuttiError`) and reports the cells searched to it every few
    /// thousand rows; a regular expression over its budget on a cell throws a `TuttiError`.
    public func matches(in columns: [Column], among rows: RowSet, work: WorkContext = WorkContext()) throws -> [RowSet] {
        let matcher = CellMatcher(self)
        let total = max(1, rows.count * columns.count)
        var done = 0
        return try columns.map { column in
            var found = RowSet(rowCount: rows.rowCount)
            let test = matcher.rowTest(for: column)
            var sinceCheck = 0
            try rows.forEachMember { row in
                if column.isPresent(row), test(row) { found.insert(row) }
                sinceCheck += 1
                if sinceCheck == Self.stride {
                    done += sinceCheck
                    sinceCheck = 0
                    if work.isCancelled { throw TuttiError("search stopped") }
                    work.report("searching", done, total)
                }
            }
            done += sinceCheck
            if let failure = matcher.failure { throw TuttiError("the regular expression \(text) \(failure.reason)") }
            return found
        }
    }
}

/// A `CellSearch` ready to run (its regular expression compiled; not `Sendable`, so each
/// search makes its own).
private final class CellMatcher {
    /// The needle folded to lower case when it is ASCII (the fast path).
    let foldedNeedle: [UInt8]?
    /// The needle lower-cased when it is not ASCII.
    let loweredNeedle: String
    let regex: RegexSearcher?
    /// The first search that went over the regular expression's budget (that cell counts as no match).
    private(set) var failure: RegexSearchError?
    /// Whether the needle could occur in a number's text at all.
    let couldBeNumber: Bool

    init(_ search: CellSearch) {
        if search.isRegex {
            regex = (try? RegexPattern(CellSearch.caseless(search.text))).map(RegexSearcher.init)
            foldedNeedle = nil
            couldBeNumber = true
        } else {
            regex = nil
            foldedNeedle = search.text.utf8.allSatisfy { $0 < 0x80 } ? CaseFoldedBytes.fold(search.text) : nil
            couldBeNumber = search.text.lowercased().allSatisfy { "0123456789.-+einfa".contains($0) }
        }
        loweredNeedle = search.text.lowercased()
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let regex { return search(regex, bytes) }
        if let foldedNeedle {
            return foldedNeedle.withUnsafeBufferPointer { CaseFoldedBytes.contains(bytes, folded: $0) }
        }
        return matches(String(decoding: bytes, as: UTF8.self))
    }

    func matches(_ text: String) -> Bool {
        if regex != nil || foldedNeedle != nil {
            var text = text
            return text.withUTF8 { matches($0) }
        }
        return text.lowercased().contains(loweredNeedle)
    }

    private func search(_ regex: RegexSearcher, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard failure == nil else { return false }
        do {
            return try regex.contains(bytes)
        } catch {
            failure = error
            return false
        }
    }

    /// Whether a present cell of `column` at a row matches.
    func rowTest(for column: Column) -> (Int) -> Bool {
        switch column.data {
        case .text(let table):
            return { row in table.withBytes(at: row) { self.matches($0) } }
        case .categorical(let codes, let dictionary):
            let hits = (0..<dictionary.count).map { code in dictionary.withBytes(at: code) { self.matches($0) } }
            return { hits[Int(codes[$0])] }
        case .boolean(let values):
            let (whenTrue, whenFalse) = (matches("true"), matches("false"))
            return { values[$0] ? whenTrue : whenFalse }
        case .integer(let values):
            guard couldBeNumber else { return { _ in false } }
            guard regex == nil, foldedNeedle != nil else { return { self.matches(String(values[$0])) } }
            return { row in CaseFoldedBytes.decimal(values[row]) { self.matches($0) } }
        case .float(let values):
            guard couldBeNumber else { return { _ in false } }
            return { self.matches(NumberFormatting.shortest(values[$0])) }
        case .datetime(let values):
            return { self.matches(TimeFormatting.iso(values[$0])) }
        case .vector:
            return { _ in false }
        }
    }
}
