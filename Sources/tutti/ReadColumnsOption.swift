import ArgumentParser

/// `--columns a,b`: read only these columns, in this order (`count` and `info`).
struct ReadColumnsOption: ParsableArguments {
    @Option(name: .customLong("columns"),
            help: ArgumentHelp("Read only these columns, in this order (comma-separated; a Parquet file reads only "
                               + "their column chunks).", valueName: "cols"))
    var list: String?

    func validate() throws {
        if let list, CommaList.names(list).isEmpty { throw ValidationError("--columns needs at least one column name") }
    }

    /// The names given, or nil (every column) without the option.
    var names: [String]? { list.map(CommaList.names) }
}
