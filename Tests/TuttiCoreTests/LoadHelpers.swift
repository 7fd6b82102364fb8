import Foundation
import Testing
import TuttiTestSupport
@testable import TuttiCore

/// Loads text as if it were a file called `name`.
func load(_ text: String, name: String = "test.csv", options: LoadOptions = LoadOptions()) throws -> LoadResult {
    try DatasetLoader.load(bytes: Array(text.utf8), name: name, options: options)
}

/// The delimited parser's table of CSV `text` cut into chunks of at most `chunkSize` bytes,
/// before its columns are joined.
func parseDelimited(_ text: String, chunkSize: Int) throws -> ParsedTable {
    let bytes = Array(text.utf8)
    let pointer = malloc(bytes.count)!
    bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
    let parser = DelimitedParser(buffer: .adopting(pointer, count: bytes.count), name: "t.csv",
                                 options: LoadOptions(chunkSize: chunkSize), work: WorkContext())
    return try parser.parse(bodyStart: 0, delimiter: UInt8(ascii: ","))
}

/// The error thrown when loading `text`, or nil.
func loadError(_ text: String, name: String = "test.csv", options: LoadOptions = LoadOptions()) -> TuttiError? {
    do {
        _ = try load(text, name: name, options: options)
        return nil
    } catch let error as TuttiError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// A column's cells as display text, missing cells as nil.
func cells(_ dataset: Dataset, _ name: String) -> [String?] {
    guard let column = dataset.column(named: name) else { return [] }
    return (0..<dataset.rowCount).map { column.isPresent($0) ? column.text(at: $0) : nil }
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The Adult dataset (see `AdultFixture`).
let adult = AdultFixture.dataset
