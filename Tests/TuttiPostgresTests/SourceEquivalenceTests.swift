import Foundation
import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// The questions of `DataSource` get the same answers from PostgreSQL as from memory.
@Suite struct SourceEquivalenceTests {
    private func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    @Test(arguments: ["", "split == \"test\" and workclass != \"Private\""])
    func adultSummariesMatchMemory(_ filter: String) throws {
        let sql = try PostgresTables.source("adult").summaries(where: filter, topCount: 3)
        let memory = try PostgresTables.memory(AdultFixture.dataset).summaries(where: filter, topCount: 3)
        #expect(sql.map(\.name) == memory.map(\.name))
        for (a, b) in zip(sql, memory) {
            #expect(a.kind == b.kind && a.role == b.role, "\(a.name)")
            #expect(a.missing == b.missing && a.distinct == b.distinct, "\(a.name)")
            #expect(a.top == b.top, "\(a.name)")
            for (x, y) in [(a.min, b.min), (a.max, b.max), (a.mean, b.mean), (a.std, b.std), (a.p5, b.p5),
                           (a.median, b.median), (a.p95, b.p95)] {
                #expect(close(x, y), "\(a.name): \(String(describing: x)) vs \(String(describing: y))")
            }
        }
    }

    @Test func nullSummariesMatchMemory() throws {
        let sql = try PostgresTables.source("nulls").summaries(where: "id != 4", topCount: 2)
        let memory = try PostgresTables.memory(PostgresTables.nulls).summaries(where: "id != 4", topCount: 2)
        #expect(sql.map(\.missing) == memory.map(\.missing))
        #expect(sql.map(\.distinct) == memory.map(\.distinct))
        #expect(zip(sql, memory).allSatisfy { close($0.mean, $1.mean) && close($0.median, $1.median) })
        #expect(sql.first { $0.name == "b" }?.top == memory.first { $0.name == "b" }?.top)
    }

    @Test(arguments: [(["sex", "label", "prediction"], "split == \"test\""), (["workclass"], ""),
                      (["race", "income"], "age < 30")])
    func adultGroupCountsMatchMemory(_ columns: [String], _ filter: String) throws {
        let sql = try PostgresTables.source("adult").groupCounts(by: columns, where: filter)
        let memory = try PostgresTables.memory(AdultFixture.dataset).groupCounts(by: columns, where: filter)
        #expect(sql == memory)
        #expect(!sql.isEmpty)
    }

