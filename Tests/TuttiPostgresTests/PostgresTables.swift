import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// The tables the PostgreSQL tests read, each both in memory and in the shared test server.
enum PostgresTables {
    /// A small table whose every column has missing values, an empty string, characters COPY
    /// escapes (tab, backslash) and quotes in a value and in a column name:
    ///
    ///     id  x    f     s            b      it's "odd"
    ///     1   3    0.5   a            true   x'; DROP TABLE nulls; --
    ///     2   —    —     —            —      —
    ///     3   0    -1.5  ""           false  "
    ///     4   5    2.5   B            true   a"b
    ///     5   -2   —     ab           —      —
    ///     6   -7   -2.5  a⇥b'"\       false  x'; DROP TABLE nulls; --
    ///     7   7    3.5   é            true   é
    static let nulls: Dataset = {
        let present = { (rows: [Int]) in RowSet(rowCount: 7, rows: rows) }
        return Dataset(source: "nulls", rowCount: 7, columns: [
            Column(name: "id", data: .integer([1, 2, 3, 4, 5, 6, 7]), validity: RowSet(rowCount: 7, allSet: true)),
            Column(name: "x", data: .integer([3, 0, 0, 5, -2, -7, 7]), validity: present([0, 2, 3, 4, 5, 6])),
            Column(name: "f", data: .float([0.5, 0, -1.5, 2.5, 0, -2.5, 3.5]), validity: present([0, 2, 3, 5, 6])),
            Column(name: "s", data: .text(StringTable(["a", "", "", "B", "ab", "a\tb'\"\\", "é"])),
                   validity: present([0, 2, 3, 4, 5, 6])),
            Column(name: "b", data: .boolean([true, false, false, true, false, false, true]),
                   validity: present([0, 2, 3, 5, 6])),
            Column(name: "it's \"odd\"",
                   data: .text(StringTable(["x'; DROP TABLE nulls; --", "", "\"", "a\"b", "", "x'; DROP TABLE nulls; --", "é"])),
                   validity: present([0, 2, 3, 5, 6])),
        ])
    }()

    /// The shared server with `adult` and `nulls` loaded.
    static func server() throws -> PostgresServer {
        try loaded.get()
    }

    private static let loaded: Result<PostgresServer, PostgresServer.Unavailable> = {
        do {
            let server = try PostgresServer.withAdult()
            try server.load(nulls, as: "nulls")
            return .success(server)
        } catch let error as PostgresServer.Unavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresServer.Unavailable(description: "\(error)"))
        }
    }()

    /// A source over `table` of the test server, connecting with `parameters` added to the URL.
    static func source(_ table: String, parameters: String = "") throws -> PostgresSource {
        let server = try server()
        return try PostgresSource(url: DatabaseURL(server.url(query: "table=\(table)" + parameters)))
    }

    /// The in-memory source over the same rows.
    static func memory(_ dataset: Dataset) -> MemorySource {
        MemorySource(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
    }
}
