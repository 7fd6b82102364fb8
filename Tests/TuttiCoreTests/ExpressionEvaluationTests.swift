import Testing
@testable import TuttiCore

// Rows of `expressionTestTable`:
//   age  sex     name  flag   score  emb     hours per week
//   25   Female  Ada   true   0.25   [1,2]   40
//   61   Male    Bob   false  —      —       38
//   —    Female  —     —      0.75   [3,4]   60
//   47   —       Cy    true   0.5    [5,6]   20

@Suite struct ExpressionEvaluationTests {
    private func rows(_ text: String) throws -> [Int] { try filterRows(text, expressionTestTable) }

    @Test func blankTextSelectsEveryRow() throws {
        let filter = try FilterExpression("  ", dataset: expressionTestTable)
        #expect(filter.isEmpty)
        #expect(filter.referencedColumns.isEmpty)
        #expect(try filter.evaluate(expressionTestTable).count == 4)
        #expect(try rows("") == [0, 1, 2, 3])
    }

    @Test func referencedColumns() throws {
        let filter = try FilterExpression("age > 1 and lower(sex) == 'x' or `hours per week` is null", dataset: expressionTestTable)
        #expect(filter.referencedColumns == ["age", "sex", "hours per week"])
        #expect(!filter.isEmpty)
        #expect(filter.text == "age > 1 and lower(sex) == 'x' or `hours per week` is null")
    }

    @Test func comparisonsWithMissingValuesAreNeverTrue() throws {
        #expect(try rows("age == 25") == [0])
        #expect(try rows("age != 25") == [1, 3])
        #expect(try rows("not (age == 25)") == [1, 3])
        #expect(try rows("age < 30 or age >= 30") == [0, 1, 3])
        #expect(try rows("sex != \"Female\"") == [1])
        #expect(try rows("name != 'Ada'") == [1, 3])
        #expect(try rows("flag != true") == [1])
    }

    @Test func threeValuedLogic() throws {
        #expect(try rows("age > 30 or score > 0.6") == [1, 2, 3])
        #expect(try rows("age > 30 and score > 0.1") == [3])
        #expect(try rows("not (age > 30 and score > 0.1)") == [0])
        #expect(try rows("not (age > 30 or score > 0.6)") == [0])
        #expect(try rows("(age > 100) is null") == [2])
        #expect(try rows("(age > 30 and score > 0.1) is not null") == [0, 3])
        #expect(try rows("flag == (age > 30)") == [3])
        #expect(try rows("flag != (age > 30)") == [0, 1])
    }

    @Test func nullTests() throws {
        #expect(try rows("age is null") == [2])
        #expect(try rows("age IS NOT NULL") == [0, 1, 3])
        #expect(try rows("sex is null or name is null") == [2, 3])
        #expect(try rows("flag is null") == [2])
        #expect(try rows("emb is null") == [1])
        #expect(try rows("emb is not null") == [0, 2, 3])
        #expect(try rows("null is null") == [0, 1, 2, 3])
        #expect(try rows("age + score is null") == [1, 2])
    }

    @Test func arithmetic() throws {
        #expect(try rows("age + 1 > 26") == [1, 3])
        #expect(try rows("-age * 2 + 1 < -100") == [1])
        #expect(try rows("score * 2 >= 1") == [2, 3])
        #expect(try rows("age % 2 == 1") == [0, 1, 3])
        #expect(try rows("age / 0 is null") == [0, 1, 2, 3])
        #expect(try rows("age % 0 is null") == [0, 1, 2, 3])
        #expect(try rows("age - age == 0") == [0, 1, 3])
        #expect(try rows("1 / 0 > 1 or 1 / 0 is null and age == 61") == [1])
        #expect(try rows("(age - 25) / (age - 25) == 1") == [1, 3])
        #expect(try rows("-7 % 3 == -1 and age == 25") == [0])
    }

