import Foundation
import Testing
import TuttiTestSupport
@testable import TuttiCore

/// Devices are refused; streams and gzip data stop at the memory budget.
@Suite struct EndlessInputTests {
    private static let mebibyte = 1 << 20

    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func devicesAreRefused(path: String) {
        #expect(throws: TuttiError("is a device (such as /dev/zero or a terminal), not a data file", file: path)) {
            try DatasetLoader.load(path)
        }
    }

    /// A named pipe fed by `yes` for ever: read up to the budget, then an error.
    @Test func anEndlessPipeStopsAtTheBudget() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("endless.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            // `yes` dies of SIGPIPE once the loader closes its end.
            _ = try? ChildProcess.shell("(echo a,b; yes 1,2) > " + ChildProcess.shellQuoted(fifo))
        }
        writer.start()
        let options = LoadOptions(memoryLimit: Self.mebibyte)
        #expect(throws: TuttiError("the input holds more than the memory budget of 1 MiB (--max-memory SIZE changes it)",
                                   file: fifo)) {
            try DatasetLoader.load(fifo, options: options)
        }
    }

    @Test func aPipeWithinTheBudgetLoads() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("short.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let body = "a,b\n" + String(repeating: "1,2\n", count: (Self.mebibyte - 4) / 4)
        #expect(body.utf8.count == Self.mebibyte)
        let source = try folder.write("body.csv", body)
        let writer = Thread {
            _ = try? ChildProcess.shell("cat " + ChildProcess.shellQuoted(source) + " > " + ChildProcess.shellQuoted(fifo))
        }
        writer.start()
        let result = try DatasetLoader.load(fifo, options: LoadOptions(memoryLimit: Self.mebibyte))
        #expect(result.dataset.rowCount == (Self.mebibyte - 4) / 4)
    }

    /// A small gzip member that expands far past the budget (a gzip bomb).
    @Test func aGzipBombStopsAtTheBudget() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("bomb.csv.gz").path
        let made = try ChildProcess.shell("(echo a,b; yes 1,2 | head -c 4000000) | gzip -9 > " + ChildProcess.shellQuoted(path))
        #expect(made.status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < Self.mebibyte / 16)
        #expect(throws: TuttiError("the input decompresses to more than the memory budget of 2 MiB (--max-memory SIZE changes it)",
                                   file: path)) {
            try DatasetLoader.load(path, options: LoadOptions(memoryLimit: 2 * Self.mebibyte))
        }
        #expect(try DatasetLoader.load(path, options: LoadOptions(memoryLimit: 8 * Self.mebibyte)).dataset.rowCount
            == 4_000_000 / 4)
    }

    @Test func gzipOutputOfExactlyTheBudgetLoads() throws {
        let text = "a\n" + String(repeating: "1\n", count: 99_999)
        let folder = try TemporaryFolder()
        let plain = try folder.write("exact.csv", text)
        #expect(try ChildProcess.shell("gzip -k " + ChildProcess.shellQuoted(plain)).status == 0)
        let budget = text.utf8.count
        #expect(try DatasetLoader.load(plain + ".gz", options: LoadOptions(memoryLimit: budget)).dataset.rowCount == 99_999)
        #expect(throws: TuttiError.self) {
            try DatasetLoader.load(plain + ".gz", options: LoadOptions(memoryLimit: budget - 1))
        }
    }

    @Test(arguments: [
        ("500M", 500 << 20), ("8G", 8 << 30), ("8g", 8 << 30), ("8GB", 8 << 30), ("8GiB", 8 << 30),
        ("1.5G", 3 << 29), ("64k", 64 << 10), ("2T", 2 << 40), ("1048576", 1 << 20), ("100b", 100),
    ])
    func sizesParse(text: String, bytes: Int) {
        #expect(MemoryBudget.parse(text) == bytes)
    }

    @Test(arguments: ["", "G", "0", "-1G", "8X", "8 iB", "8iB", "lots", "nan", "1e400"])
    func badSizesDoNot(text: String) {
        #expect(MemoryBudget.parse(text) == nil)
    }

    @Test func sizesReadBack() {
        #expect(MemoryBudget.describe(1 << 20) == "1 MiB")
        #expect(MemoryBudget.describe(3 << 29) == "1.5 GiB")
        #expect(MemoryBudget.describe(512) == "512 bytes")
        #expect(MemoryBudget.defaultBytes >= 1 << 20)
    }
}
