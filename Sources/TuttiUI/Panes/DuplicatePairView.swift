import TuttiCore
import TuttiTerminal

/// The pair viewer of the duplicates pane, laid out for one width: two rows side by side, the
/// differing columns first and marked `≠`. String cells are word-wrapped over as many lines as
/// they need, both sides aligned line by line, and in differing ones the words that differ are
/// marked; other differing cells are marked whole.
struct DuplicatePairView {
    /// One screen line of a cell.
    struct Line {
        /// The column's name.
        let name: String
        /// Whether this is the cell's first line.
        let isFirst: Bool
        /// Whether the two values differ.
        let differs: Bool
        let left: [TextRun]
        let right: [TextRun]
    }

    /// The rows compared.
    let rows: (first: Int, second: Int)
    /// The width laid out for.
    let width: Int
    let nameWidth: Int
    let valueWidth: Int
    /// Every line, differing cells first.
    let lines: [Line]
    /// Whether some text differed in more words than were compared (`WordDiff.wordLimit`).
    let isPartial: Bool
    /// The two rows' own similarity under the cluster's measure ("Jaccard 0.857", "cosine 0.962"),
    /// shown after the second row's head; nil for exact duplicates and conflicts.
    let similarity: String?

    /// Lays out rows `a` and `b` of `dataset` for `width` cells; `similarity` is the pair's own.
    init(dataset: Dataset, rows a: Int, _ b: Int, width: Int, ellipsis: Character, similarity: String? = nil) {
        rows = (a, b)
        self.similarity = similarity
        self.width = width
        nameWidth = min(max(dataset.columns.map { DisplayWidth.of($0.name) }.max() ?? 4, 4), max(8, width / 4))
        let valueWidth = max(4, (width - nameWidth - 4) / 2)
        self.valueWidth = valueWidth
        let cells = dataset.columns.map { column in
            (column, column.isPresent(a) ? column.text(at: a) : "(missing)", column.isPresent(b) ? column.text(at: b) : "(missing)")
        }
        // Differing cells first: they are what the viewer is for.
        let ordered = cells.enumerated()
            .sorted { ($0.element.1 == $0.element.2 ? 1 : 0, $0.offset) < ($1.element.1 == $1.element.2 ? 1 : 0, $1.offset) }
            .map(\.element)
        var lines: [Line] = []
        var isPartial = false
        for (column, left, right) in ordered {
            let differs = left != right
            let leftLines: [[TextRun]], rightLines: [[TextRun]]
            if column.kind == .text || column.kind == .categorical {
                let words = Self.markedWords(left, right, differs: differs)
                isPartial = isPartial || words.isPartial
                leftLines = TextWrapping.wrap(words.left, width: valueWidth)
                rightLines = TextWrapping.wrap(words.right, width: valueWidth)
            } else {
                leftLines = [[TextRun(text: TextFitting.fit(left.replacingNewlines(), valueWidth, ellipsis: ellipsis), mark: differs ? .changed : .plain)]]
                rightLines = [[TextRun(text: TextFitting.fit(right.replacingNewlines(), valueWidth, ellipsis: ellipsis), mark: differs ? .changed : .plain)]]
            }
            for index in 0..<max(leftLines.count, rightLines.count) {
                lines.append(Line(name: column.name, isFirst: index == 0, differs: differs,
                                  left: index < leftLines.count ? leftLines[index] : [],
                                  right: index < rightLines.count ? rightLines[index] : []))
            }
        }
        self.lines = lines
        self.isPartial = isPartial
    }

    /// The similarity of rows `a` and `b` of a near-duplicate cluster (or a leak found through
    /// one), measured as the search measured it: Jaccard on the text column, cosine on the vector
    /// column of `roles`. Nil for other clusters.
    static func similarity(of cluster: DuplicateCluster, rows a: Int, _ b: Int, dataset: Dataset,
                           roles: ColumnRoles) -> String? {
        switch cluster.basis ?? cluster.kind {
        case .nearText:
            guard let column = roles[.text].flatMap(dataset.column(named:)),
                  let value = NearSimilarity.text(column, a, b) else { return nil }
            return "Jaccard " + DuplicatesPane.similarityText(value)
        case .nearVector:
            guard let column = roles[.vector].flatMap(dataset.column(named:)),
                  let value = NearSimilarity.vector([column], a, b) else { return nil }
            return "cosine " + DuplicatesPane.similarityText(value)
        default:
            return nil
        }
    }

    /// The words of two values, those that differ marked (none when the values are equal).
    private static func markedWords(_ left: String, _ right: String, differs: Bool)
        -> (left: [(text: String, mark: TextMark)], right: [(text: String, mark: TextMark)], isPartial: Bool) {
        guard differs else {
            return (WordDiff.words(left).map { ($0, .plain) }, WordDiff.words(right).map { ($0, .plain) }, false)
        }
        let diff = WordDiff(left, right)
        return (zip(diff.left, diff.leftChanged).map { ($0, $1 ? .changed : .plain) },
                zip(diff.right, diff.rightChanged).map { ($0, $1 ? .changed : .plain) }, diff.isPartial)
    }

    /// Draws the column heads on row `top` and the lines from `scroll` below them, as many as
    /// fit in `height` rows. A cell scrolled into view part-way shows its name dimmed.
    func draw(into canvas: inout Canvas, top: Int, height: Int, scroll: Int, theme: Theme) {
        let leftX = nameWidth + 3, rightX = nameWidth + 4 + valueWidth
        canvas.cell("row \(rows.first)", x: leftX, y: top, width: valueWidth, style: theme[.header])
        canvas.cell("row \(rows.second)", x: rightX, y: top, width: valueWidth, style: theme[.header])
        if let similarity {
            let x = rightX + DisplayWidth.of("row \(rows.second)") + 2
            canvas.fittedText(similarity, x: x, y: top, style: theme[.muted], maxWidth: max(0, rightX + valueWidth - x))
        }
        let marked = theme[.error].adding(.underline)
        for (offset, line) in lines.dropFirst(scroll).prefix(max(0, height - 1)).enumerated() {
            let y = top + 1 + offset
            if line.isFirst || offset == 0 {
                canvas.cell(line.name, x: 0, y: y, width: nameWidth, style: line.isFirst ? theme[.header] : theme[.muted])
            }
            if line.isFirst && line.differs { canvas.set(x: nameWidth + 1, y: y, "≠", style: theme[.error]) }
            for (runs, x) in [(line.left, leftX), (line.right, rightX)] {
                var used = 0
                for run in runs {
                    used += canvas.fittedText(run.text, x: x + used, y: y, style: run.mark == .changed ? marked : theme[.text],
                                              maxWidth: valueWidth - used)
                }
            }
        }
    }
}
