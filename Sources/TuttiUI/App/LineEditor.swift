/// A one-line text editor with a cursor and a history, for the filter bar and the prompts.
public struct LineEditor: Sendable, Equatable {
    /// The text typed so far.
    public private(set) var text: String
    /// The cursor, as a character offset into `text`.
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
        var characters = Array(text)
        characters.insert(character, at: cursor)
        text = String(characters)
        cursor += 1
    }

    /// Inserts pasted text at the cursor (line breaks become spaces).
    public mutating func insert(_ string: String) {
        for character in string { insert(character == "\n" || character == "\r" ? " " : character) }
    }

    /// Deletes the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        text = String(characters)
    }

    /// Deletes the word before the cursor (Ctrl-W).
    public mutating func deleteWord() {
        while cursor > 0, Array(text)[cursor - 1] == " " { deleteBackward() }
        while cursor > 0, Array(text)[cursor - 1] != " " { deleteBackward() }
    }

    /// Deletes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        while cursor > 0 { deleteBackward() }
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
}
