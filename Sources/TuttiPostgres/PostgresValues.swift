import TuttiCore

/// Values as PostgreSQL writes them, rewritten as tutti writes them (`Column.text(at:)`).
enum PostgresValues {
    /// `text` (a non-NULL value of a column of `kind`) in tutti's form: booleans as
    /// `true` / `false`, floats in their shortest form, times in ISO 8601 (UTC).
    static func text(_ text: String, kind: ColumnKind) -> String {
        switch kind {
        case .boolean: text == "t" ? "true" : (text == "f" ? "false" : text)
        case .float: PostgresTypes.double(text).map(NumberFormatting.shortest) ?? text
        case .datetime: TimeParser.iso(text).map(TimeFormatting.iso) ?? text
        default: text
        }
    }
}