    @Test func functions() throws {
        #expect(try rows("abs(-age) == 61") == [1])
        #expect(try rows("log(age) > 3.9") == [1])
        #expect(try rows("log(age - 25) is null") == [0, 2])
        #expect(try rows("len(name) == 3") == [0, 1])
        #expect(try rows("len(sex) > 4") == [0, 2])
        #expect(try rows("len(lower(name)) == 2") == [3])
        #expect(try rows("lower(sex) == \"male\"") == [1])
        #expect(try rows("lower(name) in ('ada', 'cy')") == [0, 3])
        #expect(try rows("contains(lower(name), \"b\")") == [1])
        #expect(try rows("contains(sex, \"male\")") == [0, 2])
        #expect(try rows("contains(name, '')") == [0, 1, 3])
        #expect(try rows("contains('Bobby', name)") == [1])
        #expect(try rows("len('héllo') == 5 and age == 25") == [0])
    }

    @Test func integersAgainstFractionsAndHugeNumbers() throws {
        #expect(try rows("age > 46.5") == [1, 3])
        #expect(try rows("age == 25.0") == [0])
        #expect(try rows("age < 25.5") == [0])
        #expect(try rows("age <= 25.5") == [0])
        #expect(try rows("age >= 25.5") == [1, 3])
        #expect(try rows("age == 25.5") == [])
        #expect(try rows("age != 25.5") == [0, 1, 3])
        #expect(try rows("age < 1e30 and age > -1e30") == [0, 1, 3])
        #expect(try rows("age > 1e30 or age < -1e30 or age == 1e30") == [])
        #expect(try rows("25.5 > age") == [0])
        #expect(try rows("age in (25.5, 61.0, 47)") == [1, 3])
        #expect(try rows("score > age / 100") == [3])
        #expect(try rows("score in (0.25, 0.5)") == [0, 3])

        let ids = makeDataset(["id": .integers([9_007_199_254_740_992, 9_007_199_254_740_993, nil])])
        #expect(try filterRows("id == 9007199254740993", ids) == [1])
        #expect(try filterRows("id in (9007199254740993)", ids) == [1])
        #expect(try filterRows("id > 9007199254740992", ids) == [1])
    }

    @Test func categoricalAgainstLiterals() throws {
        #expect(try rows("sex == 'Female'") == [0, 2])
        #expect(try rows("'Female' == sex") == [0, 2])
        #expect(try rows("sex == \"Nonexistent\"") == [])
        #expect(try rows("sex != \"Nonexistent\"") == [0, 1, 2])
        #expect(try rows("sex in (\"Male\", \"Other\")") == [1])
        #expect(try rows("sex not in (\"Male\")") == [0, 2])
        #expect(try rows("sex in (\"Male\", \"Female\")") == [0, 1, 2])
        #expect(try rows("sex not in (\"Male\", \"Female\")") == [])
        #expect(try rows("sex < \"G\"") == [0, 2])
        #expect(try rows("sex between 'A' and 'G'") == [0, 2])
    }

    @Test func textAgainstLiterals() throws {
        #expect(try rows("name == \"Ada\"") == [0])
        #expect(try rows("name < \"B\"") == [0])
        #expect(try rows("name >= \"B\"") == [1, 3])
        #expect(try rows("name in ('Cy', 'Ada', 'Zed')") == [0, 3])
        #expect(try rows("name not between 'B' and 'C'") == [0, 3])
    }

    @Test func booleans() throws {
        #expect(try rows("flag") == [0, 3])
        #expect(try rows("not flag") == [1])
        #expect(try rows("!flag") == [1])
        #expect(try rows("flag == false") == [1])
        #expect(try rows("false == flag") == [1])
        #expect(try rows("flag in (true, false)") == [0, 1, 3])
        #expect(try rows("flag not in (true)") == [1])
        #expect(try rows("flag and age > 30") == [3])
        #expect(try rows("true") == [0, 1, 2, 3])
        #expect(try rows("false or 1 > 2") == [])
        #expect(try rows("1 < 2 and 'a' < 'b'") == [0, 1, 2, 3])
    }

    @Test func regularExpressions() throws {
        #expect(try rows("name ~ \"^[AB]\"") == [0, 1])
        #expect(try rows("name ~ 'y$'") == [3])
        #expect(try rows("sex ~ \"(?i)^f\"") == [0, 2])
        #expect(try rows("sex ~ \"^Fem\" or sex ~ 'ale$'") == [0, 1, 2])
        #expect(try rows("lower(name) ~ \"^[a-b]\"") == [0, 1])
        #expect(try rows(#"name ~ "\w{3}""#) == [0, 1])
        #expect(try rows("not name ~ 'o'") == [0, 3])
    }

