import Testing
@testable import TuttiTerminal

@Suite struct ColorTests {
    @Test func paletteValues() {
        #expect(ColorPalette.rgb(1) == (205, 0, 0))
        #expect(ColorPalette.rgb(16) == (0, 0, 0))
        #expect(ColorPalette.rgb(196) == (255, 0, 0))
        #expect(ColorPalette.rgb(21) == (0, 0, 255))
        #expect(ColorPalette.rgb(231) == (255, 255, 255))
        #expect(ColorPalette.rgb(232) == (8, 8, 8))
        #expect(ColorPalette.rgb(255) == (238, 238, 238))
    }

    @Test func colorsTheTerminalHasAreKept() {
        #expect(ColorPalette.nearest(200, colors: 256) == 200)
        #expect(ColorPalette.nearest(12, colors: 16) == 12)
        #expect(ColorPalette.nearest(3, colors: 8) == 3)
    }

    @Test func from256To16() {
        #expect(ColorPalette.nearest(196, colors: 16) == 9)  // bright red
        #expect(ColorPalette.nearest(21, colors: 16) == 4)  // blue
        #expect(ColorPalette.nearest(231, colors: 16) == 15)  // white
        #expect(ColorPalette.nearest(244, colors: 16) == 8)  // mid grey
        #expect(ColorPalette.nearest(16, colors: 16) == 0)  // black
        #expect(ColorPalette.nearest(46, colors: 16) == 10)  // green
    }

    @Test func from256And16To8() {
        #expect(ColorPalette.nearest(196, colors: 8) == 1)
        #expect(ColorPalette.nearest(9, colors: 8) == 1)
        #expect(ColorPalette.nearest(12, colors: 8) == 4)
        #expect(ColorPalette.nearest(14, colors: 8) == 6)
        #expect(ColorPalette.nearest(15, colors: 8) == 7)
        #expect(ColorPalette.nearest(8, colors: 8) == 7)  // grey stays grey: not black, not yellow
        #expect(ColorPalette.nearest(244, colors: 8) == 7)
        #expect(ColorPalette.nearest(236, colors: 8) == 0)  // dark grey
        #expect(ColorPalette.nearest(226, colors: 8) == 3)  // yellow
        #expect(ColorPalette.nearest(100, colors: 8) == 3)  // olive
    }

    @Test func directColorTerminalsTakeRGB() {
        #expect(ColorPalette.cursesColor(196, colors: 0x1000000) == 0xFF0000)
        #expect(ColorPalette.cursesColor(3, colors: 0x1000000) == 3)
        #expect(ColorPalette.cursesColor(196, colors: 256) == 196)
        #expect(ColorPalette.cursesColor(196, colors: 8) == 1)
    }

    @Test func pairsAreAllocatedOnDemandAndReused() {
        var table = ColorPairTable(limit: 3)
        #expect(table.pair(foreground: -1, background: -1) == .existing(0))
        #expect(table.pair(foreground: 1, background: -1) == .new(1))
        #expect(table.pair(foreground: 1, background: 4) == .new(2))
        #expect(table.pair(foreground: 1, background: -1) == .existing(1))
        #expect(table.pair(foreground: 2, background: 2) == .exhausted)
        #expect(table.pair(foreground: 1, background: 4) == .existing(2))
    }

    @Test func capabilities() {
        #expect(TerminalCapabilities.normalizedColorCount(-1) == 0)
        #expect(TerminalCapabilities.normalizedColorCount(8) == 8)
        #expect(TerminalCapabilities.normalizedColorCount(88) == 16)
        #expect(TerminalCapabilities.normalizedColorCount(256) == 256)
        #expect(TerminalCapabilities.normalizedColorCount(0x1000000) == 256)
        let mono = TerminalCapabilities(colors: 0, usesColor: true, unicode: false)
        #expect(!mono.usesColor && mono.usableColors == 0)
        let noColor = TerminalCapabilities(colors: 256, usesColor: false)
        #expect(noColor.colors == 256 && noColor.usableColors == 0 && noColor.unicode)
        #expect(TerminalCapabilities(colors: 16).usableColors == 16)
    }

    @Test func noColorIsHonouredWhenSetAndNotEmpty() {
        #expect(TerminalCapabilities.noColorRequested("1"))
        #expect(TerminalCapabilities.noColorRequested("0"))
        #expect(!TerminalCapabilities.noColorRequested(""))
        #expect(!TerminalCapabilities.noColorRequested(nil))
    }
}