    @Test func nullGroupCountsMatchMemory() throws {
        let columns = ["b", "f", "it's \"odd\""]
        #expect(try PostgresTables.source("nulls").groupCounts(by: columns, where: "")
            == PostgresTables.memory(PostgresTables.nulls).groupCounts(by: columns, where: ""))
    }

    @Test(arguments: [("adult", "split == \"test\" and workclass is not null", "csv"), ("adult", "age > 60", "jsonl"),
                      ("adult", "", "tsv.gz"), ("nulls", "", "csv"), ("nulls", "x != 3", "jsonl")])
    func exportsAreTheBytesOfAnExportFromMemory(_ table: String, _ filter: String, _ format: String) throws {
        let folder = NSTemporaryDirectory() + "tutti-pg-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = table == "adult" ? AdultFixture.dataset : PostgresTables.nulls
        let fromSQL = folder + "/sql." + format, fromMemory = folder + "/memory." + format
        let summary = try PostgresTables.source(table).export(to: fromSQL, columns: nil, where: filter,
                                                              options: ExportOptions(), work: WorkContext())
        _ = try PostgresTables.memory(dataset).export(to: fromMemory, columns: nil, where: filter,
                                                      options: ExportOptions(), work: WorkContext())
        #expect(summary.rowCount == (try PostgresTables.memory(dataset).rowCount(where: filter)))
        let read = { (path: String) in try DatasetLoader.load(path).dataset }
        if format.hasSuffix(".gz") {
            #expect(try read(fromSQL).rowCount == read(fromMemory).rowCount)
        } else {
            // PostgreSQL stores a bulk load's rows where they fit, not in the file's order: the
            // lines of the big table are compared as a set, the small table's in order.
            var a = try String(contentsOfFile: fromSQL, encoding: .utf8).split(separator: "\n")
            var b = try String(contentsOfFile: fromMemory, encoding: .utf8).split(separator: "\n")
            if table == "adult" {
                a.sort()
                b.sort()
            }
            let first = zip(a, b).first { $0 != $1 }
            #expect(a.count == b.count && first == nil, "first difference: \(String(describing: first))")
        }
    }

    @Test func anExportOfChosenColumnsKeepsTheirOrder() throws {
        let folder = NSTemporaryDirectory() + "tutti-pg-columns-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        _ = try PostgresTables.source("nulls").export(to: path, columns: ["s", "id"], where: "id <= 3",
                                                  options: ExportOptions(), work: WorkContext())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "s,id\na,1\n,2\n\"\",3\n")
    }

    @Test(arguments: [("age", 20, ""), ("score", 30, "split == \"test\""), ("capital_gain", 50, "workclass is null"),
                      ("hours_per_week", 200, "sex == \"Female\""), ("loss", 7, "label != prediction")])
    func adultHistogramsMatchMemory(_ column: String, _ bins: Int, _ filter: String) throws {
        let sql = try PostgresTables.source("adult").histogram(of: column, bins: bins, where: filter)
        let memory = try PostgresTables.memory(AdultFixture.dataset).histogram(of: column, bins: bins, where: filter)
        #expect(sql == memory)
        #expect(sql.counts.reduce(0, +) == (try PostgresTables.memory(AdultFixture.dataset).rowCount(where: filter)))
    }

    @Test func nullHistogramsMatchMemory() throws {
        for (column, bins) in [("x", 3), ("x", 20), ("f", 4), ("id", 1)] {
            #expect(try PostgresTables.source("nulls").histogram(of: column, bins: bins, where: "id != 4")
                == PostgresTables.memory(PostgresTables.nulls).histogram(of: column, bins: bins, where: "id != 4"),
                "\(column) \(bins)")
        }
        #expect(throws: TuttiError.self) { try PostgresTables.source("nulls").histogram(of: "s", bins: 5, where: "") }
    }

    @Test func exactDuplicatesGiveTheAdultOracles() throws {
        let sql = try PostgresTables.source("adult"), memory = PostgresTables.memory(AdultFixture.dataset)
        let all = AdultFixture.dataset.columnNames, features = all.filter { $0 != "split" }
        #expect(try sql.exactDuplicates(comparing: features, where: "").extraRows == 52)
        #expect(try sql.exactDuplicates(comparing: all, where: "").extraRows == 29)
        for filter in ["", "workclass is null", "age > 40 and sex == \"Male\""] {
            #expect(try sql.exactDuplicates(comparing: features, where: filter)
                == memory.exactDuplicates(comparing: features, where: filter), "\(filter)")
        }
        let nulls = ["x", "f", "b"]
        #expect(try PostgresTables.source("nulls").exactDuplicates(comparing: nulls, where: "")
            == PostgresTables.memory(PostgresTables.nulls).exactDuplicates(comparing: nulls, where: ""))
    }

    @Test(arguments: [("x", true), ("x", false), ("f", true), ("f", false), ("s", true), ("b", false)])
    func nullRowPagesMatchMemory(_ column: String, _ ascending: Bool) throws {
        let sql = try PostgresTables.source("nulls"), memory = PostgresTables.memory(PostgresTables.nulls)
        for (offset, limit) in [(0, 7), (2, 3), (6, 10)] {
            // At most one missing value in the column sorted on, whose ties the engine orders.
            let filter = column == "b" ? "id != 3" : (column == "f" ? "id != 5" : "")
            let a = try sql.rowPage(where: filter, orderedBy: column, ascending: ascending, offset: offset, limit: limit)
            let b = try memory.rowPage(where: filter, orderedBy: column, ascending: ascending, offset: offset, limit: limit)
            if column == "b" {
                // Ties of b come in the engine's order: compare the column sorted on.
                #expect(a.map { $0[4] } == b.map { $0[4] })
            } else {
                #expect(a == b, "\(column) \(ascending) \(offset)")
            }
        }
    }

    @Test func adultRowPagesMatchMemoryOnTheSortedColumn() throws {
        let sql = try PostgresTables.source("adult"), memory = PostgresTables.memory(AdultFixture.dataset)
        let index = AdultFixture.dataset.columnNames.firstIndex(of: "score")!
        let filter = "split == \"test\" and workclass is null"
        let a = try sql.rowPage(where: filter, orderedBy: "score", ascending: false, offset: 40, limit: 25)
        let b = try memory.rowPage(where: filter, orderedBy: "score", ascending: false, offset: 40, limit: 25)
        #expect(a.count == 25)
        #expect(a.map { $0[index] } == b.map { $0[index] })
    }

    @Test func aCancelledExportStopsTheQueryAndLeavesNothing() throws {
        let path = NSTemporaryDirectory() + "tutti-pg-cancelled-\(UUID().uuidString).csv"
        let source = try PostgresTables.source("adult")
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TuttiError.self) {
            try source.export(to: path, columns: nil, where: "", options: ExportOptions(),
                              work: WorkContext(cancellation: flag))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try source.rowCount(where: "age > 80") == PostgresTables.memory(AdultFixture.dataset).rowCount(where: "age > 80"))
    }

    @Test func aQueryIsASourceToo() throws {
        let server = try PostgresTables.server()
        let source = try PostgresSource(url: DatabaseURL(server.url()),
                                        query: "SELECT age, sex, CAST(score AS NUMERIC) AS score FROM adult WHERE split = 'test';")
        #expect(source.columns == [SQLColumn(name: "age", kind: .integer), SQLColumn(name: "sex", kind: .text),
                                   SQLColumn(name: "score", kind: .float)])
        #expect(try source.rowCount(where: "score > 0.5 and sex == 'Female'")
            == PostgresTables.memory(AdultFixture.dataset).rowCount(where: "split == 'test' and score > 0.5 and sex == 'Female'"))
    }
}
