import Foundation

/// A report in no particular format: what an engineer saw in tutti, as sections of paragraphs,
/// tables and histograms. `MarkdownReport` and `HTMLReport` render it.
public struct Report: Sendable, Equatable {
    /// The report's title.
    public var title: String
    /// When the report was made (nil: not said, e.g. for reproducible output).
    public var generated: Date?
    /// The sections, in reading order.
    public var sections: [ReportSection]

    /// A report.
    public init(title: String, generated: Date? = nil, sections: [ReportSection]) {
        self.title = title
        self.generated = generated
        self.sections = sections
    }
}

/// One section: a heading and its blocks.
public struct ReportSection: Sendable, Equatable {
    /// The heading ("Dataset", "Histogram: age", …).
    public var heading: String
    /// The contents, in order.
    public var blocks: [ReportBlock]

    /// A section.
    public init(heading: String, blocks: [ReportBlock]) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// One piece of a section.
public enum ReportBlock: Sendable, Equatable {
    /// A heading within the section, e.g. one per group of rows.
    case subheading([ReportText])
    /// Running text.
    case paragraph([ReportText])
    /// A remark set apart, e.g. why a pane shows nothing.
    case note(String)
    /// A bulleted list, one item per entry.
    case list([[ReportText]])
    /// A table.
    case table(ReportTable)
    /// A bar chart of counts.
    case histogram(ReportHistogram)
    /// A scatter plot, its points counted in a grid of bins.
    case scatter(ReportScatter)
    /// One row whole.
    case instance(ReportInstance)
}

/// A run of text: plain words, or code (an expression, a value) shown as such.
public enum ReportText: Sendable, Equatable {
    /// Words.
    case plain(String)
    /// An expression, a column name or a value, shown in a monospaced font.
    case code(String)
}

/// A table: a header row, body rows of as many cells, and each column's alignment.
public struct ReportTable: Sendable, Equatable {
    /// How a column's cells line up.
    public enum Alignment: Sendable, Equatable {
        /// Text (the default).
        case left
        /// Numbers.
        case right
    }

    /// Column headers.
    public var headers: [String]
    /// Body rows, each with one cell per header.
    public var rows: [[String]]
    /// One alignment per column.
    public var alignments: [Alignment]
    /// Columns whose cells are code (expressions, sparklines), shown in a monospaced font.
    public var codeColumns: Set<Int>
    /// A sentence saying what the table shows, if any.
    public var caption: String?

    /// A table; `rightAligned` lists the columns aligned right (numbers), every other is left.
    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], codeColumns: Set<Int> = [],
                caption: String? = nil) {
        self.headers = headers
        self.rows = rows
        alignments = headers.indices.map { rightAligned.contains($0) ? .right : .left }
        self.codeColumns = codeColumns
        self.caption = caption
    }
}

/// A histogram as data: one bar per bin with its counts over all rows, the filtered rows and the
/// selected ones among them.
public struct ReportHistogram: Sendable, Equatable {
    /// One bar.
    public struct Bin: Sendable, Equatable {
        /// The short label under the bar ("30", "Private").
        public var label: String
        /// What the bin holds in full ("30 ≤ age < 35", "Private", "missing").
        public var detail: String
        /// Rows of the whole dataset in the bin.
        public var all: Int
        /// Rows passing the filter in the bin (the bar's height).
        public var filtered: Int
        /// Selected rows among the filtered ones in the bin.
        public var selected: Int

        /// A bin.
        public init(label: String, detail: String, all: Int, filtered: Int, selected: Int) {
            self.label = label
            self.detail = detail
            self.all = all
            self.filtered = filtered
            self.selected = selected
        }
    }

    /// The column counted.
    public var column: String
    /// The bins in order (numbers ascending, categories most frequent first), missing last if any.
    public var bins: [Bin]
    /// Whether there is a selection (so the selected parts mean something).
    public var hasSelection: Bool
    /// A metric per bin drawn over the bars (its values follow `bins`, the missing bin aside).
    public var overlay: BinMetricOverlay?

    /// A histogram.
    public init(column: String, bins: [Bin], hasSelection: Bool, overlay: BinMetricOverlay? = nil) {
        self.column = column
        self.bins = bins
        self.hasSelection = hasSelection
        self.overlay = overlay
    }

    /// The largest filtered count, which bars are scaled to.
    public var largest: Int { bins.map(\.filtered).max() ?? 0 }
}