    @Test func backQuotedColumns() throws {
        #expect(try rows("`hours per week` > 39") == [0, 2])
        #expect(try rows("`age` between 20 and 50") == [0, 3])
    }

    @Test func stringColumnsAgainstEachOther() throws {
        let table = makeDataset([
            "label": .categorical(["cat", "dog", "cat", nil, "bird", "dog"]),
            "prediction": .categorical(["dog", "dog", "cat", "cat", "bird", nil]),
            "note": .text(["cat", "a dog", nil, "cat", "bird", "dog"]),
        ])
        #expect(try filterRows("label == prediction", table) == [1, 2, 4])
        #expect(try filterRows("label != prediction", table) == [0])
        #expect(try filterRows("label < prediction", table) == [0])
        #expect(try filterRows("lower(label) >= prediction", table) == [1, 2, 4])
        #expect(try filterRows("note == label", table) == [0, 4, 5])
        #expect(try filterRows("note > prediction", table) == [])
        #expect(try filterRows("contains(note, label)", table) == [0, 1, 4, 5])
        #expect(try filterRows("contains(label, 'a') or contains(note, prediction)", table) == [0, 1, 2, 3, 4])
    }

    @Test func textLowerCasing() throws {
        let table = makeDataset(["t": .text(["ÉCLAIR", "Straße", "ABC", nil, "MiXeD ünï"])])
        #expect(try filterRows("lower(t) == 'éclair'", table) == [0])
        #expect(try filterRows("lower(t) in ('abc', 'mixed ünï', 'straße')", table) == [1, 2, 4])
        #expect(try filterRows("lower(t) is null", table) == [3])
    }

    @Test func evaluatesAnotherDatasetWithTheSameColumns() throws {
        let first = makeDataset(["x": .integers([1, 2, 3]), "s": .categorical(["a", "b", "a"])])
        let second = makeDataset(["s": .categorical(["b", "b", "a", "c"]), "x": .integers([5, 1, 9, nil])])
        let filter = try FilterExpression("x > 1 and s == 'a'", dataset: first)
        #expect(try filter.evaluate(first).members == [2])
        #expect(try filter.evaluate(second).members == [2])
    }

    @Test func emptyDataset() throws {
        let empty = makeDataset(["x": .integers([])])
        #expect(try filterRows("x > 1", empty) == [])
        #expect(try filterRows("", empty) == [])
    }

    @Test func adultFilters() throws {
        #expect(try FilterExpression("split == \"test\" and label != prediction", dataset: adult).evaluate(adult).count == 2_091)
        #expect(try FilterExpression("age > 50 and sex == \"Female\"", dataset: adult).evaluate(adult).count == 2_922)
        #expect(try FilterExpression("workclass is null", dataset: adult).evaluate(adult).count == 2_799)
        #expect(try FilterExpression("split == 'train'", dataset: adult).evaluate(adult).count == 32_561)
    }

    @Test func adultFiltersAgreeWithReference() throws {
        let cases: [(String, (Int) -> Bool)] = [
            ("age between 30 and 40 and education ~ '^Bach|^Mast'", { row in
                let age = adult.column(named: "age")!.number(at: row)!
                let education = adult.column(named: "education")!.text(at: row)
                return age >= 30 && age <= 40 && (education.hasPrefix("Bach") || education.hasPrefix("Mast"))
            }),
            ("workclass != 'Private' and hours_per_week * 2 > 100", { row in
                let workclass = adult.column(named: "workclass")!
                guard workclass.isPresent(row) else { return false }
                return workclass.text(at: row) != "Private" && adult.column(named: "hours_per_week")!.number(at: row)! * 2 > 100
            }),
        ]
        for (text, reference) in cases {
            let expected = (0..<adult.rowCount).filter(reference)
            #expect(try filterRows(text, adult) == expected, "\(text)")
        }
    }
}
