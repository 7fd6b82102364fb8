import Foundation
import TuttiCore
import TuttiTerminal
import TuttiTestSupport
@testable import TuttiUI

/// The Adult dataset (see `AdultFixture`).
let adult = AdultFixture.dataset
let adultRoles = ColumnRoles.infer(from: adult)
let adultSummaries = ColumnSummary.compute(adult, roles: adultRoles)

/// A context for rendering a pane alone.
func paneContext(_ state: ExplorerState, id: PaneID = PaneID(1), focused: Bool = true, brush: BrushPreview? = nil,
                 glyphs: Glyphs = .unicode) -> PaneContext {
    PaneContext(id: id, state: state, theme: .fallback, glyphs: glyphs, focused: focused, brush: brush,
                summaries: adultSummaries, jobs: BackgroundJobs(inline: true))
}

/// Renders a pane into a canvas of the given size.
func render(_ pane: any Pane, _ context: PaneContext, width: Int = 80, height: Int = 20) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    pane.render(into: &canvas, context: context)
    return canvas
}

/// Counts the characters of a set in a canvas.
func count(_ characters: Set<Character>, in canvas: Canvas) -> Int {
    canvas.cells.filter { $0.character.map(characters.contains) ?? false }.count
}
