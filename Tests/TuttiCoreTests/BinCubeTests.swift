import Testing
@testable import TuttiCore

/// The brush cube's faces cover every pair of histograms within their size, and the Falcon
/// tables summed from the cube are those counted from the rows, for every brushed histogram.
@Suite struct BinCubeTests {
    @Test func facesCoverEveryPairWithinTheirSize() {
        #expect(BinCube.faces(binCounts: [], maxFaceGroups: 100) == [])
        #expect(BinCube.faces(binCounts: [7], maxFaceGroups: 100) == [[0]])
        let counts = [50, 50, 50, 50, 50, 40, 5, 12]
        for cap in [10, 3000, 200_000, Int.max] {
            let faces = BinCube.faces(binCounts: counts, maxFaceGroups: cap)
            for i in counts.indices {
                for j in counts.indices where j > i {
                    #expect(faces.contains { $0.contains(i) && $0.contains(j) }, "pair \(i), \(j) under \(cap)")
                }
            }
            for face in faces where face.count > 2 {
                #expect(BinCube.groupBound(binCounts: counts, faces: [face]) <= cap)
            }
            // Sets of more than two cover the 28 pairs with fewer groupings when they may.
            #expect(faces.count < 28 || cap < 52 * 52 * 7)
        }
        #expect(BinCube.faces(binCounts: counts, maxFaceGroups: 10).count == 28)
        #expect(BinCube.groupBound(binCounts: [50, 4], faces: [[0, 1], [1]]) == 52 * 6 + 6)
        #expect(BinCube.groupBound(binCounts: [Int.max - 1, 4], faces: [[0, 1]]) == Int.max)
    }

    @Test func tablesFromTheCubeMatchTablesFromTheRows() throws {
        var random = SeededGenerator(seed: 3)
        let data = try randomTable(rows: 5000, seed: 4)
        let binnings = try [ColumnBinning(dataset: data, column: "n", bins: 9), ColumnBinning(dataset: data, column: "x", bins: 7),
                            ColumnBinning(dataset: data, column: "c", bins: 4), ColumnBinning(dataset: data, column: "x", bins: 3)]
        let filter = randomRows(data.rowCount, density: 0.7, random: &random)
        // Faces of pairs only, and faces of every size: the same tables.
        let pairs = BinCube.faces(binCounts: binnings.map(\.binCount), maxFaceGroups: 0)
        var pairGroups: [BinCubeGroup] = []
        for (index, face) in pairs.enumerated() {
            var counts: [[Int]: Int] = [:]
            filter.forEachMember { row in counts[face.map { Int(binnings[$0].codes[row]) }, default: 0] += 1 }
            pairGroups += counts.map { BinCubeGroup(face: index, bins: $0.key, count: $0.value) }
        }
        let byPairs = try BinCube(binCounts: binnings.map(\.binCount), faces: pairs, groups: pairGroups)
        let whole = try BinCube.counting(binnings: binnings, filter: filter)
        #expect(whole == byPairs)
        for brushed in binnings.indices {
            let tables = whole.tables(brushed: brushed, views: Array(binnings.indices))
            for view in binnings.indices {
                #expect(tables[view] == FalconTable.counting(brushed: binnings[brushed], view: binnings[view], filter: filter),
                        "\(brushed) against \(view)")
            }
        }
        let all = 0...(binnings[0].binCount - 1)
        #expect(whole.tables(brushed: 0, views: [1])[0].selectedTotal(bins: all) == binnings[0].rows(in: all, within: filter).count)
    }

    @Test func groupsOfNoFaceOrBinsOutOfRangeAreRefused() {
        #expect(throws: TuttiError.self) {
            try BinCube(binCounts: [3, 3], faces: [[0, 1]], groups: [BinCubeGroup(face: 1, bins: [0, 0], count: 1)])
        }
        #expect(throws: TuttiError.self) {
            try BinCube(binCounts: [3, 3], faces: [[0, 1]], groups: [BinCubeGroup(face: 0, bins: [0, 4], count: 1)])
        }
        #expect(throws: TuttiError.self) {
            try BinCube(binCounts: [3, 3], faces: [[0, 1]], groups: [BinCubeGroup(face: 0, bins: [0], count: 1)])
        }
    }
}
