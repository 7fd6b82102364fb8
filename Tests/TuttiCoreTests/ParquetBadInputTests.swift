import Foundation
import Testing
@testable import TuttiCore

/// A one-column Parquet file (`x`, required INT64, one v1 page) built byte by byte, so that each
/// field can lie.
struct ParquetTestFile {
    var values: [Int64] = [1, 2, 3]
    var codec: Int32 = 0
    var encoding: Int32 = 0
    var compress: (([UInt8]) throws -> [UInt8])?
    var declaredUncompressedSize: Int?
    var pageValueCount: Int?
    var chunkValueCount: Int64?
    var rowCount: Int64?
    var pageHeader: [UInt8]?
    var footer: [UInt8]?

    func bytes() throws -> [UInt8] {
        var plain: [UInt8] = []
        for value in values { withUnsafeBytes(of: value.littleEndian) { plain.append(contentsOf: $0) } }
        let body = try compress?(plain) ?? plain
        var header = ThriftCompactWriter()
        header.beginStruct()
        header.i32(1, 0)
        header.i32(2, Int32(declaredUncompressedSize ?? plain.count))
        header.i32(3, Int32(body.count))
        header.structField(5)
        header.i32(1, Int32(pageValueCount ?? values.count))
        header.i32(2, encoding)
        header.i32(3, 3)
        header.i32(4, 3)
        header.endStruct()
        header.endStruct()
        let page = (pageHeader ?? header.bytes) + body
        var meta = ThriftCompactWriter()
        meta.beginStruct()
        meta.i32(1, 1)
        meta.listField(2, count: 2, type: .structure)
        meta.beginStruct(); meta.string(4, "schema"); meta.i32(5, 1); meta.endStruct()
        meta.beginStruct(); meta.i32(1, 2); meta.i32(3, 0); meta.string(4, "x"); meta.endStruct()
        meta.i64(3, rowCount ?? Int64(values.count))
        meta.listField(4, count: 1, type: .structure)
        meta.beginStruct()
        meta.listField(1, count: 1, type: .structure)
        meta.beginStruct()
        meta.i64(2, 4)
        meta.structField(3)
        meta.i32(1, 2)
        meta.listField(2, count: 1, type: .i32); meta.i32Element(encoding)
        meta.listField(3, count: 1, type: .binary); meta.stringElement("x")
        meta.i32(4, codec)
        meta.i64(5, chunkValueCount ?? Int64(values.count))
        meta.i64(6, Int64(page.count))
        meta.i64(7, Int64(page.count))
        meta.i64(9, 4)
        meta.endStruct()
        meta.endStruct()
        meta.i64(2, Int64(page.count))
        meta.i64(3, rowCount ?? Int64(values.count))
        meta.endStruct()
        meta.endStruct()
        let footerBytes = footer ?? meta.bytes
        var length: [UInt8] = []
        withUnsafeBytes(of: UInt32(footerBytes.count).littleEndian) { length.append(contentsOf: $0) }
        return Array("PAR1".utf8) + page + footerBytes + length + Array("PAR1".utf8)
    }
}

/// Every bad input gives a one-line error naming the file (and the column and row group where
/// they apply): never a crash, a hang or an allocation sized by a lying field.
@Suite struct ParquetBadInputTests {
    func error(_ file: ParquetTestFile, name: String = "bad.parquet") throws -> TuttiError? {
        error(try file.bytes(), name: name)
    }

    func error(_ bytes: [UInt8], name: String = "bad.parquet") -> TuttiError? {
        do {
            _ = try DatasetLoader.load(bytes: bytes, name: name)
            Issue.record("loaded without an error")
            return nil
        } catch let error as TuttiError {
            #expect(error.file == name)
            #expect(!error.description.contains("\n"))
            return error
        } catch {
            Issue.record("unexpected error: \(error)")
            return nil
        }
    }

