import Foundation
import Testing
import TuttiTestSupport

/// Arrow IPC and Parquet files opened in the explorer in a real terminal (tmux): the summary
/// lists their columns, the embedding column as a vector.
@Suite(.serialized) struct ColumnarEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TuttiCoreTests/Fixtures")

    /// Opens `fixture` (relative to the core tests' fixtures) and returns the first screen.
    func open(_ fixture: String) throws -> (TmuxSession, String) {
        let session = try TmuxSession(width: 160, height: 40)
        let path = Self.fixtures.appendingPathComponent(fixture).path
        try session.run("\(TmuxSession.shellQuoted(CommandRunner.executable)) \(TmuxSession.shellQuoted(path))")
        #expect(session.waitFor("45 filtered"), "the explorer did not open \(fixture):\n\(session.screen())")
        session.waitForStableScreen()
        return (session, session.screen())
    }

    /// The summary pane's line for the column `name`.
    func summaryLine(_ name: String, in screen: String) -> String {
        screen.components(separatedBy: "\n").first { $0.contains(" \(name) ") && $0.contains("│") } ?? ""
    }

    @Test(arguments: ["arrow/embeddings.arrow", "parquet/embeddings.parquet"])
    func summaryShowsTheColumnsAndTheVector(fixture: String) throws {
        let (session, screen) = try open(fixture)
        #expect(screen.contains("Summary"), "\(screen)")
        #expect(summaryLine("id", in: screen).contains("int"), "\(screen)")
        #expect(summaryLine("embedding", in: screen).contains("vec[16]"), "\(screen)")
        try session.keys("q")
    }
}
