import Foundation
import Testing
@testable import TuttiCore

/// View files too large to be views: thousands of panes, splits nested hundreds deep, a device.
@Suite struct ViewLimitTests {
    /// The error reading a view of Adult with `layout`, or nil when it reads.
    func readError(layout: LayoutNode<ViewPane>) throws -> TuttiError? {
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        let view = ViewDocument(state: state, datasetPath: "adult.csv", layout: layout, focus: 0, theme: nil)
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v.json").path
        try view.write(to: path, overwrite: false)
        do {
            _ = try ViewDocument.read(path: path)
            return nil
        } catch let error as TuttiError {
            #expect(error.file == path)
            return error
        }
    }

    func row(_ count: Int) -> LayoutNode<ViewPane> {
        .split(.horizontal, Array(repeating: .pane(ViewPane(kind: .rows)), count: count),
               weights: Array(repeating: 1, count: count))
    }

    func nested(_ depth: Int) -> LayoutNode<ViewPane> {
        (0..<depth).reduce(LayoutNode.pane(ViewPane(kind: .summary))) { inner, _ in
            .split(.vertical, [inner, .pane(ViewPane(kind: .rows))], weights: [1, 1])
        }
    }

    @Test func thousandsOfPanesAreRefused() throws {
        #expect(try readError(layout: row(5_000))?.message == "the layout has 5,000 panes; a view holds at most 64")
        #expect(try readError(layout: row(ViewDocument.maxPanes + 1)) != nil)
        #expect(try readError(layout: row(ViewDocument.maxPanes)) == nil)
    }

    @Test func deeplyNestedSplitsAreRefused() throws {
        let tooDeep = ViewDocument.maxDepth + 1
        // A chain of splits holds one more pane than it has splits; keep within the pane cap.
        #expect(tooDeep + 1 <= ViewDocument.maxPanes)
        #expect(try readError(layout: nested(tooDeep))?.message
            == "the layout nests splits \(tooDeep) deep; a view nests them at most \(ViewDocument.maxDepth) deep")
        #expect(try readError(layout: nested(ViewDocument.maxDepth)) == nil)
    }

    /// Far deeper than any encoder writes (by hand): refused by the JSON reader or the cap,
    /// never a crash.
    @Test func handWrittenSplitsHundredsDeepAreRefused() throws {
        let state = ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult))
        let view = ViewDocument(state: state, datasetPath: "adult.csv", layout: .pane(ViewPane(kind: .rows)),
                                focus: 0, theme: nil)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(view)) as? [String: Any])
        object["layout"] = "LAYOUT"
        let pane = #"{"pane":{"kind":"rows"}}"#
        let layout = (0..<600).reduce(pane) { inner, _ in #"{"split":"vertical","children":["# + inner + "," + pane + "]}" }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            .replacingOccurrences(of: #""LAYOUT""#, with: layout)
        let folder = try TemporaryFolder()
        #expect(try ViewDocument.read(path: try folder.write("shallow.json", text.replacingOccurrences(of: layout, with: pane)))
            .layout.paneCount == 1)
        let path = try folder.write("deep.json", text)
        #expect(throws: TuttiError.self) { try ViewDocument.read(path: path) }
    }

    @Test func aDeviceIsNoViewFile() {
        #expect(throws: TuttiError("is a device (such as /dev/zero), not a view file", file: "/dev/zero")) {
            try ViewDocument.read(path: "/dev/zero")
        }
    }
}
