import Testing
@testable import TuttiCore

/// The scatter plot's data logic: projection columns found by name, a grid whose cells agree
/// with its edges, a rectangle of cells equal to the expression it reports, and brush tables
/// that count what a pass over the rows counts.
@Suite struct PlaneTests {
    @Test func projectionPairsAreFoundByName() {
        let names = ["id", "umap_1", "umap_2", "score", "projection_tsne_x", "projection_tsne_y", "PCA1", "PCA2", "pc_0", "pc_1",
                     "width_x", "width_y", "age"]
        let pairs = ProjectionColumns.pairs(in: names).map { "\($0.x)/\($0.y)" }
        #expect(pairs == ["umap_1/umap_2", "projection_tsne_x/projection_tsne_y", "PCA1/PCA2", "pc_0/pc_1"])
        #expect(ProjectionColumns.pairs(in: ["y", "a", "x"]).map { "\($0.x)/\($0.y)" } == ["x/y"])
        #expect(ProjectionColumns.pairs(in: ["umap_1", "score"]).isEmpty)
    }

    @Test func aValuesCellAgreesWithTheEdges() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let lower = Double.random(in: -1000...1000, using: &generator), span = Double.random(in: 1e-6...1e6, using: &generator)
            let axis = PlaneAxis(lower: lower, upper: lower + span, count: Int.random(in: 1...300, using: &generator))
            for _ in 0..<200 {
                let value = Double.random(in: axis.lower...axis.upper, using: &generator)
                let cell = try! #require(axis.cell(of: value))
                #expect(axis.edge(cell) <= value)
                #expect(cell == axis.count - 1 ? value <= axis.upper : value < axis.edge(cell + 1))
            }
            #expect(axis.cell(of: axis.upper) == axis.count - 1)
            #expect(axis.cell(of: axis.lower) == 0)
            #expect(axis.cell(of: axis.upper.nextUp) == nil && axis.cell(of: .nan) == nil)
        }
    }

    /// The Adult data's age × hours per week on a grid like a terminal's, zoomed in.
    func adultCells() throws -> PlaneCells {
        let age = try #require(adult.column(named: "age")?.data), hours = try #require(adult.column(named: "hours_per_week")?.data)
        guard case .integer(let a) = age, case .integer(let h) = hours else { throw TuttiError("not integers") }
        let present = adult.column(named: "age")!.validity.intersection(adult.column(named: "hours_per_week")!.validity)
        return PlaneCells(xs: a.map(Double.init), ys: h.map(Double.init), present: present,
                          x: PlaneAxis(lower: 17.3, upper: 71.9, count: 2 * 57), y: PlaneAxis(lower: 1, upper: 80.5, count: 4 * 19),
                          columnNames: ("age", "hours_per_week")).coarsened(x: 2, y: 4)
    }

    @Test(arguments: [GridRectangle(columns: 0...56, rows: 0...18), GridRectangle(columns: 3...9, rows: 4...7),
                      GridRectangle(columns: 50...56, rows: 10...18), GridRectangle(columns: 20...20, rows: 9...9)])
    func aRectangleSelectsTheRowsOfItsExpression(_ rectangle: GridRectangle) throws {
        let cells = try adultCells()
        #expect(cells.x.count == 57 && cells.y.count == 19)
        let rows = cells.rows(in: rectangle)
        let predicates = try #require(cells.predicates(for: rectangle))
        let text = try #require(SelectionExpression.text(for: .rectangle(predicates), dataset: adult))
        #expect(text.hasPrefix("age >= ") && text.contains("hours_per_week"))
        let expected = try FilterExpression(text, dataset: adult).evaluate(adult)
        #expect(rows == expected, "\(text): \(rows.count) rows, the expression \(expected.count)")
        #expect(rows.count > 0)
    }

    @Test func rectangleTablesCountWhatAPassCounts() throws {
        let cells = try adultCells()
        let sex = try ColumnBinning(dataset: adult, column: "sex", bins: 10)
        let education = try ColumnBinning(dataset: adult, column: "education_num", bins: 16)
        let filter = try FilterExpression("income == \">50K\" or age < 30", dataset: adult).evaluate(adult)
        let tables = RectangleBrushTables(cells: cells, views: [sex, education], filter: filter)
        for rectangle in [GridRectangle(columns: 2...30, rows: 5...12), GridRectangle(columns: 0...56, rows: 0...18),
                          GridRectangle(columns: 40...80, rows: -3...2)] {
            let rows = cells.rows(in: rectangle).intersection(filter)
            #expect(tables.selectedTotal(rectangle: rectangle) == rows.count)
            #expect(tables.selectedCounts(view: 0, rectangle: rectangle) == HistogramCounts(sex, filter: rows, selection: nil).filtered)
            #expect(tables.selectedCounts(view: 1, rectangle: rectangle) == HistogramCounts(education, filter: rows, selection: nil).filtered)
        }
    }

    @Test func theFocusedRowAndSearchMoveWithoutUndo() throws {
        var explorer = Explorer(state: ExplorerState(dataset: adult, roles: ColumnRoles.infer(from: adult)))
        try explorer.apply(.setFilter("age > 50"))
        #expect(try explorer.apply(.focusRow(7)) == .focus)
        try explorer.apply(.setSearch(CellSearch("doctorate")))
        #expect(try explorer.apply(.focusRow(adult.rowCount)).isEmpty)
        #expect(explorer.undo() == .filter)
        #expect(explorer.state.focusedRow == 7 && explorer.state.search?.text == "doctorate")
        #expect(!explorer.canUndo)
    }

    @Test func imageShapesAreInferredOrRead() throws {
        #expect(ImageShape.inferred(forWidth: 64) == ImageShape(height: 8, width: 8))
        #expect(ImageShape.inferred(forWidth: 784) == ImageShape(height: 28, width: 28))
        #expect(ImageShape.inferred(forWidth: 3072) == ImageShape(height: 32, width: 32, channels: 3))
        #expect(ImageShape.inferred(forWidth: 100, preferred: ImageShape(height: 5, width: 20)) == ImageShape(height: 5, width: 20))
        #expect(ImageShape.inferred(forWidth: 128) == nil)
        #expect(try ImageShape(parsing: "28, 28") == ImageShape(height: 28, width: 28))
        #expect(try ImageShape(parsing: "32,32,3").channels == 3)
        for bad in ["28", "28,x", "0,4", "4,4,2", "4,4,1,1", ""] {
            #expect(throws: TuttiError.self) { try ImageShape(parsing: bad) }
        }
    }
}
