import Foundation
import Testing
import TuttiTerminal
import TuttiThemes
@testable import TuttiUI

@Suite struct ThemeTests {
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func shippedThemesAllParseAndCoverEveryRole() throws {
        let loader = ThemeLoader(files: ThemeFolders(environment: [:]).read())
        let names = loader.available().map(\.name)
        #expect(Set(["default", "light", "high-contrast", "sixteen", "monochrome"]).isSubset(of: Set(names)))
        for name in names {
            let theme = try loader.load(name)
            for role in ThemeRole.allCases where role != .text && role != .bar {
                #expect(theme[role] != .plain || name == "monochrome", "\(name) leaves \(role.rawValue) plain")
            }
        }
        #expect(try loader.load("monochrome").colors == 0)
        #expect(try loader.load("sixteen").colors == 16)
    }

    @Test func parsesStylesAndAttributes() throws {
        let theme = try ThemeLoader.parse("""
            name = "t"
            colors = 256
            [styles]
            bar = { fg = 67, bold = true }
            cursor = { bg = 237, reverse = true, underline = true }
            """, name: "t", source: "t.toml")
        #expect(theme[.bar] == CellStyle(foreground: .indexed(67), attributes: .bold))
        #expect(theme[.cursor] == CellStyle(background: .indexed(237), attributes: [.reverse, .underline]))
        #expect(theme[.text] == .plain)
    }

    @Test(arguments: [
        ("[styles]\nbar = { fg = 300 }", "style 'bar': fg must be a colour number from 0 to 255"),
        ("[styles]\nbarr = { fg = 3 }", "unknown style 'barr' — did you mean 'bar'?"),
        ("[styles]\nbar = { colour = 3 }", "unknown key 'colour'"),
        ("name = \"x\"", "missing the [styles] table"),
        ("[styles\nbar = 1", "broken.toml:1:"),
    ])
    func brokenThemesSayWhatIsWrong(text: String, expected: String) {
        do {
            _ = try ThemeLoader.parse(text, name: "broken", source: "broken.toml")
            Issue.record("no error for \(text)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }

    @Test func userThemesWinAndBrokenOnesFallBackToTheDefault() throws {
        let user = try folder([
            "default.toml": "name = \"mine\"\n[styles]\nbar = { fg = 1 }\n",
            "broken.toml": "[styles]\nbar = { fg = -1 }\n",
        ])
        defer { try? FileManager.default.removeItem(at: user) }
        let shipped = ThemeFolders(environment: [:]).folders
        let loader = ThemeLoader(files: ThemeFolders(folders: [user] + shipped).read())
        #expect(try loader.load("default")[.bar] == CellStyle(foreground: .indexed(1)))
        let (theme, warning) = ThemeChoice.resolve(requested: "broken", colors: 256, noColor: false, loader: loader)
        #expect(theme.name == "mine")
        #expect(warning?.contains("broken.toml") == true)
        let missing = ThemeChoice.resolve(requested: "nope", colors: 256, noColor: false, loader: loader)
        #expect(missing.warning?.contains("no theme called 'nope'") == true)
    }

    @Test func colourDepthPicksTheThemeAndNoColorStripsColours() {
        let loader = ThemeLoader(files: ThemeFolders(environment: [:]).read())
        #expect(ThemeChoice.resolve(requested: nil, colors: 256, noColor: false, loader: loader).theme.name == "default")
        #expect(ThemeChoice.resolve(requested: nil, colors: 16, noColor: false, loader: loader).theme.name == "sixteen")
        #expect(ThemeChoice.resolve(requested: nil, colors: 8, noColor: false, loader: loader).theme.name == "sixteen")
        let plain = ThemeChoice.resolve(requested: "default", colors: 256, noColor: true, loader: loader).theme
        for role in ThemeRole.allCases {
            #expect(plain[role].foreground == .standard && plain[role].background == .standard)
        }
        #expect(plain[.barSelected].attributes.contains(.bold))
    }

    @Test func userFolderFollowsXDG() {
        let loader = ThemeFolders(environment: ["XDG_CONFIG_HOME": "/tmp/cfg", "HOME": "/home/u"])
        #expect(loader.folders.first?.path == "/tmp/cfg/tutti/themes")
        let home = ThemeFolders(environment: ["HOME": "/home/u"])
        #expect(home.folders.first?.path == "/home/u/.config/tutti/themes")
    }
}
