import Testing
@testable import TuttiCore

@Suite struct JSONLinesTests {
    @Test func flatObjectsVectorsAndNestedJSON() throws {
        let text = """
        {"id": 1, "text": "caf\\u00e9 \\"ok\\"", "emb": [0.5, 1, -2], "meta": {"a": [1, 2]}, "ok": true}
        {"id": 2, "text": "plain", "emb": [1.5, 2, 3], "meta": null, "ok": false, "extra": "x"}

        {"id": 3, "emb": [0, 0, 1e-3], "meta": {"b": "}"}, "ok": null}
        """
        let data = try load(text, name: "t.jsonl").dataset
        #expect(data.rowCount == 3)
        #expect(data.columnNames == ["id", "text", "emb", "meta", "ok", "extra"])
        #expect(cells(data, "text") == ["café \"ok\"", "plain", nil])
        guard case .vector(let width, let values) = data.column(named: "emb")?.data else {
            Issue.record("not a vector")
            return
        }
        #expect(width == 3)
        #expect(values == [0.5, 1, -2, 1.5, 2, 3, 0, 0, 0.001])
        #expect(cells(data, "meta") == ["{\"a\": [1, 2]}", nil, "{\"b\": \"}\"}"])
        #expect(data.column(named: "ok")?.kind == .boolean)
        #expect(cells(data, "extra") == [nil, "x", nil])
    }

    @Test func vectorsOfDifferentWidthsNameTheLine() {
        let error = loadError("{\"v\": [1, 2]}\n{\"v\": [1, 2]}\n{\"v\": [1, 2, 3]}\n", name: "e.jsonl")
        #expect(error?.line == 3)
        #expect(error?.description.contains("e.jsonl:3") == true)
        #expect(error?.message.contains("3 values") == true)
    }

    @Test func mixedNumbersAndStringsBecomeStrings() throws {
        var text = ""
        for i in 0..<2000 { text += "{\"v\": \(i % 5)}\n" }
        text += "{\"v\": \"five\"}\n"
        let data = try load(text, name: "m.jsonl", options: LoadOptions(chunkSize: 97)).dataset
        #expect(data.column(named: "v")?.kind == .categorical)
        #expect(cells(data, "v").last == "five")
        #expect(cells(data, "v")[3] == "3")
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        let error = loadError("{\"a\": 1}\n{\"a\" 2}\n", name: "s.jsonl")
        #expect(error?.line == 2)
        #expect(error?.column == 6)
        #expect(error?.message.contains("':'") == true)
    }

    @Test func notAnObject() {
        let error = loadError("{\"a\": 1}\n[1, 2]\n", name: "s.jsonl")
        #expect(error?.line == 2)
    }
}
