import TuttiCore
import TuttiTerminal

/// The cells a character takes on the terminal, as the canvas draws it: East Asian wide
/// characters two, every other one cell (a control character shows as a one-cell `?`).
public enum TerminalCells: CellMeasure {
    @inline(__always)
    public static func cells(_ character: Character) -> Int { max(1, DisplayWidth.of(character)) }
}
