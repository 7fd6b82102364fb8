import Foundation
import Testing
import TuttiTestSupport
@testable import TuttiCore

@Suite struct ViewFingerprintTests {
    static let table = """
        id,age,score,kind,note,ok
        1,34,0.25,cat,first note,true
        2,51,0.5,dog,second,false
        3,,0.75,cat,third one,true
        4,29,1.5,dog,fourth,false

        """

    @Test func describesTheShapeAndHashesToSixteenHexDigits() throws {
        let fingerprint = DatasetFingerprint.of(try load(Self.table).dataset)
        #expect(fingerprint.rows == 4)
        #expect(fingerprint.columns == ["id", "age", "score", "kind", "note", "ok"])
        #expect(fingerprint.kinds == ["integer", "integer", "float", "categorical", "text", "boolean"])
        #expect(fingerprint.hash.count == 16)
        #expect(fingerprint.hash.allSatisfy { $0.isHexDigit })
    }

    @Test func theSameContentGivesTheSameFingerprint() throws {
        #expect(DatasetFingerprint.of(try load(Self.table).dataset) == DatasetFingerprint.of(try load(Self.table).dataset))
        // Wherever the values come from: the file again, or a JSON Lines copy of it.
        let again = try DatasetLoader.load(AdultFixture.path).dataset
        #expect(DatasetFingerprint.of(again) == DatasetFingerprint.of(adult))
        let copy = try roundTrip(RowExporter(dataset: adult), name: "adult.jsonl")
        #expect(DatasetFingerprint.of(copy) == DatasetFingerprint.of(adult))
    }

    @Test(arguments: [
        ("2,51,0.5,dog", "2,52,0.5,dog"),                // an integer
        ("0.75,cat", "0.76,cat"),                        // a float
        ("dog,fourth", "cat,fourth"),                    // a categorical value
        ("first note", "first nose"),                    // text bytes
        ("second,false", "secondo,false"),               // text length
        ("fourth,false", "fourth,true"),                 // a boolean
        ("3,,0.75", "3,0,0.75"),                         // a missing cell becomes present
        ("4,29,1.5", "4,,1.5"),                          // a present cell becomes missing
        ("id,age", "id,years"),                          // a column name
    ])
    func anyCellChangeChangesTheHash(before: String, after: String) throws {
        let original = DatasetFingerprint.of(try load(Self.table).dataset)
        let edited = DatasetFingerprint.of(try load(Self.table.replacingOccurrences(of: before, with: after)).dataset)
        #expect(edited.hash != original.hash)
    }

    @Test func vectorsAndOneAdultCellCount() throws {
        let jsonl = "{\"v\": [0.5, 1.0]}\n{\"v\": [2.0, 3.0]}\n"
        let vectors = DatasetFingerprint.of(try load(jsonl, name: "t.jsonl").dataset)
        let edited = DatasetFingerprint.of(try load(jsonl.replacingOccurrences(of: "3.0", with: "3.5"), name: "t.jsonl").dataset)
        #expect(vectors.kinds == ["vector"])
        #expect(edited.hash != vectors.hash)
        // One score in 48,842 rows.
        let score = try #require(adult.column(named: "score"))
        guard case .float(var values) = score.data else { Issue.record("score is not float"); return }
        values[48_000] += 0.001
        let changed = Dataset(source: "changed", rowCount: adult.rowCount, columns: adult.columns.map {
            $0.name == "score" ? Column(name: "score", data: .float(values), validity: score.validity) : $0
        })
        #expect(DatasetFingerprint.of(changed).hash != DatasetFingerprint.of(adult).hash)
    }
}
