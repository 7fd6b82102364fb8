/// A scatter plot as data, thinned to a grid of bins so that its size does not grow with the
/// rows: per non-empty bin the filtered points, the selected ones among them, the filtered-out
/// points, and the colour category most of its filtered points have.
public struct ReportScatter: Sendable, Equatable {
    /// One non-empty bin of the grid.
    public struct Bin: Sendable, Equatable {
        /// Its column (0 at the left) and row (0 at the bottom).
        public var column: Int, row: Int
        /// Filtered points in it.
        public var filtered: Int
        /// Selected points among the filtered ones.
        public var selected: Int
        /// Points that do not pass the filter.
        public var filteredOut: Int
        /// The index into `categories` most filtered points have (nil: none, or no colouring).
        public var category: Int?

        /// A bin.
        public init(column: Int, row: Int, filtered: Int, selected: Int, filteredOut: Int, category: Int?) {
            self.column = column
            self.row = row
            self.filtered = filtered
            self.selected = selected
            self.filteredOut = filteredOut
            self.category = category
        }
    }

    /// One colour of the legend and its points.
    public struct Category: Sendable, Equatable {
        /// Its value ("cat", "correct", "other").
        public var name: String
        /// Filtered points of this category.
        public var filtered: Int
        /// Selected points among them.
        public var selected: Int

        /// A category.
        public init(name: String, filtered: Int, selected: Int) {
            self.name = name
            self.filtered = filtered
            self.selected = selected
        }
    }

    /// What the x and y axes show ("umap_1", "PCA 1 of emb").
    public var xTitle: String, yTitle: String
    /// The ranges the grid covers.
    public var x: ClosedRange<Double>, y: ClosedRange<Double>
    /// The grid's size in bins.
    public var columns: Int, rows: Int
    /// The non-empty bins, row by row from the bottom.
    public var bins: [Bin]
    /// What the points are coloured by (nil: one colour).
    public var colorTitle: String?
    /// The legend, in order; empty without colouring.
    public var categories: [Category]
    /// Whether there is a selection (so the selected counts mean something).
    public var hasSelection: Bool

    /// A scatter plot.
    public init(xTitle: String, yTitle: String, x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
                bins: [Bin], colorTitle: String?, categories: [Category], hasSelection: Bool) {
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
        self.bins = bins
        self.colorTitle = colorTitle
        self.categories = categories
        self.hasSelection = hasSelection
    }

    /// The most filtered points of any bin.
    public var densest: Int { bins.map(\.filtered).max() ?? 0 }
}
