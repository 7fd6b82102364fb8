import Foundation
import Testing
@testable import TuttiCore

@Suite struct PredicateValueTests {
    @Test func literalsBecomeJSONValues() throws {
        #expect(PredicateValue(literal: "\"Male\"") == .string("Male"))
        #expect(PredicateValue(literal: "\"say \\\"hi\\\"\"") == .string("say \"hi\""))
        #expect(PredicateValue(literal: "40") == .number(40))
        #expect(PredicateValue(literal: "true") == .boolean(true))
        #expect(PredicateValue(literal: "null") == .null)
        #expect(PredicateValue(literal: "(\"a\", \"b\")") == .list([.string("a"), .string("b")]))
        let encoded = try JSONEncoder().encode([PredicateValue.number(40), .number(0.5), .string("x")])
        #expect(String(decoding: encoded, as: UTF8.self) == "[40,0.5,\"x\"]")
    }

    @Test func viewFilesWriteValuesAndReadOldFiles() throws {
        let source = SelectionSource.confusionCell([SlicePredicate(column: "label", op: "==", value: "\"yes\""),
                                                    SlicePredicate(column: "age", op: ">=", value: "40")])
        let text = String(decoding: try JSONEncoder().encode(source), as: UTF8.self)
        #expect(text.contains("\"value\":\"yes\"") && text.contains("\"value\":40"))
        #expect(try JSONDecoder().decode(SelectionSource.self, from: Data(text.utf8)) == source)
        let old = #"{"confusionCell":{"_0":[{"column":"label","op":"==","value":"\"yes\""}]}}"#
        let decoded = try JSONDecoder().decode(SelectionSource.self, from: Data(old.utf8))
        #expect(decoded == .confusionCell([SlicePredicate(column: "label", op: "==", value: "\"yes\"")]))
    }
}
