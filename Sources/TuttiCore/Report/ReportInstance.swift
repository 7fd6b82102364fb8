/// One row whole, as the instance pane shows it: every column's value in column order.
public struct ReportInstance: Sendable, Equatable {
    /// A column's value in the row.
    public enum Value: Sendable, Equatable {
        /// The value as text (numbers, categories, text; cut after `InstanceSection.longestText`
        /// characters).
        case text(String)
        /// No value.
        case missing
        /// A vector's values, and the image shape they make when they make one.
        case vector([Float], image: ImageShape?)
    }

    /// One column of the row.
    public struct Field: Sendable, Equatable {
        /// The column's name.
        public var name: String
        /// Its value.
        public var value: Value

        /// A field.
        public init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// The row (0-based).
    public var row: Int
    /// Whether the row is selected.
    public var selected: Bool
    /// Whether the row fails the filter.
    public var filteredOut: Bool
    /// Every column, in order.
    public var fields: [Field]

    /// A row.
    public init(row: Int, selected: Bool, filteredOut: Bool, fields: [Field]) {
        self.row = row
        self.selected = selected
        self.filteredOut = filteredOut
        self.fields = fields
    }
}
