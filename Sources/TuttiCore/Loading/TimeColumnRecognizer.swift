/// Turns a column of strings into a datetime column when every present value is a time (ISO
/// 8601, or the user's `TimeFormat`); a column of times with a few values that are not stays
/// text, with a note saying which value kept it so.
enum TimeColumnRecognizer {
    /// What came of looking at a column.
    enum Outcome {
        case times([Int64])
        /// Mostly times, but not all: why the column stays text.
        case text(note: String)
        case notTimes
    }

    /// Looks at the strings of `data` (text or categorical). Gives up early when values that are
    /// not times outnumber the times and there are more than a few.
    static func recognize(_ data: ColumnData, validity: RowSet, format: TimeFormat?) -> Outcome {
        let parse: (UnsafeBufferPointer<UInt8>) -> Int64? = { bytes in
            guard let base = bytes.baseAddress else { return nil }
            if let format { return format.parse(base, bytes.count) }
            return TimeParser.iso(base, bytes.count)
        }
        switch data {
        case .text(let table):
            // Allocated at the first time, so that a column of prose costs a few failed parses.
            var times: [Int64] = []
            var parsed = 0, failed = 0
            var firstFailure: (row: Int, text: String)?
            var row = 0
            let present = validity.count
            while row < validity.rowCount {
                defer { row += 1 }
                guard validity.contains(row) else { continue }
                if let time = table.withBytes(at: row, parse) {
                    if times.isEmpty { times = [Int64](repeating: 0, count: validity.rowCount) }
                    times[row] = time
                    parsed += 1
                } else {
                    failed += 1
                    if firstFailure == nil { firstFailure = (row, table[row]) }
                    if failed > 8, failed > parsed { return .notTimes }
                }
            }
            return outcome(times, parsed: parsed, failed: failed, present: present, firstFailure: firstFailure,
                           format: format)
        case .categorical(let codes, let dictionary):
            var entryTimes: [Int64?] = []
            entryTimes.reserveCapacity(dictionary.count)
            for code in 0..<dictionary.count {
                entryTimes.append(dictionary.withBytes(at: code, parse))
                if entryTimes.count > 8, entryTimes.filter({ $0 == nil }).count * 2 > entryTimes.count { return .notTimes }
            }
            // No value is a time (a few words like train and test): no row is, so no row is read.
            guard entryTimes.contains(where: { $0 != nil }) else { return .notTimes }
            var times = [Int64](repeating: 0, count: codes.count)
            var parsed = 0, failed = 0
            var firstFailure: (row: Int, text: String)?
            validity.forEachMember { row in
                let code = Int(codes[row])
                if let time = entryTimes[code] {
                    times[row] = time
                    parsed += 1
                } else {
                    failed += 1
                    if firstFailure == nil { firstFailure = (row, dictionary[code]) }
                }
            }
            return outcome(times, parsed: parsed, failed: failed, present: validity.count, firstFailure: firstFailure,
                           format: format)
        default:
            return .notTimes
        }
    }

    private static func outcome(_ times: [Int64], parsed: Int, failed: Int, present: Int,
                                firstFailure: (row: Int, text: String)?, format: TimeFormat?) -> Outcome {
        if failed == 0, parsed > 0 { return .times(times) }
        // A note only for columns that are mostly times: at least nine values in ten.
        guard parsed > 0, failed * 10 <= present, let firstFailure else { return .notTimes }
        let shown = firstFailure.text.count > 40 ? String(firstFailure.text.prefix(40)) + "…" : firstFailure.text
        let what = format.map { "in the format '\($0.pattern)'" } ?? "an ISO 8601 time"
        let values = failed == 1 ? "1 value is" : "\(NumberFormatting.grouped(failed)) values are"
        return .text(note: "stays text: \(values) not \(what) (first at row \(firstFailure.row + 1): '\(shown)')"
            + (format == nil ? "; --time-format reads other formats" : ""))
    }
}
