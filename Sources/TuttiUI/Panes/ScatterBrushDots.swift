import TuttiCore

/// The Braille dots of a scatter plot's filtered points per histogram bin and terminal cell,
/// made in one pass when another pane's histogram brush starts: then every frame while that
/// brush moves lays the selected dots over the plot by OR-ing the covered bins' rows of this
/// table — a pass over bins × cells, whatever the number of rows.
struct ScatterBrushDots {
    /// The histogram's binning the table was made for.
    let binning: ColumnBinning
    /// Bins per cell row of the table (the binning's bins and missing).
    private let bins: Int
    private let cellCount: Int
    /// `dots[bin * cellCount + cell]`.
    private let dots: [UInt8]

    /// The table of the points placed by `placement` that pass `filter`, by `binning`'s bins.
    init(placement: ScatterRaster.Placement, cellCount: Int, binning: ColumnBinning, filter: RowSet) {
        self.binning = binning
        self.cellCount = cellCount
        let bins = binning.binCount + 1
        self.bins = bins
        var dots = [UInt8](repeating: 0, count: bins * cellCount)
        let rowCount = placement.cells.count
        placement.cells.withUnsafeBufferPointer { cells in
            placement.bits.withUnsafeBufferPointer { bits in
                binning.codes.withUnsafeBufferPointer { codes in
                    dots.withUnsafeMutableBufferPointer { dots in
                        for (word, passing) in filter.words.enumerated() where passing != 0 {
                            var remaining = passing
                            while remaining != 0 {
                                let row = word << 6 + remaining.trailingZeroBitCount
                                remaining &= remaining &- 1
                                guard row < rowCount else { break }
                                let cell = cells[row]
                                guard cell != ScatterRaster.Placement.outside else { continue }
                                let bin = min(Int(codes[row]), bins - 1)
                                dots[bin * cellCount + Int(cell)] |= bits[row]
                            }
                        }
                    }
                }
            }
        }
        self.dots = dots
    }

    /// The dots per cell of the points in bins `range`.
    func selected(_ range: ClosedRange<Int>) -> [UInt8] {
        var selected = [UInt8](repeating: 0, count: cellCount)
        let low = max(range.lowerBound, 0), high = min(range.upperBound, bins - 1)
        guard low <= high else { return selected }
        let cellCount = cellCount
        dots.withUnsafeBufferPointer { dots in
            selected.withUnsafeMutableBufferPointer { selected in
                for bin in low...high {
                    let base = bin * cellCount
                    for cell in 0..<cellCount { selected[cell] |= dots[base + cell] }
                }
            }
        }
        return selected
    }
}
