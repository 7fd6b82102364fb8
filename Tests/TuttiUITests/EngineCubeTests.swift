import Synchronization
import Testing
import TuttiCore
import TuttiTerminal
import TuttiUI

/// The explorer over an engine that prepares the brush cube: asked once for the visible
/// histograms when the explorer opens and again when the filter changes; a brush start then
/// sums its tables from the cube (no query), and counts them as before when the cube is past
/// its cap.
@Suite struct EngineCubeTests {
    /// An engine over the Adult data in memory that records its cubes and brush queries.
    final class CubeEngine: Sendable {
        let cubes = Mutex<[String]>([])
        let brushes = Mutex(0)
        let overCap: Bool
        private var source: MemorySource { MemorySource(dataset: adult, roles: adultRoles) }

        init(overCap: Bool = false) {
            self.overCap = overCap
        }

        var rows: EngineRows {
            var rows = EngineRows(estimatedRows: nil, count: { [self] filter, _ in
                try source.rowCount(where: filter)
            }, brushTables: { [self] brushed, views, filter, _ in
                brushes.withLock { $0 += 1 }
                return try source.brushTables(brushed: brushed, views: views, where: filter)
            }, export: { _, _, _, _, _ in throw TuttiError("not exported in this test") })
            rows.tableRows = adult.rowCount
            rows.binCube = { [self] binnings, filter, _ in
                cubes.withLock { $0.append(filter) }
                return overCap ? nil : try BinCube.counting(binnings: binnings, filter: source.rows(where: filter))
            }
            return rows
        }
    }

    @Test func aBrushStartSumsTheCubeAndAFilterRebuildsIt() throws {
        let engine = CubeEngine()
        let driver = AppDriver(width: 200, height: 40, engine: engine.rows)
        driver.settle()
        #expect(engine.cubes.withLock { $0 } == [""])
        let counts = try driver.brushFirstHistogramOverTheEngine()
        #expect(counts.exact == counts.shown)
        #expect(driver.status.contains("selected (from the brush cube)"), "\(driver.status)")
        #expect(engine.brushes.withLock { $0 } == 0)
        driver.press(.escape)
        driver.settle()
        driver.type("/")
        driver.press(KeyEvent(.character("u"), modifiers: .ctrl))
        driver.type("age > 50")
        driver.press(.enter)
        driver.settle()
        #expect(engine.cubes.withLock { $0 } == ["", "age > 50"])
        // A redraw asks nothing again.
        driver.send(.resize(width: 200, height: 40))
        driver.settle()
        #expect(engine.cubes.withLock { $0 } == ["", "age > 50"])
    }

    @Test func aCubePastItsCapLeavesBrushStartsToTheQueries() throws {
        let engine = CubeEngine(overCap: true)
        let driver = AppDriver(width: 200, height: 40, engine: engine.rows)
        driver.settle()
        let counts = try driver.brushFirstHistogramOverTheEngine()
        #expect(counts.exact == counts.shown)
        #expect(!driver.status.contains("brush cube"), "\(driver.status)")
        #expect(engine.brushes.withLock { $0 } == 1)
        #expect(engine.cubes.withLock { $0 } == [""])
    }
}
