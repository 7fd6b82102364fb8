import ArgumentParser
import TuttiCore
import TuttiPostgres

extension DataOptions {
    /// Whether the data is a database URL (`postgresql://…`) rather than a file.
    var isDatabase: Bool { file.map(DatabaseURL.isDatabaseURL) ?? false }

    /// The data's name for messages: for a database, its URL without the password.
    var databaseDisplayName: String? {
        guard isDatabase, let file else { return nil }
        return (try? DatabaseURL(file).redacted) ?? "the database"
    }

    /// Checks the options that concern a database source.
    func validateDatabase() throws {
        if query != nil, !isDatabase {
            throw ValidationError("--query reads from a database: give a postgresql:// URL as the data")
        }
        guard isDatabase else { return }
        if !derive.isEmpty { throw ValidationError("--derive does not run on a database yet") }
        if timeFormat != nil || delimiter != nil || textColumns != nil {
            throw ValidationError("--time-format, --delimiter and --text-columns apply to files, not to a database")
        }
        if [label, prediction, score, loss, id, split, text, vector].contains(where: { $0 != nil }) {
            throw ValidationError("role flags (--label, --prediction, …) do not apply to a database yet: roles come from "
                                  + "column names there")
        }
    }

    /// Throws the message for a command that loads a database URL as a file.
    func refuseDatabase() throws {
        if isDatabase {
            throw TuttiError("this command does not read from a database yet; count, info and export do "
                             + "(\(databaseDisplayName ?? ""))")
        }
    }

    /// The rows for a command that asks through `DataSource`: the database the URL names (its
    /// `table=` or `--query`), or the file loaded into memory (only `columns`, when given).
    func openSource(columns: [String]? = nil) throws -> any DataSource {
        guard isDatabase, let file else {
            let (dataset, roles) = try load(columns: columns)
            return MemorySource(dataset: dataset, roles: roles)
        }
        return try PostgresSource(url: DatabaseURL(file), query: query)
    }
}
