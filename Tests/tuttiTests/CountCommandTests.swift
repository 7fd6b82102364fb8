import Foundation
import Testing

@Suite struct CountCommandTests {
    @Test func countsRowsPassingAFilter() throws {
        let outcome = try CommandRunner.run(["count", "--demo", "--where", "split == \"test\" and label != prediction"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "2091\n")
        #expect(try CommandRunner.run(["count", "--demo", "--where", "age > 50 and sex == \"Female\""]).stdout == "2922\n")
        #expect(try CommandRunner.run(["count", "--demo"]).stdout == "48842\n")
    }

    @Test func aBadExpressionShowsWhereAndExitsOne() throws {
        let outcome = try CommandRunner.run(["count", "--demo", "--where", "sexx == \"Female\""])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("unknown column 'sexx' — did you mean 'sex'?"))
        #expect(outcome.stderr.contains("  sexx == \"Female\"\n  ^^^^"))
        #expect(outcome.stdout.isEmpty)
    }
}
