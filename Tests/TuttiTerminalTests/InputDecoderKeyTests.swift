import Testing
@testable import TuttiTerminal

@Suite struct InputDecoderKeyTests {
    @Test func printableCharacters() {
        #expect(decodeAll("aZ9 ~") == [
            press(.character("a")), press(.character("Z")), press(.character("9")),
            press(.character(" ")), press(.character("~")),
        ])
    }

    @Test func unicodeCharacters() {
        #expect(decodeAll("é中😀") == [press(.character("é")), press(.character("中")), press(.character("😀"))])
    }

    @Test func utf8SplitAcrossFeeds() {
        var decoder = InputDecoder()
        let bytes = Array("中😀".utf8)  // 3 + 4 bytes
        #expect(decoder.feed([bytes[0]]) == [])
        #expect(decoder.feed([bytes[1]]) == [])
        #expect(decoder.feed([bytes[2], bytes[3]]) == [press(.character("中"))])
        #expect(decoder.flushDelay != nil)
        #expect(decoder.feed(Array(bytes[4...])) == [press(.character("😀"))])
        #expect(decoder.flushDelay == nil)
    }

    @Test func invalidUTF8IsDropped() {
        #expect(decodeAll([0xFF, 0x61, 0xC3, 0x28, 0x80, 0xED, 0xA0, 0x80, 0x62]) == [
            press(.character("a")), press(.character("(")), press(.character("b")),
        ])
    }

    @Test func partialUTF8IsDroppedOnFlush() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0xE4, 0xB8]) == [])
        #expect(decoder.flush() == [])
        #expect(decoder.feed(Array("x".utf8)) == [press(.character("x"))])
    }

    @Test func controlKeys() {
        #expect(key("\r") == KeyEvent(.enter))
        #expect(key("\n") == KeyEvent(.enter))
        #expect(key("\t") == KeyEvent(.tab))
        #expect(key("\u{7F}") == KeyEvent(.backspace))
        #expect(key("\u{08}") == KeyEvent(.backspace))
        #expect(key("\u{00}") == KeyEvent(.character(" "), modifiers: .ctrl))
    }

    @Test func ctrlLetters() {
        #expect(key("\u{01}") == .ctrl("a"))
        #expect(key("\u{03}") == .ctrl("c"))
        #expect(key("\u{12}") == .ctrl("r"))
        #expect(key("\u{1A}") == .ctrl("z"))
        #expect(key("\u{1C}") == .ctrl("\\"))
        #expect(key("\u{1F}") == .ctrl("_"))
    }

    @Test func xtermCursorAndEditingKeys() {
        let expected: [(String, Key)] = [
            ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("[F", .end),
            ("[1~", .home), ("[2~", .insert), ("[3~", .delete), ("[4~", .end), ("[5~", .pageUp), ("[6~", .pageDown),
        ]
        for (sequence, expectedKey) in expected { #expect(key(esc + sequence) == KeyEvent(expectedKey), "\(sequence)") }
    }

    @Test func applicationCursorMode() {
        let expected: [(String, Key)] = [("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left), ("OH", .home), ("OF", .end)]
        for (sequence, expectedKey) in expected { #expect(key(esc + sequence) == KeyEvent(expectedKey), "\(sequence)") }
    }

    @Test func functionKeys() {
        let expected: [(String, Int)] = [
            ("OP", 1), ("OQ", 2), ("OR", 3), ("OS", 4), ("[15~", 5), ("[17~", 6), ("[18~", 7), ("[19~", 8),
            ("[20~", 9), ("[21~", 10), ("[23~", 11), ("[24~", 12),
            // rxvt and old xterm
            ("[11~", 1), ("[12~", 2), ("[13~", 3), ("[14~", 4),
            // linux console
            ("[[A", 1), ("[[B", 2), ("[[C", 3), ("[[D", 4), ("[[E", 5),
        ]
        for (sequence, number) in expected { #expect(key(esc + sequence) == KeyEvent(.function(number)), "\(sequence)") }
    }

    @Test func modifierParameters() {
        #expect(key(esc + "[1;5A") == KeyEvent(.up, modifiers: .ctrl))
        #expect(key(esc + "[1;2B") == KeyEvent(.down, modifiers: .shift))
        #expect(key(esc + "[1;3C") == KeyEvent(.right, modifiers: .alt))
        #expect(key(esc + "[1;8D") == KeyEvent(.left, modifiers: [.ctrl, .alt, .shift]))
        #expect(key(esc + "[1;9H") == KeyEvent(.home, modifiers: .alt))  // meta
        #expect(key(esc + "[3;5~") == KeyEvent(.delete, modifiers: .ctrl))
        #expect(key(esc + "[5;2~") == KeyEvent(.pageUp, modifiers: .shift))
        #expect(key(esc + "[1;2P") == KeyEvent(.function(1), modifiers: .shift))
        #expect(key(esc + "[15;5~") == KeyEvent(.function(5), modifiers: .ctrl))
        #expect(key(esc + "O5A") == KeyEvent(.up, modifiers: .ctrl))
        #expect(key(esc + "O1;2P") == KeyEvent(.function(1), modifiers: .shift))
    }

    @Test func shiftTab() {
        #expect(key(esc + "[Z") == KeyEvent(.tab, modifiers: .shift))
        #expect(KeyEvent(.tab, modifiers: .shift).description == "shift+tab")
    }

    @Test func rxvtKeys() {
        #expect(key(esc + "[7~") == KeyEvent(.home))
        #expect(key(esc + "[8~") == KeyEvent(.end))
        #expect(key(esc + "[a") == KeyEvent(.up, modifiers: .shift))
        #expect(key(esc + "[d") == KeyEvent(.left, modifiers: .shift))
        #expect(key(esc + "Oa") == KeyEvent(.up, modifiers: .ctrl))
        #expect(key(esc + "Oc") == KeyEvent(.right, modifiers: .ctrl))
        #expect(key(esc + "[3^") == KeyEvent(.delete, modifiers: .ctrl))
        #expect(key(esc + "[2$") == KeyEvent(.insert, modifiers: .shift))
        #expect(key(esc + "[5@") == KeyEvent(.pageUp, modifiers: [.ctrl, .shift]))
        #expect(key(esc + esc + "[A") == KeyEvent(.up, modifiers: .alt))
    }

    @Test func keypadInApplicationMode() {
        #expect(key(esc + "OM") == KeyEvent(.enter))
        #expect(key(esc + "Op") == .character("0"))
        #expect(key(esc + "Oy") == .character("9"))
        #expect(key(esc + "Ok") == .character("+"))
    }

    @Test func altKeys() {
        #expect(key(esc + "x") == .alt("x"))
        #expect(key(esc + "X") == .alt("X"))
        #expect(key(esc + "é") == .alt("é"))
        #expect(key(esc + "\u{7F}") == KeyEvent(.backspace, modifiers: .alt))
        #expect(key(esc + "\r") == KeyEvent(.enter, modifiers: .alt))
        #expect(key(esc + "\u{01}") == KeyEvent(.character("a"), modifiers: [.ctrl, .alt]))
    }

    @Test func loneEscapeWaitsForTheDelay() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flushDelay == InputDecoder.escapeDelay)
        #expect(decoder.flush() == [press(.escape)])
        #expect(decoder.flushDelay == nil)
    }

    @Test func escapeThenLetterInTheSameReadIsAlt() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.feed(Array("x".utf8)) == [.key(.alt("x"))])
    }

    @Test func escapeThenLetterAfterTheDelayIsTwoKeys() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flush() == [press(.escape)])
        #expect(decoder.feed(Array("x".utf8)) == [press(.character("x"))])
    }

    @Test func sequenceSplitAcrossFeeds() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.feed(Array("[1;".utf8)) == [])
        #expect(decoder.feed(Array("5".utf8)) == [])
        #expect(decoder.feed(Array("Ajk".utf8)) == [
            press(.up, .ctrl), press(.character("j")), press(.character("k")),
        ])
    }

    @Test func doubleEscape() {
        #expect(decodeAll(esc + esc) == [press(.escape), press(.escape)])
        #expect(decodeAll(esc + esc + "x") == [press(.escape), .key(.alt("x"))])
    }

    @Test func unfinishedSequencesOnFlush() {
        #expect(decodeAll(esc + "[") == [.key(.alt("["))])
        #expect(decodeAll(esc + "O") == [.key(.alt("O"))])
        #expect(decodeAll(esc + "[1;5") == [])
        #expect(decodeAll(esc + esc + "[") == [press(.escape), .key(.alt("["))])
    }

    @Test func manyKeysInOneRead() {
        #expect(decodeAll("q" + esc + "[B" + esc + "OP\r") == [
            press(.character("q")), press(.down), press(.function(1)), press(.enter),
        ])
    }

    @Test func unknownSequencesAreDropped() {
        #expect(decodeAll(esc + "[99~a") == [press(.character("a"))])
        #expect(decodeAll(esc + "[?1;2c" + "b") == [press(.character("b"))])  // a device-attributes reply
        #expect(decodeAll(esc + "[E" + esc + "[I" + esc + "[O" + "c") == [press(.character("c"))])
        #expect(decodeAll(esc + "[1 q" + "d") == [press(.character("d"))])  // an intermediate byte
        #expect(decodeAll(esc + "Oz" + "e") == [press(.character("e"))])
        #expect(decodeAll(esc + "[[Z" + "f") == [press(.character("Z")), press(.character("f"))])
    }

    @Test func sequenceCutByAControlByteKeepsTheControlByte() {
        #expect(decodeAll(esc + "[1;5\u{03}") == [.key(.ctrl("c"))])
        #expect(decodeAll(esc + "O1\r") == [press(.enter)])
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        var decoder = InputDecoder()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...24, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Plenty of sequence starts, to reach the parsers.
            if Bool.random(using: &generator) { bytes.insert(contentsOf: [0x1B, 0x5B], at: 0) }
            _ = decoder.feed(bytes)
            if Bool.random(using: &generator) { _ = decoder.flush() }
        }
        _ = decoder.flush()
        // A lone paste start must not swallow input forever: flushing ends it.
        _ = decoder.flush()
        #expect(decoder.flushDelay == nil)
        #expect(decoder.feed(Array("z".utf8)) == [press(.character("z"))])
    }

    @Test func overlongSequenceIsDropped() {
        let long = esc + "[" + String(repeating: "1;", count: 40) + "A" + "g"
        let events = decodeAll(long)
        #expect(events.last == press(.character("g")))
        #expect(!events.contains(press(.up)))
    }
}
