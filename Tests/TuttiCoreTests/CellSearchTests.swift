import Testing
@testable import TuttiCore

@Suite struct CellSearchTests {
    /// Four rows of every kind; row 3 is missing in each column.
    let columns: [Column] = {
        let present = RowSet(rowCount: 4, rows: [0, 1, 2])
        return [
            Column(name: "text", data: .text(StringTable(["A Café review", "nothing here", "CAFÉ au lait", "café"])), validity: present),
            Column(name: "city", data: .categorical(codes: [0, 1, 0, 1], dictionary: StringTable(["Paris", "Lyon"])), validity: present),
            Column(name: "count", data: .integer([120, -7, 3120, 12]), validity: present),
            Column(name: "score", data: .float([0.5, 12.25, 1e-300, 12]), validity: present),
            Column(name: "flag", data: .boolean([true, false, true, true]), validity: present),
            Column(name: "vector", data: .vector(width: 2, values: [1, 2, 3, 4, 5, 6, 7, 8]), validity: present),
        ]
    }()
    let all = RowSet(rowCount: 4, allSet: true)

    func matches(_ text: String, regex: Bool = false, among rows: RowSet? = nil) throws -> [String: [Int]] {
        let found = try CellSearch(text, regex: regex).matches(in: columns, among: rows ?? all)
        return Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), found.map(\.members)))
    }

    @Test func plainTextIgnoresCaseAndSkipsMissingCells() throws {
        let found = try matches("caf")
        #expect(found["text"] == [0, 2], "row 3 holds café but is missing")
        #expect(try matches("ARI")["city"] == [0, 2])
        #expect(try matches("ÉSUMÉ")["text"] == [])
        #expect(try matches("café")["text"] == [0, 2], "a needle beyond ASCII folds every letter")
    }

    @Test func numbersAndBooleansMatchAsTheyAreShown() throws {
        let found = try matches("12")
        #expect(found["count"] == [0, 2])
        #expect(found["score"] == [1])
        #expect(try matches("e-300")["score"] == [2])
        #expect(try matches("RUE")["flag"] == [0, 2])
        #expect(try matches("-7")["count"] == [1])
        #expect(try matches("x")["count"] == [], "a letter that never occurs in a number skips number columns")
        for value in [Int64.min, -1, 0, 7, 1_234_567, Int64.max] {
            #expect(CaseFoldedBytes.decimal(value) { String(decoding: $0, as: UTF8.self) == String(value) })
        }
    }

    @Test func regularExpressionsIgnoreCaseToo() throws {
        let found = try matches("^c.f", regex: true)
        #expect(found["text"] == [2])
        #expect(try matches("^-?\\d$", regex: true)["count"] == [1])
        #expect(try matches("^(paris|lyon)$", regex: true)["city"] == [0, 1, 2])
    }

    @Test func vectorsNeverMatchAndOnlyTheGivenRowsAreSearched() throws {
        #expect(try matches("1")["vector"] == [])
        #expect(try matches("caf", among: RowSet(rowCount: 4, rows: [2, 3]))["text"] == [2])
    }

    @Test func emptyTextAndBadRegularExpressionsAreRefused() {
        #expect(throws: TuttiError.self) { try CellSearch("") }
        #expect(throws: TuttiError.self) { try CellSearch("(unclosed", regex: true) }
        #expect((try? CellSearch("(unclosed")) != nil, "as plain text a parenthesis is just a character")
    }

    @Test func aRegularExpressionThatBacktracksForeverStopsWithAnError() throws {
        let present = RowSet(rowCount: 1, allSet: true)
        let column = Column(name: "t", data: .text(StringTable([String(repeating: "a", count: 40) + "!"])), validity: present)
        #expect(throws: TuttiError.self) { try CellSearch("(a+)+$", regex: true).matches(in: [column], among: present) }
        // PCRE2 sees that a match needs an `x` and answers at once, without backtracking.
        #expect(try CellSearch("(.*.*)*x", regex: true).matches(in: [column], among: present).first?.count == 0)
    }

    @Test func aStoppedSearchThrows() {
        let many = RowSet(rowCount: CellSearch.stride * 2, allSet: true)
        let column = Column(name: "n", data: .integer(Array(repeating: 1, count: many.rowCount)), validity: many)
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TuttiError.self) { try CellSearch("1").matches(in: [column], among: many, work: WorkContext(cancellation: flag)) }
    }
}
