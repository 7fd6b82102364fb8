/// Puts arrays of numbers on one line in pretty-printed JSON: a row range reads `[40, 54]`
/// instead of taking four lines, which keeps view files readable and less than half the size.
///
/// An array is recognised by a `[` directly followed by a line break, which only happens
/// outside strings (a line break in a string is written `\n`).
enum NumberArrayFolding {
    static func fold(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        var index = 0
        while index < json.count {
            if json[index] == UInt8(ascii: "["), index + 1 < json.count, json[index + 1] == UInt8(ascii: "\n"),
               let (numbers, end) = numbers(in: json, from: index + 1) {
                out.append(UInt8(ascii: "["))
                for (position, number) in numbers.enumerated() {
                    if position > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                    out.append(contentsOf: json[number])
                }
                out.append(UInt8(ascii: "]"))
                index = end
            } else {
                out.append(json[index])
                index += 1
            }
        }
        return out
    }

    /// The numbers of the array whose content starts at `start`, and the index just past its
    /// `]`; nil when an element is not a number.
    private static func numbers(in json: [UInt8], from start: Int) -> ([Range<Int>], Int)? {
        var numbers: [Range<Int>] = []
        var index = start
        func skipSpace() {
            while index < json.count, json[index] == UInt8(ascii: " ") || json[index] == UInt8(ascii: "\n") { index += 1 }
        }
        while true {
            skipSpace()
            guard index < json.count else { return nil }
            if json[index] == UInt8(ascii: "]") { return (numbers, index + 1) }
            let begin = index
            while index < json.count, isNumberByte(json[index]) { index += 1 }
            guard index > begin else { return nil }
            numbers.append(begin..<index)
            skipSpace()
            if index < json.count, json[index] == UInt8(ascii: ",") { index += 1 }
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
