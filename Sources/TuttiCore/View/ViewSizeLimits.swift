extension ViewDocument {
    /// Most panes a view may hold: more would not fit a terminal, and every pane costs a report
    /// section.
    public static let maxPanes = 64
    /// Deepest nesting of splits a view may hold.
    public static let maxDepth = 16

    /// Why `layout` is too large for a view (`maxPanes`, `maxDepth`), or nil.
    static func sizeProblem(of layout: LayoutNode<ViewPane>) -> String? {
        let count = layout.paneCount
        if count > maxPanes {
            return "the layout has \(NumberFormatting.grouped(count)) panes; a view holds at most \(maxPanes)"
        }
        let depth = layout.depth
        if depth > maxDepth {
            return "the layout nests splits \(depth) deep; a view nests them at most \(maxDepth) deep"
        }
        return nil
    }
}
