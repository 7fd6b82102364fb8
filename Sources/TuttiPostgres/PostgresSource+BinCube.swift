import TuttiCore

extension PostgresSource {
    /// Most groups one set of histograms of a brush cube may make (its bins multiplied, missing
    /// and no-bin included): sets of two are always asked, larger sets only within this.
    public static let maxCubeFaceGroups = 200_000
    /// Most groups a brush cube may make in all; past it the cube is not asked for.
    public static let maxCubeGroups = 2_000_000

    /// The 2-D faces of the data cube of `binnings` (`BinCube`) over the rows passing `filter`,
    /// counted by the engine: each row's bins (as `SQLBinExpression` writes them) made into one
    /// number per face (`BinCube.faces`) and grouped by `GROUPING SETS`, one set per face. The
    /// faces are cut in two queries run at once on two connections (`ParallelSelects`; the
    /// second gets `work_mem` raised as `raiseWorkMemory` does): the engine hashes every set of a
    /// query in one process, so one query would keep one core busy while the others wait. Only
    /// the counts travel.
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
        let bins = try binnings.map { try SQLBinExpression.sql(for: $0, column: column(named: $0.column), quoting: connection) }
        let parts = Self.cubeParts(faceCount: faces.count)
        let statements = parts.map { part in
            Self.cubeStatement(faces: part.map { faces[$0] }, bins: bins, binCounts: binCounts,
                               relation: relation, condition: condition)
        }
        let answers = try ParallelSelects.run(statements, on: connection, setup: Self.workMemorySetting)
        var groups: [BinCubeGroup] = []
        for (part, rows) in zip(parts, answers) {
            groups.reserveCapacity(groups.count + rows.count)
            for row in 0..<rows.count {
                // A face's number is never NULL, so the one column that is not names the row's face.
                guard let count = rows.integer(row, part.count), let field = part.indices.first(where: { rows.text(row, $0) != nil }),
                      var code = rows.integer(row, field) else {
                    throw TuttiError("the database sent a group of the brush cube that is not a number")
                }
                let face = part[field]
                var values = [Int](repeating: 0, count: faces[face].count)
                for (position, dim) in faces[face].enumerated().reversed() {
                    values[position] = code % (binCounts[dim] + 2) - 1
                    code /= binCounts[dim] + 2
                }
                groups.append(BinCubeGroup(face: face, bins: values, count: count))
            }
        }
        return try BinCube(binCounts: binCounts, faces: faces, groups: groups)
    }

    /// The faces (by index) cut into the queries that count them: alternately into two, so that
    /// each query has about half the sets (one query for a single face).
    static func cubeParts(faceCount: Int) -> [[Int]] {
        let queries = min(2, faceCount)
        return (0..<queries).map { first in Array(stride(from: first, to: faceCount, by: queries)) }
    }

    /// The query counting `faces` (lists of histograms by index into `bins`, the histograms' bin
    /// expressions) over `relation` under `condition`: one column per face, its number in mixed
    /// radix, then the count.
    private static func cubeStatement(faces: [[Int]], bins: [String], binCounts: [Int], relation: String,
                                      condition: String) -> String {
        // Only the histograms these faces need are binned.
        let used = Set(faces.joined()).sorted()
        let dims = used.map { "\(bins[$0]) AS tutti_dim\($0)" }
        // Each face's bins as one number, its bins (shifted past -1) in mixed radix.
        let codes = faces.enumerated().map { index, face in
            face.reduce("0") { "(\($0)) * \(binCounts[$1] + 2) + (tutti_dim\($1) + 1)" } + " AS tutti_face\(index)"
        }
        let names = faces.indices.map { "tutti_face\($0)" }
        // `OFFSET 0` keeps the derived tables from being merged into the grouping, so the planner
        // estimates each face's groups as those of one column it knows nothing of (a few hundred)
        // rather than its columns' distinct values multiplied: it then hashes every set in one
        // pass over the rows instead of sorting them once per set.
        return "SELECT \(names.joined(separator: ", ")), COUNT(*) FROM (SELECT "
            + "\(codes.joined(separator: ", ")) FROM (SELECT \(dims.joined(separator: ", ")) FROM \(relation)\(condition) "
            + "OFFSET 0) AS tutti_bins OFFSET 0) AS tutti_faces GROUP BY GROUPING SETS ("
            + names.map { "(\($0))" }.joined(separator: ", ") + ")"
    }
}

extension PostgresSource {
    /// Gives PostgreSQL room to keep a cube's hash tables (up to `maxCubeGroups` groups) in memory
    /// rather than spill them to disk: raises `work_mem` until the connection's read-only
    /// transaction ends (a failed or cancelled query ends it), by `set_config` (a `SELECT`;
    /// PostgreSQL's own function). Only for a connection that serves cubes alone.
    public func raiseWorkMemory() throws {
        _ = try connection.select(Self.workMemorySetting)
    }

    /// The statement `raiseWorkMemory` sends.
    static let workMemorySetting = "SELECT set_config('work_mem', '256MB', true)"
}
