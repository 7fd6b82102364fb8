/// Curses colour pairs, allocated on demand: each (foreground, background) combination gets
/// the next free pair number, up to the terminal's limit. Pair 0 is the terminal's default
/// colours (-1, -1). Pairs are never redefined, since redefining a pair recolours every
/// cell on screen that uses it.
struct ColorPairTable {
    /// The number of pairs the terminal has (`COLOR_PAIRS`), pair 0 included.
    let limit: Int
    private var numbers: [Colors: Int32] = [Colors(foreground: -1, background: -1): 0]

    private struct Colors: Hashable {
        let foreground: Int32
        let background: Int32
    }

    /// The outcome of looking up a combination.
    enum Lookup: Equatable {
        /// The combination has this pair already.
        case existing(Int32)
        /// This pair number is new: define it (`init_pair`) before use.
        case new(Int32)
        /// All pairs are taken.
        case exhausted
    }

    init(limit: Int) { self.limit = limit }

    /// The pair for `foreground` on `background` (curses colour numbers, -1 the default).
    mutating func pair(foreground: Int32, background: Int32) -> Lookup {
        let colors = Colors(foreground: foreground, background: background)
        if let number = numbers[colors] { return .existing(number) }
        guard numbers.count < limit else { return .exhausted }
        let number = Int32(numbers.count)
        numbers[colors] = number
        return .new(number)
    }
}
