import Foundation
import Testing
@testable import TuttiCore

/// Parquet export read back by tutti's own reader (the benchmark script checks pyarrow, polars
/// and DuckDB on the same files).
@Suite struct ParquetExportTests {
    static func roundTrip(_ exporter: RowExporter, compression: ParquetCompression = .snappy) throws -> Dataset {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out.parquet").path
        try exporter.export(to: path, options: ExportOptions(parquetCompression: compression))
        return try DatasetLoader.load(path).dataset
    }

    @Test(arguments: ParquetCompression.allCases)
    func everyKindAndMissingCellRoundTrips(compression: ParquetCompression) throws {
        let table = sampleTable()
        let reloaded = try Self.roundTrip(RowExporter(dataset: table), compression: compression)
        #expect(reloaded.columnNames == table.columnNames)
        for column in table.columns {
            let back = try #require(reloaded.column(named: column.name))
            #expect(back.kind == (column.kind == .categorical ? .categorical : column.kind), "\(column.name)")
            #expect(back.validity == column.validity, "\(column.name)")
            #expect(cells(reloaded, column.name) == cells(table, column.name), "\(column.name)")
        }
    }

    @Test func timesAreWrittenAsUTCMicrosecondTimestampsAndReadBackAsTimes() throws {
        let micros: [Int64] = [1_261_589_898_000_000, 0, 1_451_685_600_123_456, -86_400_000_000]
        let times = Column.datetime(name: "created_at", microseconds: micros,
                                    validity: RowSet(rowCount: 4, rows: [0, 2, 3]))
        let table = Dataset(source: "t", rowCount: 4, columns: [times])
        let reloaded = try Self.roundTrip(RowExporter(dataset: table))
        let back = try #require(reloaded.column(named: "created_at"))
        #expect(back.kind == .datetime)
        #expect(back.validity == times.validity)
        #expect(cells(reloaded, "created_at") == cells(table, "created_at"))
    }

    @Test func rowsInTheGivenOrderAndChosenColumns() throws {
        let table = sampleTable()
        let order = [9, 2, 5, 1]
        let columns = try table.columns(named: ["note", "id", "embedding", "color"])
        let reloaded = try Self.roundTrip(RowExporter(dataset: table, columns: columns, order: order))
        #expect(reloaded.columnNames == ["note", "id", "embedding", "color"])
        for column in columns {
            #expect(cells(reloaded, column.name) == order.map { column.isPresent($0) ? column.text(at: $0) : nil })
        }
    }

    @Test func adultKeepsEveryColumnExactly() throws {
        let reloaded = try Self.roundTrip(RowExporter(dataset: adult))
        #expect(reloaded.rowCount == adult.rowCount)
        #expect(reloaded.columns == adult.columns)
    }

    @Test func manyRowsSpanSeveralPages() throws {
        let count = 300_000
        let table = Dataset(source: "big", rowCount: count, columns: [
            Column(name: "i", data: .integer((0..<Int64(count)).map { $0 * 7919 }), validity: RowSet(rowCount: count, rows: stride(from: 0, to: count, by: 3))),
            Column(name: "f", data: .float((0..<count).map { Double($0) / 7 }), validity: RowSet(rowCount: count, allSet: true)),
            Column(name: "b", data: .boolean((0..<count).map { $0 % 5 == 0 }), validity: RowSet(rowCount: count, allSet: true)),
        ])
        let reloaded = try Self.roundTrip(RowExporter(dataset: table), compression: .zstd)
        #expect(reloaded.columns == table.columns.map { column in
            // Missing integer cells come back as the placeholder 0.
            guard case .integer(let values) = column.data else { return column }
            return Column(name: column.name, data: .integer(values.indices.map { column.isPresent($0) ? values[$0] : 0 }), validity: column.validity)
        })
    }

    /// A file tutti wrote earlier, committed with the fixtures (written by scripts/fixtures/make_parquet_fixtures.py).
    @Test func committedTuttiFileReadsBack() throws {
        let data = try DatasetLoader.load(ParquetReaderTests.fixture("tutti.parquet")).dataset
        ParquetReaderTests.checkShared(data)
    }
}
