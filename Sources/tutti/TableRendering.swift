import TuttiCore
import TuttiUI

extension TextTable {
    /// The table as aligned text for a terminal: columns as wide as their widest cell in
    /// terminal cells (an East Asian wide character takes two).
    func renderAligned() -> String { renderAligned(TerminalCells.self) }
}
