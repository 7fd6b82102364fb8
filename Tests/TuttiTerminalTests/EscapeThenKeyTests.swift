import Testing
@testable import TuttiTerminal

/// Esc and a key: two keys when the key comes after the escape delay, Alt+key when it comes in
/// the same read (the keymap reads an unbound Alt+key as Esc then the key).
@Suite struct EscapeThenKeyTests {
    @Test func escapeThenAKeyAfterTheDelayIsTwoKeys() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.flushDelay == InputDecoder.escapeDelay)
        #expect(decoder.flush() == [press(.escape)])
        #expect(decoder.feed(Array("?".utf8)) == [press(.character("?"))])
    }

    @Test func escapeAndAKeyInOneReadIsAltKey() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array((esc + "?").utf8)) == [.key(.alt("?"))])
        #expect(decoder.flushDelay == nil)
        // Split across reads but within the delay: the same.
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.feed(Array("j".utf8)) == [.key(.alt("j"))])
    }
}
