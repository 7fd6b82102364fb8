import ArgumentParser

/// The `--format` of the commands that answer with a table or a JSON document
/// (`slices`, `compare`, `label-issues`).
enum AnswerFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}
