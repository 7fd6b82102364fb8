import Foundation
import Testing
@testable import TuttiCore

/// The fixtures written by scripts/fixtures/make_parquet_fixtures.py (pyarrow, polars, DuckDB),
/// read and compared with the values the script gave the writers.
@Suite struct ParquetReaderTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/parquet/\(name)").path
    }

    static func loadFixture(_ name: String, options: LoadOptions = LoadOptions(),
                            work: WorkContext = WorkContext()) throws -> Dataset {
        try DatasetLoader.load(fixture(name), options: options, work: work).dataset
    }

    static let rows = 0..<300

    /// The flat columns every fixture shares, as the script builds them.
    static func checkShared(_ data: Dataset) {
        #expect(data.rowCount == 300)
        #expect(cells(data, "id") == rows.map { String($0) })
        #expect(data.column(named: "id")?.kind == .integer)
        #expect(cells(data, "i32") == rows.map { $0 % 7 == 0 ? nil : String($0 * 3 - 400) })
        #expect(data.column(named: "score")?.kind == .float)
        #expect(rows.map { data.column(named: "score")?.number(at: $0) } == rows.map { $0 % 11 == 0 ? nil : Double($0) / 8 })
        #expect(cells(data, "flag") == rows.map { $0 % 13 == 0 ? nil : String($0 % 3 == 0) })
        let labels = ["cat", "dog", "bird"]
        #expect(data.column(named: "label")?.kind == .categorical)
        #expect(cells(data, "label") == rows.map { $0 % 17 == 0 ? nil : labels[$0 % 3] })
        #expect(data.column(named: "text")?.kind == .text)
        #expect(cells(data, "text") == rows.map { "row \($0) é" })
    }

    /// Every type, list and struct of the full table (pyarrow files).
    static func checkFull(_ data: Dataset) throws {
        checkShared(data)
        #expect(cells(data, "small") == rows.map { String(($0 % 200) - 100) })
        #expect(cells(data, "u16") == rows.map { String($0 * 200 % 65536) })
        #expect(cells(data, "u32") == rows.map { String(4_000_000_000 + $0) })
        #expect(rows.map { data.column(named: "f32")?.number(at: $0) } == rows.map { Double($0) * 0.25 })
        #expect(rows.map { data.column(named: "half")?.number(at: $0) } == rows.map { Double($0 % 16) * 0.5 })
        let prices = try #require(data.column(named: "price"))
        #expect(rows.allSatisfy { abs(prices.number(at: $0)! - Double($0 * 7) / 100) < 1e-9 })
        #expect(cells(data, "day")[0] == "2024-01-01")
        #expect(cells(data, "day")[299] == "2024-10-26")
        #expect(cells(data, "at")[1] == "2024-03-01T12:01:30.5Z")
        // A timestamp not adjusted to UTC is read as UTC wall time (the datetime kind is UTC).
        #expect(data.column(named: "local_ms")?.kind == .datetime)
        #expect(cells(data, "local_ms")[1] == "2020-01-01T00:00:01.001Z")
        let emb = try #require(data.column(named: "emb"))
        guard case .vector(3, let values) = emb.data else {
            Issue.record("emb is not a vector of 3")
            return
        }
        for row in rows {
            #expect(emb.isPresent(row) == (row % 19 != 0))
            if row % 19 != 0 { #expect(Array(values[(row * 3)..<(row * 3 + 3)]) == [Float(row) * 0.5, -Float(row), 1]) }
        }
        guard case .vector(2, let fixed) = data.column(named: "fixed")?.data else {
            Issue.record("fixed is not a vector of 2")
            return
        }
        #expect(Array(fixed[10..<12]) == [5, 6])
        #expect(cells(data, "tags").prefix(2) == ["[]", "[\"a\",\"b\"]"])
        #expect(cells(data, "point")[3] == "{\"x\":3,\"y\":\"p3\"}")
    }

    @Test func pyarrowV1SnappyDictionary() throws { try Self.checkFull(Self.loadFixture("pyarrow_v1_snappy.parquet")) }
    @Test func pyarrowV2Gzip() throws { try Self.checkFull(Self.loadFixture("pyarrow_v2_gzip.parquet")) }
    @Test func pyarrowPlainUncompressed() throws { try Self.checkFull(Self.loadFixture("pyarrow_plain_none.parquet")) }
    @Test func pyarrowLZ4ZstdBrotliPerColumn() throws { try Self.checkFull(Self.loadFixture("pyarrow_zstd_lz4.parquet")) }

    @Test func pyarrowDeltaAndByteStreamSplit() throws {
        let data = try Self.loadFixture("pyarrow_delta.parquet")
        #expect(cells(data, "id") == Self.rows.map { String($0) })
        #expect(cells(data, "i32") == Self.rows.map { $0 % 7 == 0 ? nil : String($0 * 3 - 400) })
        #expect(Self.rows.map { data.column(named: "score")?.number(at: $0) } == Self.rows.map { $0 % 11 == 0 ? nil : Double($0) / 8 })
        #expect(cells(data, "text") == Self.rows.map { "row \($0) é" })
        let labels = ["cat", "dog", "bird"]
        #expect(cells(data, "label") == Self.rows.map { $0 % 17 == 0 ? nil : labels[$0 % 3] })
        #expect(data.column(named: "label")?.kind == .categorical)
        #expect(Self.rows.map { data.column(named: "f32")?.number(at: $0) } == Self.rows.map { Double($0) * 0.25 })
    }

    @Test func polarsZstd() throws {
        let data = try Self.loadFixture("polars_zstd.parquet")
        Self.checkShared(data)
        #expect(data.column(named: "emb")?.kind == .vector)
    }

    @Test func duckDB() throws {
        let data = try Self.loadFixture("duckdb.parquet")
        Self.checkShared(data)
        #expect(cells(data, "day")[31] == "2024-02-01")
    }

    @Test func int96Timestamps() throws {
        let data = try Self.loadFixture("pyarrow_int96.parquet")
        #expect(cells(data, "at")[0] == "2024-03-01T12:00:00Z")
        #expect(cells(data, "at")[1] == "2024-03-01T12:01:30.5Z")
    }

    @Test func recognisedByMagicBytesWhateverTheName() throws {
        let folder = try TemporaryFolder()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixture("polars_zstd.parquet"))))
        let path = try folder.write("data.csv", bytes)
        #expect(try DatasetLoader.load(path).dataset.rowCount == 300)
    }

    @Test func columnsReadsOnlyThoseInOrder() throws {
        let data = try Self.loadFixture("pyarrow_v1_snappy.parquet", options: LoadOptions(columns: ["label", "id"]))
        #expect(data.columnNames == ["label", "id"])
        #expect(cells(data, "id")[5] == "5")
        let error = #expect(throws: TuttiError.self) {
            try Self.loadFixture("pyarrow_v1_snappy.parquet", options: LoadOptions(columns: ["lable"]))
        }
        #expect(error?.message == "--columns: unknown column 'lable' — did you mean 'label'?")
    }

    @Test func textColumnsKeepNumbersAsText() throws {
        let data = try Self.loadFixture("duckdb.parquet", options: LoadOptions(textColumns: ["i32"]))
        #expect(data.column(named: "i32")?.kind == .text)
        #expect(cells(data, "i32")[1] == "-397")
        #expect(cells(data, "i32")[0] == nil)
    }

    @Test func progressIsReportedAndCancellationStops() throws {
        let seen = CallCounter()
        _ = try Self.loadFixture("pyarrow_v1_snappy.parquet", work: WorkContext(progress: { _ in seen.increment() }))
        #expect(seen.value > 0)
        let flag = CancellationFlag()
        flag.cancel()
        let error = #expect(throws: TuttiError.self) {
            try Self.loadFixture("pyarrow_v1_snappy.parquet", work: WorkContext(cancellation: flag))
        }
        #expect(error?.message == "loading cancelled")
    }

    @Test func embeddingFeedsTheNearDuplicateVectorSearch() throws {
        let data = try Self.loadFixture("embeddings.parquet")
        #expect(data.column(named: "embedding")?.kind == .vector)
        let search = try DuplicateSearch(dataset: data, roles: ColumnRoles.infer(from: data),
                                         options: DuplicateOptions(exact: false, vectorColumns: ["embedding"]))
        let report = try search.run()
        let pairs = report.clusters.filter { $0.kind == .nearVector }.map(\.rows)
        #expect(pairs.count == 5)
        for i in 0..<5 { #expect(pairs.contains { $0.contains(i) && $0.contains(40 + i) }) }
    }
}

/// Counts calls from any thread.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
