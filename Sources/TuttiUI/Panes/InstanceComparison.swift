import TuttiCore

/// The row the instance pane compares the shown row with, so that what differs is marked: a row
/// pinned with `d`, or else — when the selection is one duplicate cluster holding the shown row —
/// the cluster's first row (its second when the first is shown), so stepping through a cluster
/// with `[` `]` shows what each copy changed.
struct InstanceComparison: Equatable {
    /// The row pinned with `d`, if any.
    private(set) var pinned: Int?

    /// Pins `row` as the row to compare with, or unpins it when it is pinned already.
    mutating func toggle(_ row: Int?) {
        pinned = pinned == row ? nil : row
    }

    /// The row `shown` is compared with in `state`, and why (for the pane's heading), or nil.
    func reference(for shown: Int, state: ExplorerState) -> (row: Int, reason: String)? {
        if let pinned, pinned != shown, pinned < state.dataset.rowCount {
            return (pinned, "pinned")
        }
        guard let selection = state.selection, case .duplicateCluster(_, let index) = selection.source, index >= 0,
              selection.rows.contains(shown) else { return nil }
        let members = selection.rows.members.prefix(2)
        guard let other = members.first(where: { $0 != shown }) else { return nil }
        return (other, "cluster's \(other == members.first ? "first" : "second")")
    }

    /// The paragraphs of `text` (split at line breaks) as words (split at white space), each
    /// marked: a match of `search` as a match, else a word outside a longest common subsequence
    /// with `reference`'s words as changed (none when there is no reference or the texts are
    /// equal). The words of all paragraphs are those `WordDiff.words` finds in the whole text.
    static func markedParagraphs(_ text: String, reference: String?, search: CellSearch?) -> [[(text: String, mark: TextMark)]] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        var changed: [Bool] = []
        if let reference, reference != text { changed = WordDiff(reference, text).rightChanged }
        var index = 0
        return paragraphs.map { words in
            let matches = search?.matching(words) ?? words.map { _ in false }
            return words.indices.map { offset in
                defer { index += 1 }
                let mark: TextMark = matches[offset] ? .match : index < changed.count && changed[index] ? .changed : .plain
                return (words[offset], mark)
            }
        }
    }
}
