import Foundation
import Testing
import TuttiTestSupport

/// The scatter and instance panes in a real terminal: the demo's scatter plot in Braille, a
/// rectangle brushed with Shift+arrows and committed into a selection `f` turns into the
/// ranges' filter; a digit of sklearn's digits drawn legibly in the instance pane, stepping on
/// with `]`.
@Suite(.serialized) struct ScatterInstanceEndToEndTests {
    static let digits = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TuttiCoreTests/Fixtures/digits.jsonl.gz").path

    @Test func aRectangleBrushOnTheScatterPlotBecomesAFilterOfItsRanges() throws {
        let session = try TmuxSession(width: 140, height: 44)
        try session.startDemo()
        try session.keys("6", "z")
        #expect(session.waitFor("Scatter: x: age · y: fnlwgt"), "\(session.screen())")
        session.waitForStableScreen()
        let braille = session.screen().unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count
        #expect(braille > 200, "the plot shows Braille dots:\n\(session.screen())")
        // The cursor starts at the top left: bring it down into the points, then brush.
        for _ in 0..<20 { try session.keys("j") }
        for _ in 0..<10 { try session.keys("l") }
        try session.keys("S-Right", "S-Right", "S-Right", "S-Right", "S-Down", "S-Down", "S-Down")
        #expect(session.waitForStatus { !$0.contains(" 0 selected") }, "the brush selected nothing:\n\(session.screen())")
        try session.keys("Enter")
        session.waitForStableScreen()
        let selected = session.statusLine.firstMatch(of: /([\d,]+) selected/).map { String($0.1) } ?? "?"
        #expect(selected != "0" && selected != "?", "\(session.statusLine)")
        try session.keys("f")
        #expect(session.waitFor("age >= "), "f filters to the ranges:\n\(session.screen())")
        #expect(session.waitForStatus { $0.contains("\(selected) filtered") }, "\(session.statusLine) vs \(selected)")
    }

    /// Row `row`'s 8×8 pixels as the plain-terminal image draws them: "██" for ink (half the
    /// row's largest grey level or more), two spaces for none, a line per pixel row.
    static func inkPattern(_ row: Int) throws -> [String] {
        let text = try TmuxSession.shell("gzip -dc \(TmuxSession.shellQuoted(digits)) | sed -n \(row + 1)p")
        let list = try #require(text.firstMatch(of: /"pixels":\[([0-9,]+)\]/)).1
        let pixels = list.split(separator: ",").compactMap { Int($0) }
        let high = pixels.max() ?? 1
        return (0..<8).map { line in (0..<8).map { pixels[line * 8 + $0] * 2 >= high ? "██" : "  " }.joined() }
    }

    @Test func aDigitIsLegibleInTheInstancePane() throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["NO_COLOR": "1"])
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) \(TmuxSession.shellQuoted(Self.digits))")
        #expect(session.waitFor("1,797 filtered"), "\(session.screen())")
        try session.keys("2", "j", "j", "j", "7", "z")
        #expect(session.waitFor("Instance: row 3"), "\(session.screen())")
        session.waitForStableScreen()
        let expected = try Self.inkPattern(3)
        #expect(expected.joined().contains("█"))
        let lines = session.lines
        let top = try #require(lines.firstIndex { $0.contains("pixels") }, "\(session.screen())")
        let drawn = lines[(top + 1)...].prefix(8).map { line -> String in
            let cells = Array(line)
            let start = cells.firstIndex(of: "│").map { $0 + 1 } ?? 0
            let image = String(cells[min(start + 7, cells.count)...]).prefix(16)
            return String(image).padding(toLength: 16, withPad: " ", startingAt: 0)
        }
        #expect(drawn == expected, "the digit 3 as drawn:\n\(drawn.joined(separator: "\n"))\nexpected:\n\(expected.joined(separator: "\n"))")
        try session.keys("]")
        #expect(session.waitFor("Instance: row 4"), "\(session.screen())")
    }
}
