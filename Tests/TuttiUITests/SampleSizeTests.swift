import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
import TuttiUI

/// `P` on a sample of a table in an engine: asks for a new sample size, pulls that sample in the
/// background and swaps it in, the filter, the selection and the panes kept.
@Suite struct SampleSizeTests {
    /// The Adult table as an engine whose samples are its first rows, counting the sizes asked.
    final class SamplingEngine: Sendable {
        let sizes = Mutex<[Int]>([])

        var rows: EngineRows {
            var rows = EngineCountsTests.CountingEngine().rows
            rows.sample = { [self] count, work in
                sizes.withLock { $0.append(count) }
                try work.check("sampling")
                let first = adult.firstRows(min(count, adult.rowCount))
                return EngineSample(rows: Dataset(source: "adult_scored.csv", rowCount: first.rowCount, columns: first.columns),
                                    estimatedRows: nil, tableRows: adult.rowCount)
            }
            return rows
        }
    }

    /// Types `text` into the open prompt in place of what it holds.
    private func answer(_ driver: AppDriver, _ text: String) {
        driver.press(KeyEvent(.character("u"), modifiers: .ctrl))
        driver.type(text)
        driver.press(.enter)
    }

    @Test func aNewSampleKeepsTheFilterSelectionAndPanes() throws {
        let engine = SamplingEngine()
        let driver = AppDriver(width: 200, height: 40, engine: engine.rows)
        driver.settle()
        driver.type("/")
        driver.type("age > 50")
        driver.press(.enter)
        driver.press(.character("4"))
        driver.settle()
        let before = driver.lines
        let corners = before.joined().filter { $0 == "┌" }.count
        #expect(driver.status.contains("sample 48,842 of 48,842 rows"), "\(driver.status)")

        driver.press(.character("P"))
        #expect(driver.lines.contains { $0.contains("sample size: 48842") }, "\(driver.lines.suffix(2))")
        answer(driver, "5,000")
        driver.settle()
        #expect(engine.sizes.withLock { $0 } == [5000])
        let filtered = try MemorySource(dataset: adult.firstRows(5000), roles: adultRoles).rowCount(where: "age > 50")
        #expect(driver.status.contains("sample 5,000 of 48,842 rows · \(NumberFormatting.grouped(filtered)) filtered"),
                "\(driver.status)")
        #expect(driver.status.contains("filter: age > 50") || driver.lines.joined().contains("new sample: 5,000 of 48,842 rows"),
                "\(driver.status)")
        // The same panes, the slices pane still focused and searching the new sample.
        #expect(driver.lines.joined().filter { $0 == "┌" }.count == corners)
        #expect(driver.lines.contains { $0.contains("Slices") && $0.contains("found on sample 5,000") }, "\(driver.lines.prefix(3))")
    }

    @Test func aSizeThatIsNotANumberIsAskedAgain() throws {
        let engine = SamplingEngine()
        let driver = AppDriver(width: 160, height: 30, engine: engine.rows)
        driver.settle()
        driver.press(.character("P"))
        answer(driver, "lots")
        #expect(driver.lines.joined().contains("type a number of rows, at least 1"), "\(driver.lines.suffix(3))")
        answer(driver, "0")
        #expect(driver.lines.joined().contains("type a number of rows, at least 1"))
        driver.press(.escape)
        driver.settle()
        #expect(engine.sizes.withLock { $0 }.isEmpty)
        #expect(driver.status.contains("sample 48,842 of 48,842 rows"))
    }

    @Test func dataLoadedWholeHasNoSampleToResize() {
        let driver = AppDriver(width: 160, height: 30)
        driver.press(.character("P"))
        #expect(driver.lines.joined().contains("P pulls a new sample of a database table; this data is loaded whole"),
                "\(driver.status)")
        #expect(!driver.lines.joined().contains("sample size:"))
    }
}
