import Foundation
import Testing
@testable import TuttiCore

/// The fixtures written by scripts/fixtures/make_arrow_fixtures.py (pyarrow, polars), which hold
/// the table of the Parquet fixtures, read and compared with the values the script gave the writers.
@Suite struct ArrowReaderTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/arrow/\(name)").path
    }

    static func loadFixture(_ name: String, options: LoadOptions = LoadOptions(),
                            work: WorkContext = WorkContext()) throws -> Dataset {
        try DatasetLoader.load(fixture(name), options: options, work: work).dataset
    }

    @Test func pyarrowFileUncompressed() throws { try ParquetReaderTests.checkFull(Self.loadFixture("pyarrow.arrow")) }
    @Test func pyarrowFeatherLZ4Frame() throws { try ParquetReaderTests.checkFull(Self.loadFixture("pyarrow_lz4.feather")) }
    @Test func pyarrowStreamZstd() throws { try ParquetReaderTests.checkFull(Self.loadFixture("pyarrow_zstd.arrows")) }

    @Test func dictionaryEncodedStringsBecomeCategoricalFromTheDictionary() throws {
        for name in ["pyarrow_dictionary.arrow", "pyarrow_dictionary_delta.arrows"] {
            let data = try Self.loadFixture(name)
            try ParquetReaderTests.checkFull(data)
            guard case .categorical(_, let dictionary) = data.column(named: "label")?.data else {
                Issue.record("label is not categorical in \(name)")
                continue
            }
            #expect(dictionary.count == 3)
        }
    }

    @Test func huggingFaceStreamNamedArrow() throws {
        let data = try Self.loadFixture("data-00000-of-00001.arrow")
        ParquetReaderTests.checkShared(data)
        #expect(data.column(named: "emb")?.kind == .vector)
    }

    @Test func polarsFilesAndStream() throws {
        for name in ["polars_zstd.arrow", "polars_lz4_oldest.arrow", "polars_stream.arrows"] {
            let data = try Self.loadFixture(name)
            ParquetReaderTests.checkShared(data)
            #expect(data.column(named: "emb")?.kind == .vector)
        }
    }

    @Test func typesTheSharedTableLacks() throws {
        let data = try Self.loadFixture("extras.arrow")
        let rows = 0..<10
        #expect(cells(data, "d64") == rows.map { "2024-05-\($0 < 9 ? "0" : "")\($0 + 1)" })
        #expect(cells(data, "t32") == rows.map { "01:02:0\($0)" })
        #expect(cells(data, "t64")[0] == "23:59:00")
        #expect(cells(data, "t64")[1] == "23:59:00.001")
        #expect(cells(data, "big") == rows.map { $0 == 3 ? nil : "large \($0)" })
        #expect(cells(data, "raw")[2] == "CB")
        #expect(data.column(named: "u64")?.kind == .float)
        #expect(data.column(named: "u64")?.number(at: 0) == 9_223_372_036_854_775_808)
        #expect(rows.map { data.column(named: "wide")?.number(at: $0) } == rows.map { -Double($0) * 0.125 })
        guard case .vector(2, let pairs) = data.column(named: "llist")?.data else {
            Issue.record("llist is not a vector of 2")
            return
        }
        #expect(Array(pairs[8..<10]) == [4, 8])
        #expect(cells(data, "dur")[2] == "2000")
        #expect(cells(data, "m")[4] == "{\"k\":4}")
        #expect(cells(data, "nothing") == rows.map { _ in nil })
    }

    @Test func recognisedByMagicBytesWhateverTheName() throws {
        let folder = try TemporaryFolder()
        for fixture in ["pyarrow_lz4.feather", "pyarrow_zstd.arrows"] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixture(fixture))))
            let path = try folder.write("data.csv", bytes)
            #expect(try DatasetLoader.load(path).dataset.rowCount == 300)
        }
    }

    @Test func columnsReadsOnlyThoseInOrder() throws {
        for fixture in ["pyarrow.arrow", "pyarrow_dictionary_delta.arrows"] {
            let data = try Self.loadFixture(fixture, options: LoadOptions(columns: ["label", "id", "emb"]))
            #expect(data.columnNames == ["label", "id", "emb"])
            #expect(cells(data, "id")[5] == "5")
            #expect(cells(data, "label")[5] == "bird")
        }
        let error = #expect(throws: TuttiError.self) {
            try Self.loadFixture("pyarrow.arrow", options: LoadOptions(columns: ["lable"]))
        }
        #expect(error?.message == "--columns: unknown column 'lable' — did you mean 'label'?")
    }

    @Test func textColumnsKeepNumbersAsText() throws {
        let data = try Self.loadFixture("pyarrow_zstd.arrows", options: LoadOptions(textColumns: ["i32"]))
        #expect(data.column(named: "i32")?.kind == .text)
        #expect(cells(data, "i32")[1] == "-397")
        #expect(cells(data, "i32")[0] == nil)
    }

    @Test func progressIsReportedAndCancellationStops() throws {
        let seen = CallCounter()
        _ = try Self.loadFixture("pyarrow.arrow", work: WorkContext(progress: { _ in seen.increment() }))
        #expect(seen.value > 0)
        let flag = CancellationFlag()
        flag.cancel()
        let error = #expect(throws: TuttiError.self) {
            try Self.loadFixture("pyarrow_zstd.arrows", work: WorkContext(cancellation: flag))
        }
        #expect(error?.message == "loading cancelled")
    }

    @Test func embeddingFeedsTheNearDuplicateVectorSearch() throws {
        let data = try Self.loadFixture("embeddings.arrow")
        #expect(data.column(named: "embedding")?.kind == .vector)
        let search = try DuplicateSearch(dataset: data, roles: ColumnRoles.infer(from: data),
                                         options: DuplicateOptions(exact: false, vectorColumns: ["embedding"]))
        let report = try search.run()
        let pairs = report.clusters.filter { $0.kind == .nearVector }.map(\.rows)
        #expect(pairs.count == 5)
        for i in 0..<5 { #expect(pairs.contains { $0.contains(i) && $0.contains(40 + i) }) }
    }
}