    func expectInColumn(_ error: TuttiError?, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.message.hasPrefix("column 'x', row group 1: ") == true, sourceLocation: sourceLocation)
        #expect(error?.message.contains(text) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func theTestFileItselfLoads() throws {
        let data = try DatasetLoader.load(bytes: try ParquetTestFile().bytes(), name: "good.parquet").dataset
        #expect(cells(data, "x") == ["1", "2", "3"])
        let snappy = ParquetTestFile(codec: 1, compress: { try ParquetCompression.snappy.compressed($0) })
        #expect(cells(try DatasetLoader.load(bytes: try snappy.bytes(), name: "s.parquet").dataset, "x") == ["1", "2", "3"])
    }

    @Test func notParquetDespiteTheName() {
        let error = error(Array("a,b\n1,2\n".utf8), name: "data.parquet")
        #expect(error?.message == "is not a Parquet file despite its name (it does not start with PAR1)")
    }

    @Test func truncatedFile() throws {
        let whole = try ParquetTestFile().bytes()
        #expect(error(Array(whole.prefix(whole.count / 2)))?.message.contains("truncated") == true)
        #expect(error(Array(whole.prefix(6)))?.message.contains("too short") == true)
    }

    @Test func corruptFooter() throws {
        #expect(try error(ParquetTestFile(footer: [0xFF, 0x13, 0x7A, 0x00, 0x19]))?.message.contains("corrupt footer") == true)
        var lying = try ParquetTestFile().bytes()
        lying[lying.count - 5] = 0x7F
        #expect(error(lying)?.message.contains("corrupt footer (its length") == true)
    }

    @Test func corruptPageHeader() throws {
        expectInColumn(try error(ParquetTestFile(pageHeader: [0x15, 0x00, 0x99, 0xFF, 0xFF])), "corrupt page header")
    }

    @Test func pageThatDecompressesToTheWrongSize() throws {
        let file = ParquetTestFile(codec: 1, compress: { try ParquetCompression.snappy.compressed($0) }, declaredUncompressedSize: 40)
        expectInColumn(try error(file), "does not decompress to the size its header gives (SNAPPY)")
        let zstd = ParquetTestFile(codec: 6, compress: { try ParquetCompression.zstd.compressed($0) }, declaredUncompressedSize: 1 << 30)
        expectInColumn(try error(zstd), "does not decompress to the size its header gives (ZSTD)")
        let gzip = ParquetTestFile(codec: 2, compress: { try ParquetCompression.gzip.compressed($0) }, declaredUncompressedSize: 30)
        expectInColumn(try error(gzip), "GZIP")
    }

    @Test func unsupportedEncodingAndCodec() throws {
        expectInColumn(try error(ParquetTestFile(encoding: 10)), "uses the ALP encoding for int64 values, which tutti does not read")
        expectInColumn(try error(ParquetTestFile(codec: 3)), "LZO codec")
        expectInColumn(try error(ParquetTestFile(codec: 42)), "unknown compression codec (42)")
    }

    @Test func lyingCountsAndLengths() throws {
        expectInColumn(try error(ParquetTestFile(chunkValueCount: 1 << 40, rowCount: 3)), "1099511627776 values for 3 rows")
        expectInColumn(try error(ParquetTestFile(chunkValueCount: 5, rowCount: 5)), "ends after 3 of its 5 values")
        expectInColumn(try error(ParquetTestFile(pageValueCount: 1 << 20, chunkValueCount: 1 << 20, rowCount: 1 << 20)), "page ends early")
        #expect(try error(ParquetTestFile(rowCount: 1 << 60))?.message.contains("more than the memory budget") == true)
        expectInColumn(try error(ParquetTestFile(values: [1, 2, 3], chunkValueCount: 2, rowCount: 2)), "more values than its column chunk")
    }

    /// Footers found by the fuzz harness: sizes and offsets near `Int64.max` that overflowed
    /// sums, and a schema whose nested children ran past the element list.
    @Test func fuzzFoundFooters() throws {
        func load(_ fixture: String) throws -> TuttiError? {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ParquetReaderTests.fixture(fixture))))
            return error(bytes)
        }
        #expect(try load("fuzz_chunk_size_overflow.parquet")?.message == "column 'score', row group 1: corrupt footer (a column chunk lies outside the file)")
        #expect(try load("fuzz_chunk_offset_overflow.parquet")?.message == "column 'point.x', row group 3: corrupt footer (a column chunk lies outside the file)")
        #expect(try load("fuzz_schema_children.parquet")?.message == "has a corrupt footer: the schema: more children than elements")
    }

    @Test func raggedListUsedAsAVector() {
        let path = ParquetReaderTests.fixture("ragged.parquet")
        #expect(throws: TuttiError.self) { try DatasetLoader.load(path) }
        do {
            _ = try DatasetLoader.load(path)
        } catch let error as TuttiError {
            #expect(error.description == "\(path): column 'v', row group 1: is a list of numbers used as a vector, but its row 2 of the row group has 1 value where earlier rows have 2")
        } catch {
            Issue.record("unexpected error: \(error)")
        }
    }
}

extension ParquetCompression {
    /// `input` compressed, as the page writer compresses it.
    func compressed(_ input: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        let count = try compress(input, into: &output)
        return self == .none ? input : Array(output[0..<count])
    }
}
