/// Picks the theme for a terminal: the one asked for, or the best shipped one for its colours;
/// a broken or missing theme falls back to the default with a warning. The themes come from
/// `loader`, made from the files the caller read.
public enum ThemeChoice {
    /// The theme to use and a warning to show, if any.
    public static func resolve(requested: String?, colors: Int, noColor: Bool,
                               loader: ThemeLoader) -> (theme: Theme, warning: String?) {
        let automatic = noColor || colors < 8 ? "monochrome" : colors < 256 ? "sixteen" : "default"
        var warning: String?
        var theme: Theme
        do {
            theme = try loader.load(requested ?? automatic)
        } catch {
            warning = "\(error); using the \(automatic) theme"
            theme = (try? loader.load(automatic)) ?? .fallback
        }
        if noColor || colors < 8 { theme = theme.withoutColor() }
        return (theme, warning)
    }
}
