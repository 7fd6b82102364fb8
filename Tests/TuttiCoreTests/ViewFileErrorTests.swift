import Foundation
import Testing
@testable import TuttiCore

@Suite struct ViewFileErrorTests {
    /// The error reading a view file holding `text`, checked to name the file.
    func readError(_ text: String) throws -> String? {
        let folder = try TemporaryFolder()
        let path = try folder.write("v.json", text)
        do {
            _ = try ViewDocument.read(path: path)
            return nil
        } catch let error as TuttiError {
            #expect(error.file == path)
            return error.message
        }
    }

    /// A valid view file of Adult, as text.
    func validText() throws -> String {
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        let view = ViewDocument(state: state, datasetPath: "adult.csv", layout: .pane(ViewPane(kind: .summary)),
                                focus: 0, theme: nil)
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v.json").path
        try view.write(to: path, overwrite: false)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func aMissingFileOrAFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("none.json").path
        #expect(throws: TuttiError("no such file", file: path)) { try ViewDocument.read(path: path) }
        #expect(throws: TuttiError("is a directory, not a view file", file: folder.url.path)) {
            try ViewDocument.read(path: folder.url.path)
        }
    }

    @Test func notJSONOrNotAnObject() throws {
        #expect(try readError("{\"version\": 1, oops") == "is not a view file: not valid JSON")
        #expect(try readError("[1, 2]") == "is not a view file: expected an object")
        #expect(try readError("") == "the file is empty")
    }

    @Test func versionsMissingOrNewer() throws {
        #expect(try readError("{\"layout\": {}}") == "is not a tutti view: it has no \"version\"")
        #expect(try readError("{\"version\": 2}") == "made by a newer tutti (version 2); this one reads version 1")
        #expect(try readError("{\"version\": \"1\"}") == "version: expected a number")
        #expect(try readError("{\"version\": 0}") == "has an unknown version 0")
    }

    @Test func badFieldsAreNamed() throws {
        let valid = try validText()
        #expect(try readError(valid) == nil)
        #expect(try readError(valid.replacingOccurrences(of: "\"group_columns\" : []", with: "\"group_columns\" : [1]"))
            == "group_columns[0]: expected a string")
        #expect(try readError(valid.replacingOccurrences(of: "\"roles\"", with: "\"rôles\"")) == "missing field roles")
        let badRows = valid.replacingOccurrences(of: "\"filter\" : {", with: "\"filter\" : {\"rows\": [[0, 4], [9, 2]],")
        let message = try readError(badRows)
        #expect(message == "filter.rows[1]: expected row numbers 0 ≤ first ≤ last, found [9, 2]")
    }
}
