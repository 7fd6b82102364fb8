extension ColumnBinning {
    /// The same bins with the rows of `rows` moved from bin `source` to bin `destination` (every
    /// one of them in `source` now): only those rows are written, the totals adjusted.
    func recoding(_ rows: ArraySlice<UInt32>, from source: Int, to destination: Int) -> ColumnBinning {
        var codes = self.codes
        let bin = UInt16(destination)
        codes.withUnsafeMutableBufferPointer { out in
            for row in rows { out[Int(row)] = bin }
        }
        var totals = self.totals
        totals[source] -= rows.count
        totals[destination] += rows.count
        return ColumnBinning(recoded: self, codes: codes, totals: totals)
    }

    private init(recoded binning: ColumnBinning, codes: [UInt16], totals: [Int]) {
        column = binning.column
        scheme = binning.scheme
        mode = binning.mode
        labels = binning.labels
        calendarUnit = binning.calendarUnit
        self.codes = codes
        self.totals = totals
    }
}
