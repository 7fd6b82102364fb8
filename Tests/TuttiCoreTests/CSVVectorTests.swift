import Testing
@testable import TuttiCore

@Suite struct CSVVectorTests {
    @Test func bracketedListsOfOneWidthMakeAVectorColumn() throws {
        let text = "id,embedding\n1,\"[0.0, 0.5, 5.0]\"\n2,\"[1, -2, 3e-1]\"\n3,\n4,[7.5 8 9]\n"
        let data = try load(text).dataset
        let column = try #require(data.column(named: "embedding"))
        #expect(column.kind == .vector)
        guard case .vector(let width, let values) = column.data else { return }
        #expect(width == 3)
        #expect(Array(values[0..<6]) == [0, 0.5, 5, 1, -2, 0.3])
        #expect(Array(values[9..<12]) == [7.5, 8, 9])
        #expect(column.missingCount == 1)
        #expect(data.columnNotes.isEmpty)
        #expect(ColumnRoles.infer(from: data)[.vector] == "embedding")
    }

    @Test func raggedListsStayTextWithANote() throws {
        let data = try load("id,embedding\n1,\"[1, 2, 3]\"\n2,\"[1, 2]\"\n").dataset
        let column = try #require(data.column(named: "embedding"))
        #expect(column.kind != .vector)
        #expect(cells(data, "embedding") == ["[1, 2, 3]", "[1, 2]"])
        #expect(data.columnNotes["embedding"]?.contains("lists of 3 and of 2 numbers") == true)
    }

    @Test func raggedListsAcrossChunksStayTextWithANote() throws {
        var text = "id,embedding\n"
        for row in 0..<2_000 { text += "\(row),\"[\(row), 1]\"\n" }
        for row in 2_000..<4_000 { text += "\(row),\"[\(row), 1, 2]\"\n" }
        let data = try load(text, options: LoadOptions(chunkSize: 1_024)).dataset
        #expect(data.column(named: "embedding")?.kind == .text)
        #expect(data.columnNotes["embedding"] != nil)
        #expect(cells(data, "embedding")[3_999] == "[3999, 1, 2]")
    }

    @Test func listsOfWordsStayText() throws {
        let data = try load("id,tags\n1,\"[a, b]\"\n2,\"[c]\"\n3,\"[d]\"\n").dataset
        #expect(data.column(named: "tags")?.kind != .vector)
        #expect(data.columnNotes.isEmpty)
    }
}
