import Foundation
import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// Read-only, quoted, password kept secret, failures as messages.
@Suite struct ConnectionSafetyTests {
    @Test func urlsLoseTheirPasswordAndTableForLibpq() throws {
        let url = try DatabaseURL("postgresql://ana:s3cret@db.example:6543/prod?sslmode=require&table=my%20schema.t&password=p2")
        #expect(url.table == "my schema.t")
        #expect(url.redacted == "postgresql://ana@db.example:6543/prod?sslmode=require&table=my%20schema.t")
        #expect(try DatabaseURL("postgres://h/db?table=t").redacted == "postgres://h/db?table=t")
        #expect(throws: TuttiError.self) { try DatabaseURL("mysql://h/db") }
        #expect(throws: TuttiError.self) { try DatabaseURL("postgresql://h/db?table=a&table=b") }
    }

    @Test func aRefusedConnectionIsAMessageWithoutThePassword() throws {
        let server = try PostgresTables.server()
        // A port nothing listens on: the server's own, plus one, is free only by chance, so use 1.
        let url = try DatabaseURL("postgresql://postgres:topsecret@127.0.0.1:1/postgres?table=adult")
        do {
            _ = try PostgresSource(url: url)
            Issue.record("connected to port 1")
        } catch let error as TuttiError {
            #expect(error.description.hasPrefix("cannot connect to postgresql://postgres@127.0.0.1:1/postgres?table=adult: "))
            #expect(!error.description.contains("topsecret"))
        }
        let unknown = try DatabaseURL(server.url(database: "nosuchdb", query: "table=adult&password=topsecret"))
        do {
            _ = try PostgresSource(url: unknown)
            Issue.record("connected to a missing database")
        } catch let error as TuttiError {
            #expect(error.description.contains("nosuchdb"))
            #expect(!error.description.contains("topsecret"))
        }
    }

    @Test func aMissingTableOrABadQueryIsAMessage() throws {
        let server = try PostgresTables.server()
        #expect(throws: TuttiError.self) { try PostgresTables.source("no_such_table") }
        #expect(throws: TuttiError.self) { try PostgresSource(url: DatabaseURL(server.url())) }
        #expect(throws: TuttiError.self) { try PostgresSource(url: DatabaseURL(server.url()), query: "DELETE FROM nulls") }
    }

    @Test func aDroppedConnectionIsAMessage() throws {
        let server = try PostgresTables.server()
        let source = try PostgresTables.source("nulls", parameters: "&application_name=tutti-dropped")
        #expect(try source.rowCount(where: "") == 7)
        try server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tutti-dropped'")
        do {
            _ = try source.rowCount(where: "x > 0")
            Issue.record("counted on a dropped connection")
        } catch let error as TuttiError {
            #expect(error.description.contains("postgresql://postgres@127.0.0.1:\(server.port)/postgres"), "\(error)")
        }
    }

    @Test func aLongQueryIsCancelledOnTheServer() throws {
        let server = try PostgresTables.server()
        let source = try PostgresSource(url: DatabaseURL(server.url()),
                                        query: "SELECT a.n FROM generate_series(1, 2000000000) AS a(n)")
        let connection = source.connection
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { connection.cancel() }
        do {
            _ = try source.rowCount(where: "n > 5")
            Issue.record("the query ran to its end")
        } catch let error as TuttiError {
            #expect(error.description.hasPrefix("query cancelled"), "\(error)")
        }
        // The connection is still usable after the cancellation.
        #expect(try connection.select("SELECT 41 + 1").text(0, 0) == "42")
    }

    @Test func injectionsThroughNamesValuesAndQueriesChangeNothing() throws {
        let server = try PostgresTables.server()
        let source = try PostgresTables.source("nulls")
        #expect(try source.rowCount(where: "`it's \"odd\"` == \"x'; DROP TABLE nulls; --\"") == 2)
        #expect(try source.rowCount(where: "s == \"'); DELETE FROM nulls; --\"") == 0)
        #expect(throws: ExpressionError.self) { try source.rowCount(where: "x > 0; DROP TABLE nulls") }
        let sneaky = try? PostgresSource(url: DatabaseURL(server.url()),
                                         query: "WITH gone AS (DELETE FROM nulls RETURNING *) SELECT * FROM gone")
        #expect(sneaky == nil)
        let writer = try? PostgresSource(url: DatabaseURL(server.url()),
                                         query: "SELECT * FROM nulls; DELETE FROM nulls")
        #expect(writer == nil)
        #expect(throws: TuttiError.self) {
            try PostgresSource(url: DatabaseURL(server.url(query: "table=nulls\"; DROP TABLE nulls; --")))
        }
        #expect(try server.psql("SELECT COUNT(*) FROM nulls") == "7\n")
    }

    @Test func onlyReadsAreSentInAReadOnlyTransaction() throws {
        let server = try PostgresTables.server()
        let name = "tutti-readonly-\(UUID().uuidString.prefix(8))"
        let source = try PostgresTables.source("nulls", parameters: "&application_name=\(name)")
        _ = try source.rowCount(where: "x > 0")
        _ = try source.summaries(where: "b", topCount: 3)
        let path = NSTemporaryDirectory() + "\(name).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try source.export(to: path, columns: nil, where: "", options: ExportOptions(), work: WorkContext())
        // A query that writes (advancing a sequence) is refused by the read-only transaction.
        try server.psql("CREATE SEQUENCE IF NOT EXISTS tutti_sequence")
        let writer = try PostgresSource(url: DatabaseURL(server.url(query: "application_name=\(name)")),
                                        query: "SELECT nextval('tutti_sequence') AS n")
        #expect(throws: TuttiError.self) { try writer.rowCount(where: "") }
        #expect(try server.psql("SELECT is_called FROM tutti_sequence") == "f\n")
        let statements = server.log.split(separator: "\n").filter { $0.hasPrefix(name + ":") }.compactMap { line in
            (line.range(of: "statement: ") ?? line.range(of: "execute <unnamed>: ")).map { line[$0.upperBound...] }
        }
        #expect(statements.count >= 5)
        for statement in statements {
            #expect(["SELECT ", "COPY (", "BEGIN TRANSACTION READ ONLY", "ROLLBACK"].contains { statement.hasPrefix($0) },
                    "sent: \(statement)")
        }
        #expect(statements.first == "BEGIN TRANSACTION READ ONLY")
    }
}
