extension Dataset {
    /// The columns called `names`, in that order. Throws a `TuttiError` for a name that is not a
    /// column (suggesting the nearest one) or that is given twice; `context` (such as the option that
    /// named the columns) starts the message.
    public func columns(named names: [String], context: String? = nil) throws -> [Column] {
        var seen = Set<String>()
        return try names.map { name in
            guard let column = column(named: name) else {
                throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: columnNames),
                                               context: context)
            }
            guard seen.insert(name).inserted else {
                throw TuttiError((context.map { $0 + ": " } ?? "") + "column '\(name)' is listed twice")
            }
            return column
        }
    }
}
