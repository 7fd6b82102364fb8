import Testing
import TuttiTerminal
@testable import TuttiUI

@Suite struct ThemeErrorLineTests {
    @Test(arguments: [
        ("name = \"x\"\n[styles]\ntext = { fg = 1 }\nbar = { fg = 300 }\n", "broken.toml:4:9: style 'bar': fg must be"),
        ("[styles]\ntext = { fg = 1 }\nbarr = { fg = 3 }\n", "broken.toml:3:1: unknown style 'barr'"),
        ("[styles]\n\nbar = { fg = 1, colour = 3 }\n", "broken.toml:3:17: style 'bar': unknown key 'colour'"),
        ("[styles]\nbar = 7\n", "broken.toml:2:1: style 'bar' must be a table"),
        ("[styles.bar]\nbold = true\n  fg = \"red\"\n", "broken.toml:3:3: style 'bar': fg must be a colour number"),
        ("[styles]\n\"bar\".bg = 999\n", "broken.toml:2:7: style 'bar': bg must be"),
        ("# colours\n[styles\nbar = 1", "broken.toml:2:"),
    ])
    func errorsNameTheLineAndColumn(text: String, expected: String) {
        do {
            _ = try ThemeLoader.parse(text, name: "broken", source: "broken.toml")
            Issue.record("no error for \(text)")
        } catch {
            #expect("\(error)".hasPrefix(expected), "\(error)")
        }
    }

    @Test func aKeyThatIsNotWrittenLeavesTheFileAlone() {
        #expect(TOMLKeyLocation.find(["styles", "bar"], in: "[other]\nx = 1\n") == nil)
        #expect(TOMLKeyLocation.find(["styles", "bar", "fg"], in: "[styles]\nbar = { bg = 1 }\n")! == (2, 1))
    }
}
