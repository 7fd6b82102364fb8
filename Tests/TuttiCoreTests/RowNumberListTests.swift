import Testing
import TuttiCore

/// Row number lists against a plain reference that measures the whole candidate line at every
/// step: the same lines at every width and limit.
@Suite struct RowNumberListTests {
    static func reference(_ rows: [Int], width: Int, limit: Int) -> String {
        func more(_ left: Int) -> String { "… +\(NumberFormatting.grouped(left)) more" }
        var line = ""
        var best = more(rows.count)
        for (index, row) in rows.prefix(limit).enumerated() {
            line += (index == 0 ? "" : " ") + String(row)
            let candidate = index + 1 == rows.count ? line : line + " " + more(rows.count - index - 1)
            if candidate.count <= width { best = candidate } else if line.count > width { break }
        }
        return rows.isEmpty ? "" : best
    }

    @Test func matchesTheReferenceAtEveryWidthAndLimit() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 5, 13, 40] {
            let rows = (0..<count).map { _ in Int.random(in: 0..<200_000, using: &generator) }
            for width in [0, 5, 9, 12, 20, 37, 80, 400, Int.max] {
                for limit in [1, 3, 10, Int.max] {
                    #expect(RowNumberList.text(rows, width: width, limit: limit) == Self.reference(rows, width: width, limit: limit),
                            "\(rows) width \(width) limit \(limit)")
                }
            }
        }
    }

    @Test func aLongListIsWhole() {
        let rows = Array(0..<100_000)
        let text = RowNumberList.text(rows)
        #expect(text.hasPrefix("0 1 2 3") && text.hasSuffix(" 99999"))
        #expect(text.split(separator: " ").count == 100_000)
    }
}
