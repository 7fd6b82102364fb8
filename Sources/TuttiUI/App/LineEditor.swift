/// A one-line text editor with a cursor and a history, for the filter bar and the prompts.
///
/// It edits by grapheme cluster, what a reader sees as one character: the cursor moves over,
/// and Backspace and Delete remove, a whole letter with its accents, a flag or a family
/// emoji. A combining accent typed after a letter joins that letter.
public struct LineEditor: Sendable, Equatable {
    /// The text typed so far.
    public private(set) var text: String
    /// The cursor, as a grapheme cluster (`Character`) offset into `text`, from 0 to `text.count`.
    public private(set) var cursor: Int
    private var history: [String]
    private var historyIndex: Int

    /// An editor starting with `text`, the cursor at its end, and earlier entries to recall.
    public init(text: String, history: [String] = []) {
        self.text = text
        cursor = text.count
        self.history = history
        historyIndex = history.count
    }

    /// Inserts a character at the cursor.
    public mutating func insert(_ character: Character) {
        insert(String(character))
    }

    /// Inserts pasted text at the cursor (line breaks become spaces).
    public mutating func insert(_ string: String) {
        let inserted = String(string.map { $0.isNewline ? " " : $0 })
        let at = cursorIndex
        let end = text.utf8.distance(from: text.startIndex, to: at) + inserted.utf8.count
        text.insert(contentsOf: inserted, at: at)
        placeCursor(atUTF8Offset: end)
    }

    /// Deletes the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let end = cursorIndex
        let start = text.index(before: end)
        let offset = text.utf8.distance(from: text.startIndex, to: start)
        text.removeSubrange(start..<end)
        placeCursor(atUTF8Offset: offset)
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        let start = cursorIndex
        guard start < text.endIndex else { return }
        let offset = text.utf8.distance(from: text.startIndex, to: start)
        text.removeSubrange(start..<text.index(after: start))
        placeCursor(atUTF8Offset: offset)
    }

    /// Deletes the word before the cursor (Ctrl-W).
    public mutating func deleteWord() {
        let end = cursorIndex
        var start = end
        while start > text.startIndex, text[text.index(before: start)] == " " { start = text.index(before: start) }
        while start > text.startIndex, text[text.index(before: start)] != " " { start = text.index(before: start) }
        let offset = text.utf8.distance(from: text.startIndex, to: start)
        text.removeSubrange(start..<end)
        placeCursor(atUTF8Offset: offset)
    }

    /// Deletes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        text.removeSubrange(text.startIndex..<cursorIndex)
        cursor = 0
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    /// Recalls the previous (`-1`) or next (`+1`) entry of the history.
    public mutating func recall(_ step: Int) {
        guard !history.isEmpty else { return }
        historyIndex = min(max(historyIndex + step, 0), history.count)
        text = historyIndex < history.count ? history[historyIndex] : ""
        cursor = text.count
    }

    /// Where the cursor is in `text`.
    private var cursorIndex: String.Index {
        text.index(text.startIndex, offsetBy: cursor, limitedBy: text.endIndex) ?? text.endIndex
    }

    /// Puts the cursor at the first character boundary at or after the UTF-8 offset `offset`:
    /// after an edit, neighbouring characters may have joined (a letter and an accent, two
    /// halves of a flag) or split, so the old count of characters no longer holds.
    private mutating func placeCursor(atUTF8Offset offset: Int) {
        var count = 0, position = 0
        for character in text {
            guard position < offset else { break }
            position += character.utf8.count
            count += 1
        }
        cursor = count
    }
}
