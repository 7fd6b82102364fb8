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

    /// Checks the options that concern a database source (`--derive` and role flags apply to it).
    func validateDatabase() throws {
        if query != nil, !isDatabase {
            throw ValidationError("--query reads from a database: give a postgresql:// URL as the data")
        }
        guard isDatabase else { return }
        if timeFormat != nil || delimiter != nil || textColumns != nil {
            throw ValidationError("--time-format, --delimiter and --text-columns apply to files, not to a database")
        }
    }

    /// The rows of the database the URL names (its `table=` or `--query`), pulled into memory:
    /// `options.columns` (every column when nil), read as a CSV file of the same rows would be.
    func pullDatabase(_ options: LoadOptions, work: WorkContext) throws -> LoadResult {
        guard let file else { throw TuttiError("no database URL") }
        let source = try PostgresSource(url: DatabaseURL(file), query: query)
        return try source.pull(columns: options.columns, options: options, work: work)
    }

    /// The rows for a command that asks through `DataSource`: the database the URL names (its
    /// `table=` or `--query`), or the file loaded into memory; only `columns`, when given (then
    /// the derived columns).
    func openSource(columns: [String]? = nil) throws -> any DataSource {
        guard isDatabase else {
            let (dataset, roles) = try load(columns: columns)
            return MemorySource(dataset: dataset, roles: roles)
        }
        return try openDatabase(columns: columns)
    }

    /// The database the URL names (its `table=` or `--query`; only `columns`, when given), with
    /// the derived columns computed by the engine and the roles inferred by name with the role
    /// flags applied.
    func openDatabase(columns: [String]? = nil) throws -> PostgresSource {
        guard let file else { throw TuttiError("no database URL") }
        var read = try PostgresSource(url: DatabaseURL(file), query: query)
        if let columns { read = try read.selecting(columns) }
        let source = try read.adding(try derivations())
        return source.with(roles: try roles(for: SQLColumn.emptyDataset(source.columns, source: source.displayName)))
    }
}
