import Foundation
import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
import TuttiUI

/// The explorer on a sample of a table in an engine: the status line shows the engine's exact
/// counts, asked once per expression (a redraw never asks again) and, for a live brush, summed
/// from one Falcon table built when the brush starts.
@Suite struct EngineCountsTests {
    /// An engine over the Adult data in memory that counts the questions it gets.
    final class CountingEngine: Sendable {
        let counts = Mutex<[String]>([])
        let brushes = Mutex(0)
        private var source: MemorySource { MemorySource(dataset: adult, roles: adultRoles) }

        var rows: EngineRows {
            EngineRows(estimatedRows: adult.rowCount, count: { [self] filter, _ in
                counts.withLock { $0.append(filter) }
                return try source.rowCount(where: filter)
            }, brushTables: { [self] brushed, views, filter, _ in
                brushes.withLock { $0 += 1 }
                return try source.brushTables(brushed: brushed, views: views, where: filter)
            }, export: { _, _, _, _, _ in throw TuttiError("not exported in this test") })
        }
    }

    @Test func filterCountsComeFromTheEngineOncePerExpression() throws {
        let engine = CountingEngine()
        let driver = AppDriver(width: 200, height: 40, engine: engine.rows)
        driver.settle()
        #expect(engine.counts.withLock { $0 } == [""])
        for filter in ["age > 50", "sex == \"Female\"", "age > 50"] {
            driver.type("/")
            driver.press(KeyEvent(.character("u"), modifiers: .ctrl))
            driver.type(filter)
            driver.press(.enter)
            driver.settle()
            let expected = try MemorySource(dataset: adult, roles: adultRoles).rowCount(where: filter)
            #expect(driver.status.contains("table of 48,842: \(NumberFormatting.grouped(expected)) filtered"), "\(driver.status)")
        }
        driver.press(.tab, .tab)
        driver.send(.resize(width: 180, height: 40))
        driver.settle()
        #expect(engine.counts.withLock { $0 } == ["", "age > 50", "sex == \"Female\""])
    }

    @Test func aLiveBrushSumsOneFalconTable() throws {
        let engine = CountingEngine()
        let driver = AppDriver(width: 200, height: 40, engine: engine.rows)
        driver.settle()
        let (exact, shown) = try driver.brushFirstHistogramOverTheEngine()
        // The engine holds the same rows as the sample here, so the two counts agree.
        #expect(exact == shown)
        #expect(engine.brushes.withLock { $0 } == 1)
    }
}
