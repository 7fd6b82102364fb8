import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// The headless commands that pull whole columns from a PostgreSQL URL (slices in quantile bins, duplicates,
/// compare, label-issues, familiarity, neighbors, project, report) print what they print for
/// the same data in a file: the Adult oracles of ../shared/data/README.md, NULL cells included.
///
/// A table has no row order, and PostgreSQL files a bulk load's rows where they fit, so the rows
/// are read here through `--query … ORDER BY n` from a copy of Adult with its row numbers `n`:
/// then even sums of floats add up in the file's order, and row numbers are the file's.
@Suite struct DatabaseHeadlessTests {
    static let features = "age,fnlwgt,education_num,capital_gain,capital_loss,hours_per_week"

    private static let orderedServer: Result<PostgresServer, PostgresServer.Unavailable> = {
        do {
            let server = try PostgresServer.withAdult()
            let adult = AdultFixture.dataset
            let numbers = Column(name: "n", data: .integer((0..<Int64(adult.rowCount)).map { $0 }),
                                 validity: RowSet(rowCount: adult.rowCount, allSet: true))
            try server.load(Dataset(source: "adult", rowCount: adult.rowCount, columns: [numbers] + adult.columns),
                            as: "adult_ordered")
            return .success(server)
        } catch let error as PostgresServer.Unavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresServer.Unavailable(description: "\(error)"))
        }
    }()

    /// The database and the query reading Adult in the file's order.
    private func adultSource() throws -> [String] {
        let names = AdultFixture.dataset.columnNames.joined(separator: ", ")
        return [try Self.orderedServer.get().url(), "--query", "SELECT \(names) FROM adult_ordered ORDER BY n"]
    }

    private func adultURL() throws -> String {
        try PostgresServer.withAdult().url(query: "table=adult")
    }

    /// Runs `command` over the database and over the demo data with `arguments`; expects both
    /// to succeed with the same output (the data's name aside) and returns it.
    @discardableResult
    private func same(_ command: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let source = try adultSource()
        let sql = try CommandRunner.run([command] + source + arguments)
        let file = try CommandRunner.run([command, "--demo"] + arguments)
        #expect(sql.status == 0, "\(sql.stderr)", sourceLocation: sourceLocation)
        #expect(file.status == 0, "\(file.stderr)", sourceLocation: sourceLocation)
        #expect(sql.stderr.contains("rows × "), "\(sql.stderr)", sourceLocation: sourceLocation)
        #expect(sql.stdout.replacingOccurrences(of: source[0], with: "adult_scored.csv (demo)") == file.stdout,
                "\(command) \(arguments)", sourceLocation: sourceLocation)
        return file.stdout
    }

    @Test func duplicatesFindTheOraclesOfTheDemo() throws {
        // (--exact alone is counted by the database; with another kind the rows are pulled and listed.)
        let exact = try same("duplicates", ["--exact", "--leaks", "--ignore", "split", "--format", "json"])
        #expect(exact.contains("\"exact_extra_rows\":52"), "\(exact.suffix(300))")
        try same("duplicates", ["--conflicts", "--format", "json"])
        try same("duplicates", ["--leaks"])
    }

    @Test func compareLabelIssuesAndTheVectorCommandsAreTheSame() throws {
        try same("compare", ["--derive", "cautious=if(score > 0.7, 1, 0)", "--models", "hgb=prediction:score,cautious=cautious",
                             "--by", "sex", "--format", "csv"])
        try same("label-issues", ["--top", "5", "--format", "csv"])
        try same("familiarity", ["--vector-columns", Self.features, "--where", "age >= 80", "--limit", "5", "--format", "csv"])
        try same("neighbors", ["--vector-columns", Self.features, "--row", "7", "--k", "3", "--format", "csv"])
    }

    @Test func roleFlagsAndDerivedColumnsApplyToADatabase() throws {
        // The roles swapped: the model's prediction taken as the label gives other metrics.
        // (Quantile bins are the slices that still pull the rows.)
        let swapped = try same("slices", ["--by", "age", "--quantiles", "3", "--label", "prediction", "--prediction", "label",
                                          "--format", "csv"])
        #expect(try swapped != same("slices", ["--by", "age", "--quantiles", "3", "--format", "csv"]))
        let url = try adultURL()
        let derived = ["--derive", "wrong=label != prediction", "--derive", "margin=abs(score - 0.5)", "--where",
                       "wrong and margin > 0.3"]
        #expect(try CommandRunner.run(["count", url] + derived).stdout == CommandRunner.run(["count", "--demo"] + derived).stdout)
        let info = try CommandRunner.run(["info", url, "--derive", "half=age / 2", "--score", "loss", "--format", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("\"half\""))
        let bad = try CommandRunner.run(["count", url, "--derive", "age=age + 1"])
        #expect(bad.status == 1 && bad.stderr.contains("already has a column of that name"), "\(bad.stderr)")
    }
}
