import Testing
@testable import TuttiTerminal

@Suite struct InputDecoderMouseTests {
    private func mouse(_ button: MouseButton, _ action: MouseAction, _ x: Int, _ y: Int,
                       _ modifiers: KeyModifiers = []) -> TerminalEvent {
        .mouse(MouseEvent(button: button, action: action, x: x, y: y, modifiers: modifiers))
    }

    @Test func sgrPressAndRelease() {
        #expect(decodeAll(esc + "[<0;10;5M") == [mouse(.left, .press, 9, 4)])
        #expect(decodeAll(esc + "[<0;10;5m") == [mouse(.left, .release, 9, 4)])
        #expect(decodeAll(esc + "[<1;1;1M") == [mouse(.middle, .press, 0, 0)])
        #expect(decodeAll(esc + "[<2;300;200m") == [mouse(.right, .release, 299, 199)])
    }

    @Test func sgrDragAndMove() {
        #expect(decodeAll(esc + "[<32;11;5M") == [mouse(.left, .drag, 10, 4)])
        #expect(decodeAll(esc + "[<34;11;5M") == [mouse(.right, .drag, 10, 4)])
        #expect(decodeAll(esc + "[<35;12;6M") == [mouse(.none, .move, 11, 5)])
    }

    @Test func sgrWheel() {
        #expect(decodeAll(esc + "[<64;3;4M") == [mouse(.wheelUp, .press, 2, 3)])
        #expect(decodeAll(esc + "[<65;3;4M") == [mouse(.wheelDown, .press, 2, 3)])
        #expect(decodeAll(esc + "[<66;3;4M") == [])  // horizontal wheel: not used
    }

    @Test func sgrModifiers() {
        #expect(decodeAll(esc + "[<4;1;1M") == [mouse(.left, .press, 0, 0, .shift)])
        #expect(decodeAll(esc + "[<8;1;1M") == [mouse(.left, .press, 0, 0, .alt)])
        #expect(decodeAll(esc + "[<16;1;1M") == [mouse(.left, .press, 0, 0, .ctrl)])
        #expect(decodeAll(esc + "[<80;1;1M") == [mouse(.wheelUp, .press, 0, 0, .ctrl)])
    }

    @Test func sgrSplitAcrossFeeds() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array((esc + "[<0;1").utf8)) == [])
        #expect(decoder.feed(Array("2;7".utf8)) == [])
        #expect(decoder.feed(Array("Mx".utf8)) == [mouse(.left, .press, 11, 6), press(.character("x"))])
    }

    @Test func malformedSgrIsDropped() {
        #expect(decodeAll(esc + "[<0;5M" + "a") == [press(.character("a"))])
        #expect(decodeAll(esc + "[<0;0;0M" + "b") == [press(.character("b"))])
        #expect(decodeAll(esc + "[<;;M" + "c") == [press(.character("c"))])
        #expect(decodeAll(esc + "[<128;1;1M" + "d") == [press(.character("d"))])
    }

    @Test func x10Reports() {
        func x10(_ code: Int, _ x: Int, _ y: Int) -> [UInt8] {
            [0x1B, 0x5B, 0x4D, UInt8(32 + code), UInt8(33 + x), UInt8(33 + y)]
        }
        #expect(decodeAll(x10(0, 4, 2)) == [mouse(.left, .press, 4, 2)])
        #expect(decodeAll(x10(2, 0, 0)) == [mouse(.right, .press, 0, 0)])
        #expect(decodeAll(x10(3, 4, 2)) == [mouse(.none, .release, 4, 2)])
        #expect(decodeAll(x10(32, 5, 2)) == [mouse(.left, .drag, 5, 2)])
        #expect(decodeAll(x10(64, 1, 1)) == [mouse(.wheelUp, .press, 1, 1)])
        #expect(decodeAll(x10(65, 1, 1)) == [mouse(.wheelDown, .press, 1, 1)])
        #expect(decodeAll(x10(16, 1, 1)) == [mouse(.left, .press, 1, 1, .ctrl)])
        // Far columns are bytes above 127, which must not be taken for UTF-8.
        #expect(decodeAll(x10(0, 200, 3)) == [mouse(.left, .press, 200, 3)])
    }

    @Test func x10SplitAcrossFeeds() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B, 0x5B, 0x4D, 32]) == [])
        #expect(decoder.feed([40, 35]) == [mouse(.left, .press, 7, 2)])
    }

    @Test func x10WithImpossibleCoordinatesIsDropped() {
        #expect(decodeAll([0x1B, 0x5B, 0x4D, 32, 0, 40, 0x61]) == [press(.character("a"))])
    }
}
