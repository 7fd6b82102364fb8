import Foundation
import Testing
import TuttiTestSupport

/// `tutti info URL --columns a,b` summarises only those columns, as for a file: the engine is
/// asked about them alone, so a costly column (a unique text) can be left out.
@Suite struct DatabaseInfoColumnsTests {
    @Test func infoOfChosenColumnsIsTheDemosInfoOfThem() throws {
        let url = try PostgresServer.withAdult().url(query: "table=adult")
        let arguments = ["--columns", "score,sex,age", "--where", "age > 40 and sex == \"Male\"", "--format", "json"]
        let fromSQL = try CommandRunner.run(["info", url] + arguments)
        #expect(fromSQL.status == 0, "\(fromSQL.stderr)")
        let fromFile = try CommandRunner.run(["info", "--demo"] + arguments)
        let parse = { (text: String) in
            (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["columns"] as? [[String: Any]] ?? []
        }
        let sql = try parse(fromSQL.stdout), file = try parse(fromFile.stdout)
        #expect(sql.map { $0["name"] as? String } == ["score", "sex", "age"])
        // A value as JSON with its keys sorted (a dictionary's description follows its hash order,
        // which differs between processes).
        let json = { (value: Any?) -> String in
            guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
            else { return "nil" }
            return String(decoding: data, as: UTF8.self)
        }
        for (a, b) in zip(sql, file) {
            for key in ["kind", "role", "missing", "distinct", "min", "max", "median", "top"] {
                #expect(json(a[key]) == json(b[key]), "\(a["name"] ?? "") \(key)")
            }
        }
        let unknown = try CommandRunner.run(["info", url, "--columns", "scor"])
        #expect(unknown.status == 1 && unknown.stderr.contains("did you mean 'score'"), "\(unknown.stderr)")
    }
}
