import TuttiCore
import TuttiTerminal

extension ScatterColoring {
    /// The terminal colour of category `index` for a theme of `colors` colours (nil without colours).
    static func color(_ index: Int, key: String, colors: Int) -> TerminalColor? {
        guard colors >= 8 else { return nil }
        if key == correctness { return .indexed(colors >= 256 ? [34, 160][index] : [2, 1][index]) }
        let rich: [UInt8] = [33, 208, 34, 160, 135, 94, 205, 244]
        let basic: [UInt8] = [4, 3, 2, 1, 5, 6, 7, 1]
        return .indexed((colors >= 256 ? rich : basic)[index % maximumCategories])
    }
}
