/// What a style is for. Theme files name these (in snake case) under `[styles]`.
public enum ThemeRole: String, CaseIterable, Sendable {
    case text, muted, title
    case titleFocused = "title_focused"
    case border
    case borderFocused = "border_focused"
    case header, cursor, selected, bar
    case barSelected = "bar_selected"
    case brush, status
    case statusAccent = "status_accent"
    case message, error
    case filterBar = "filter_bar"
    case key
}
