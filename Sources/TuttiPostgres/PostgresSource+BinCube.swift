import TuttiCore

extension PostgresSource {
    /// Most groups one set of histograms of a brush cube may make (its bins multiplied, missing
    /// and no-bin included): sets of two are always asked, larger sets only within this.
    public static let maxCubeFaceGroups = 200_000
    /// Most groups a brush cube may make in all; past it the cube is not asked for.
    public static let maxCubeGroups = 2_000_000

    /// The 2-D faces of the data cube of `binnings` (`BinCube`) over the rows passing `filter`,
    /// counted by the engine in one scan: each row's bins (as `SQLBinExpression` writes them)
    /// grouped by `GROUPING SETS`, one set per face (`BinCube.faces`). Only the counts travel.
    /// Nil when the faces could make more than `maxGroups` groups (the bound is exact: each bin
    /// is a number from -1 to the bin count, so the rows cannot make more). Throws an
    /// `ExpressionError` for a bad filter, a `TuttiError` when a binning cannot be counted by the
    /// engine or the engine fails (one without `GROUPING SETS`).
    public func binCube(of binnings: [ColumnBinning], where filter: String,
                        maxGroups: Int = maxCubeGroups) throws -> BinCube? {
        let binCounts = binnings.map(\.binCount)
        let faces = BinCube.faces(binCounts: binCounts, maxFaceGroups: Self.maxCubeFaceGroups)
        guard !faces.isEmpty, BinCube.groupBound(binCounts: binCounts, faces: faces) <= maxGroups else { return nil }
        let condition = try compiled(filter).whereClause
        let bins = try binnings.enumerated().map { index, binning in
            "\(try SQLBinExpression.sql(for: binning, column: column(named: binning.column), quoting: connection)) AS tutti_dim\(index)"
        }
        let names = binnings.indices.map { "tutti_dim\($0)" }
        let sets = faces.map { "(" + $0.map { names[$0] }.joined(separator: ", ") + ")" }.joined(separator: ", ")
        let rows = try connection.select("SELECT \(names.joined(separator: ", ")), COUNT(*) FROM (SELECT "
            + "\(bins.joined(separator: ", ")) FROM \(relation)\(condition)) AS tutti_bins GROUP BY GROUPING SETS (\(sets))")
        // A bin is never NULL (SQLBinExpression), so the NULL columns of a row name its face.
        let faceOf = Dictionary(faces.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var groups: [BinCubeGroup] = []
        groups.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            guard let count = rows.integer(row, binnings.count) else {
                throw TuttiError("the database sent a bin count that is not a number")
            }
            let present = binnings.indices.filter { rows.text(row, $0) != nil }
            guard let face = faceOf[present] else { throw TuttiError("the database sent a group of no grouping set") }
            let values = present.compactMap { rows.integer(row, $0) }
            guard values.count == present.count else { throw TuttiError("the database sent a bin that is not a number") }
            groups.append(BinCubeGroup(face: face, bins: values, count: count))
        }
        return try BinCube(binCounts: binCounts, faces: faces, groups: groups)
    }
}

extension PostgresSource {
    /// Lets PostgreSQL count a cube's grouping sets in hash tables, all in one pass over the rows,
    /// rather than sorting the rows once per set, which its planner picks when it overestimates
    /// the groups of bin expressions (it has no statistics for them): raises `work_mem` and turns
    /// sorting off for the rest of the connection's read-only transaction, by `set_config` (a
    /// `SELECT`; PostgreSQL's own function). Only for a connection that serves cubes alone.
    public func preferHashedGrouping() throws {
        _ = try connection.select("SELECT set_config('work_mem', '256MB', true), set_config('enable_sort', 'off', true)")
    }
}
