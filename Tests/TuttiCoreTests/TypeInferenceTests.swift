import Testing
@testable import TuttiCore

@Suite struct TypeInferenceTests {
    @Test func integerColumnWithOneFloatBecomesFloat() throws {
        let data = try load("a\n1\n2\n3.5\n").dataset
        guard case .float(let values) = data.column(named: "a")?.data else {
            Issue.record("not float")
            return
        }
        #expect(values == [1, 2, 3.5])
    }

    @Test func numberColumnWithTextBecomesStrings() throws {
        let data = try load("a\n1\n2\nabc\n2\n1\n2\n").dataset
        #expect(data.column(named: "a")?.kind == .categorical)
        #expect(cells(data, "a") == ["1", "2", "abc", "2", "1", "2"])
    }

    @Test func typeConflictAcrossChunksRereadsEarlierChunksAsText() throws {
        var text = "code\n"
        for i in 0..<3000 { text += "\(i % 10)\n" }
        text += "007\nX1\n"
        let data = try load(text, options: LoadOptions(chunkSize: 97)).dataset
        let column = try #require(data.column(named: "code"))
        #expect(column.kind == .categorical)
        #expect(column.text(at: 3000) == "007")
        #expect(column.text(at: 3001) == "X1")
        #expect(column.text(at: 11) == "1")
    }

    @Test func booleansAndFloatsAndMissing() throws {
        let data = try load("b,f\ntrue,1e3\nFALSE,-2.5\n,\nTrue,0.1\n").dataset
        #expect(data.column(named: "b")?.kind == .boolean)
        #expect(cells(data, "b") == ["true", "false", nil, "true"])
        guard case .float(let values) = data.column(named: "f")?.data else {
            Issue.record("not float")
            return
        }
        #expect(values[0] == 1000 && values[1] == -2.5 && values[3] == 0.1)
    }

    @Test func floatsParseExactly() throws {
        let samples = ["0.1", "2.2250738585072014e-308", "1.7976931348623157e308", "123456789012345678901234",
                       "0.000001234", "-0.0", "3.141592653589793", "1e-400", "4.9e-324", "9007199254740993"]
        let data = try load("x\n" + samples.joined(separator: "\n") + "\n").dataset
        guard case .float(let values) = data.column(named: "x")?.data else {
            Issue.record("not float")
            return
        }
        for (text, value) in zip(samples, values) { #expect(value == Double(text)!, "\(text)") }
    }

    @Test func repeatedStringsAreCategoricalAndDistinctOnesText() throws {
        var text = "cat,free\n"
        for i in 0..<100 { text += "c\(i % 3),sentence number \(i)\n" }
        let data = try load(text).dataset
        #expect(data.column(named: "cat")?.kind == .categorical)
        #expect(data.column(named: "free")?.kind == .text)
        let forced = try load(text, options: LoadOptions(textColumns: ["cat"])).dataset
        #expect(forced.column(named: "cat")?.kind == .text)
    }

    @Test func allMissingColumn() throws {
        let data = try load("a,b\n1,\n2,\n").dataset
        #expect(data.column(named: "b")?.missingCount == 2)
    }

    @Test func integerOverflowBecomesFloat() throws {
        let data = try load("a\n9223372036854775807\n9223372036854775808\n").dataset
        #expect(data.column(named: "a")?.kind == .float)
    }

    /// Whether strings are categorical is decided over the whole column: a column that starts
    /// with thousands of distinct values and then repeats two is categorical, however the
    /// file is cut into chunks.
    @Test func categoricalOrTextDoesNotDependOnTheChunks() throws {
        var text = "s\n"
        for row in 0..<3_000 { text += "v\(row)\n" }
        for row in 0..<20_000 { text += row % 2 == 0 ? "a\n" : "b\n" }
        for chunkSize in [97, 4_096, 1 << 30] {
            let data = try load(text, options: LoadOptions(chunkSize: chunkSize)).dataset
            #expect(data.column(named: "s")?.kind == .categorical, "chunk size \(chunkSize)")
        }
        var distinct = "s\n"
        for row in 0..<3_000 { distinct += "v\(row)\n" }
        for chunkSize in [97, 1 << 30] {
            #expect(try load(distinct, options: LoadOptions(chunkSize: chunkSize)).dataset.column(named: "s")?.kind == .text)
        }
    }
}
