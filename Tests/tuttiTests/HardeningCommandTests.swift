import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// Hostile input on the command line: deep expressions, runaway regular expressions, wide
/// tables, endless inputs and oversized views end with a message, never a crash or a hang.
@Suite struct HardeningCommandTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tutti-cli-hardening-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Far past the limit, within the 128 KiB the kernel allows one argument.
    @Test(arguments: [
        String(repeating: "(", count: 30_000) + "age > 1" + String(repeating: ")", count: 30_000),
        String(repeating: "not ", count: 25_000) + "age > 1",
        String(repeating: "-", count: 100_000) + "age > 1",
        "age" + String(repeating: " + age", count: 20_000) + " > 1",
    ])
    func deepExpressionsAreAnError(expression: String) throws {
        let outcome = try CommandRunner.run(["count", "--demo", "--where=" + expression])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("expression nested too deeply (limit \(FilterExpression.nestingLimit))"))
        #expect(outcome.stderr.contains("^"))
    }

    @Test func aDeeplyNestedFilterInAViewIsAnError() throws {
        let dir = try folder()
        let dataset = try DemoData.load().dataset
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        var view = ViewDocument(state: state, datasetPath: "tutti:demo", layout: .pane(ViewPane(kind: .rows)),
                                focus: 0, theme: nil)
        let deep = String(repeating: "(", count: 50_000) + "age > 1" + String(repeating: ")", count: 50_000)
        view.filter = ViewFilter(expression: deep, rows: nil, description: "")
        try view.write(to: dir + "/deep.json", overwrite: false)
        // A filter that no longer applies is dropped with a warning, as a view's filter is.
        let outcome = try CommandRunner.run(["export", "--view", dir + "/deep.json", "-o", dir + "/out.csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("no longer applies (expression nested too deeply (limit \(FilterExpression.nestingLimit)))"))
        #expect(outcome.stderr.utf8.count < 1_000)
    }

    @Test func aRunawayRegularExpressionIsAnErrorNamingIt() throws {
        let dir = try folder()
        let path = dir + "/notes.csv"
        try ("note\n" + String(repeating: "a", count: 40) + "!\nfine\n").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["count", path, "--text-columns", "note", "--where", #"note ~ "(a+)+$""#])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(#"the regular expression "(a+)+$" backtracks too much"#))
        // The probe's pattern on the demo's education column ends at once.
        let probe = try CommandRunner.run(["count", "--demo", "--where", #"education ~ "(.*.*)*x""#])
        #expect(probe.status == 0 && probe.stdout == "0\n")
    }

    @Test func duplicateColumnNamesAreSummarised() throws {
        let dir = try folder()
        let path = dir + "/dups.csv"
        let header = Array(repeating: "x", count: 20_000).joined(separator: ",")
        let row = Array(repeating: "1", count: 20_000).joined(separator: ",")
        try (header + "\n" + row + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["count", path])
        #expect(outcome.status == 0 && outcome.stdout == "1\n")
        #expect(outcome.stderr.contains("duplicate column names renamed: 'x' → 'x_2', 'x' → 'x_3'"))
        #expect(outcome.stderr.contains("and 19,994 more"))
        #expect(outcome.stderr.utf8.count < 400)
    }

    @Test func devicesAreRefusedAsDataAndAsAViewsData() throws {
        let info = try CommandRunner.run(["info", "/dev/zero"])
        #expect(info.status == 1)
        #expect(info.stderr.contains("/dev/zero: is a device (such as /dev/zero or a terminal), not a data file"))
        let dir = try folder()
        let dataset = try DemoData.load().dataset
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let view = ViewDocument(state: state, datasetPath: "/dev/zero", layout: .pane(ViewPane(kind: .rows)),
                                focus: 0, theme: nil)
        try view.write(to: dir + "/zero.json", overwrite: false)
        let export = try CommandRunner.run(["export", "--view", dir + "/zero.json", "-o", dir + "/out.csv"])
        #expect(export.status == 1)
        #expect(export.stderr.contains("is a device"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
    }

    @Test func aPipePastTheBudgetStops() throws {
        let command = "(echo a,b; yes 1,2) | " + ChildProcess.shellQuoted(CommandRunner.executable)
            + " info - --max-memory 2M"
        let outcome = try ChildProcess.shell(command)
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.contains(
            "<stdin>: the input holds more than the memory budget of 2 MiB (--max-memory SIZE changes it)"))
        let bad = try CommandRunner.run(["info", "--demo", "--max-memory", "lots"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--max-memory must be a size such as 500M or 8G, got 'lots'"))
    }

    @Test func aViewWithThousandsOfPanesIsRefused() throws {
        let dir = try folder()
        let dataset = try DemoData.load().dataset
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let layout = LayoutNode.split(.horizontal, Array(repeating: .pane(ViewPane(kind: .slices)), count: 3_000),
                                      weights: Array(repeating: 1, count: 3_000))
        let view = ViewDocument(state: state, datasetPath: "tutti:demo", layout: layout, focus: 0, theme: nil)
        try view.write(to: dir + "/panes.json", overwrite: false)
        let outcome = try CommandRunner.run(["report", "--view", dir + "/panes.json", "-o", dir + "/r.md"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("the layout has 3,000 panes; a view holds at most \(ViewDocument.maxPanes)"))
    }
}
