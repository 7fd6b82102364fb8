import Testing
import TuttiCore
import TuttiTerminal
@testable import TuttiUI

/// The number tokens of `text`: maximal runs of digits with the separators between them and
/// an exponent (`48,842`, `0.25`, `1.490e+06`), each with where it starts and ends (in characters).
func numberTokens(_ text: String) -> [(text: String, start: Int, end: Int)] {
    let characters = Array(text)
    func isDigit(_ index: Int) -> Bool { index < characters.count && characters[index].isASCII && characters[index].isWholeNumber }
    var tokens: [(text: String, start: Int, end: Int)] = []
    var index = 0
    while index < characters.count {
        guard isDigit(index) else { index += 1; continue }
        let start = index
        while index < characters.count {
            if isDigit(index) {
                index += 1
            } else if [",", "."].contains(characters[index]), isDigit(index + 1) {
                index += 1
            } else if ["e", "E"].contains(characters[index]), isDigit(index + 1) {
                index += 1
            } else if ["e", "E"].contains(characters[index]), index + 1 < characters.count,
                      ["+", "-"].contains(characters[index + 1]), isDigit(index + 2) {
                index += 2
            } else {
                break
            }
        }
        tokens.append((String(characters[start..<index]), start, index))
    }
    return tokens
}

/// A small deterministic random number generator, so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The fitting rule, checked on random text of numbers, words, CJK, combining characters and
/// emoji at every width from 0 to 300.
@Suite struct TextFittingPropertyTests {
    static let pieces: [String] = [
        "capital_gain", "Private", "age >= ", " and ", "(", ")", " · ", "–", ", ", "  ", "\"Bachelors\"", "x-", "±",
        "中文字", "東京", "e\u{301}te\u{301}", "cafe\u{301}", "👍🏽", "🚀", "👨‍👩‍👧", "ｆｕｌｌ", "한국어", "\u{301}", "rows",
    ]

    /// A number as tutti writes them: grouped counts, decimals, exponents, signs, percentages.
    static func number(_ random: inout SplitMix) -> String {
        let value = Int.random(in: 0...99_999_999, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return NumberFormatting.grouped(value)
        case 1: return String(value)
        case 2: return NumberFormatting.compact(Double(value) / 1000)
        case 3: return "-" + NumberFormatting.grouped(value)
        case 4: return NumberFormatting.compact(Double(value) * 1e9)
        case 5: return NumberFormatting.compact(Double(value % 1000) / 10, significant: 2) + "%"
        default: return SliceRowDrawer.gapText(Double(value % 2000 - 1000) / 997)
        }
    }

    static func text(_ random: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            text += Bool.random(using: &random) ? number(&random) : pieces.randomElement(using: &random)!
        }
        return text
    }

    static func cells(_ text: String) -> Int { TextFit.width(text, TerminalCells.self) }

    /// Checks one fitting of `text` into `width` cells; `ellipsis` is the marker used.
    static func check(_ text: String, width: Int, ellipsis: Character, fitted: String) {
        #expect(cells(fitted) <= max(0, width), "\(text) at \(width): \(fitted) is too wide")
        if cells(text) <= width {
            #expect(fitted == text, "\(text) fits \(width) but became \(fitted)")
            return
        }
        guard width > 0 else {
            #expect(fitted.isEmpty)
            return
        }
        #expect(!fitted.isEmpty, "\(text) at \(width) vanished")
        // What is kept is a start of the text, and a cut says so with the marker.
        let kept = fitted.last == ellipsis ? String(fitted.dropLast()) : fitted
        #expect(text.hasPrefix(kept), "\(fitted) is not a start of \(text)")
        if fitted.last != ellipsis {
            #expect(text.dropFirst(kept.count).allSatisfy { $0 == " " }, "\(text) at \(width): \(fitted) cut without a marker")
        }
        // No number shown is a start of a longer number.
        let whole = numberTokens(text)
        for token in numberTokens(kept) {
            #expect(whole.contains { $0.start == token.start && $0.end == token.end },
                    "\(text) at \(width): \(fitted) shows \(token.text), part of a longer number")
        }
    }

    @Test func fittingKeepsNumbersWholeAndNeverOverflows() {
        var random = SplitMix(state: 18)
        for _ in 0..<120 {
            let text = Self.text(&random)
            for width in 0...300 {
                Self.check(text, width: width, ellipsis: "…", fitted: TextFitting.fit(text, width))
            }
            let width = Int.random(in: 0...40, using: &random)
            Self.check(text, width: width, ellipsis: "~", fitted: TextFitting.fit(text, width, ellipsis: "~"))
            Self.check(text, width: width, ellipsis: "…", fitted: TextFitting.fit(text, width, words: true))
            let right = Bool.random(using: &random)
            let fitted = TextFitting.fit(text, width)
            let spaces = String(repeating: " ", count: max(0, width - Self.cells(fitted)))
            #expect(TextFitting.pad(text, width, right: right) == (right ? spaces + fitted : fitted + spaces))
        }
    }

    @Test func aNumberAloneIsWholeOrTheMarker() {
        for value in [7, 42, 2174, 14084, 48842, 1_234_567] {
            for text in [String(value), NumberFormatting.grouped(value), "-" + NumberFormatting.grouped(value)] {
                for width in 0...12 {
                    let fitted = TextFitting.fit(text, width)
                    #expect(fitted == text || fitted == "…" || (width == 0 && fitted.isEmpty), "\(text) at \(width): \(fitted)")
                }
            }
        }
        #expect(TextFitting.pad("2174", 3, right: true) == "  …")
        #expect(TextFitting.fit("age >= 40 and sex == \"Male\"", 9) == "age >= …")
        #expect(TextFitting.fit("1.5e+20 rows", 6) == "…")
        #expect(TextFitting.fit("age >= 40 and education == \"Bachelors\"", 20, words: true) == "age >= 40 and …")
        #expect(TextFitting.fit("Private   ", 7) == "Private")
    }

    @Test func aCountInParenthesesGoesFirstThenTheLabelIsCut() {
        #expect(TextFitting.counted("Private", count: "33,906", 16) == "Private (33,906)")
        #expect(TextFitting.counted("Private", count: "33,906", 15) == "Private")
        #expect(TextFitting.counted("Private", count: "33,906", 7) == "Private")
        #expect(TextFitting.counted("Private", count: "33,906", 5) == "Priv…")
        #expect(TextFitting.counted("中文", count: "12", 3) == "中…")
        var random = SplitMix(state: 2)
        for _ in 0..<200 {
            let label = Self.text(&random), count = NumberFormatting.grouped(Int.random(in: 0...9_999_999, using: &random))
            for width in 0...60 {
                let fitted = TextFitting.counted(label, count: count, width)
                #expect(fitted == label + " (" + count + ")" || fitted == TextFitting.fit(label, width))
                #expect(Self.cells(fitted) <= width)
            }
        }
    }
}
