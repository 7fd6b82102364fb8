import Testing
@testable import TuttiCore

@Suite struct SmokeTests {
    @Test func loadsTinyCSV() throws {
        let result = try DatasetLoader.load(bytes: Array("a,b\n1,x\n2,y\n".utf8), name: "t.csv")
        #expect(result.dataset.rowCount == 2)
    }
}
