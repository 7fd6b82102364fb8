import Testing
@testable import TuttiTerminal

@Suite struct InputDecoderPasteTests {
    private let start = esc + "[200~", end = esc + "[201~"

    @Test func bracketedPaste() {
        #expect(decodeAll(start + "hello wörld" + end) == [.paste("hello wörld")])
    }

    @Test func pasteKeepsWhatLooksLikeKeys() {
        #expect(decodeAll(start + "q\t" + esc + "[A\u{03}" + end + "x") == [
            .paste("q\t" + esc + "[A\u{03}"), press(.character("x")),
        ])
    }

    @Test func lineEndsBecomeNewlines() {
        #expect(decodeAll(start + "a\rb\r\nc\nd" + end) == [.paste("a\nb\nc\nd")])
    }

    @Test func keysAroundAPaste() {
        #expect(decodeAll("a" + start + "b" + end + "c") == [press(.character("a")), .paste("b"), press(.character("c"))])
    }

    @Test func pasteSplitAcrossFeedsIncludingTheMarkers() {
        var decoder = InputDecoder()
        let bytes = Array((start + "split 中 paste" + end + "z").utf8)
        var events: [TerminalEvent] = []
        for byte in bytes { events += decoder.feed([byte]) }
        #expect(events == [.paste("split 中 paste"), press(.character("z"))])
    }

    @Test func pasteWaitsLongerThanALoneEscape() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array((start + "abc").utf8)) == [])
        #expect(decoder.flushDelay == InputDecoder.pasteIdleLimit)
        #expect(decoder.feed(Array(("def" + end).utf8)) == [.paste("abcdef")])
    }

    @Test func unfinishedPasteIsDeliveredOnFlush() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array((start + "lost end" + esc + "[20").utf8)) == [])
        #expect(decoder.flush() == [.paste("lost end" + esc + "[20")])
        #expect(decoder.feed(Array("k".utf8)) == [press(.character("k"))])
    }

    @Test func emptyPaste() {
        #expect(decodeAll(start + end) == [.paste("")])
    }

    @Test func strayPasteEndIsDropped() {
        #expect(decodeAll(end + "a") == [press(.character("a"))])
    }
}
