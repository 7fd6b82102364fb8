/// The rows whose prediction a threshold step changed: those whose score lies between the old
/// and the new cut, a contiguous run of the rows in score order. A cut moved up turns them from
/// the positive class to the negative one; moved down, the other way.
public struct ThresholdFlips: Sendable {
    /// The rows, in score order.
    public let rows: ArraySlice<UInt32>
    /// Whether they are now predicted positive (the cut went down) rather than negative.
    public let becamePositive: Bool

    /// How many rows changed.
    public var count: Int { rows.count }
}

extension ScoreThreshold {
    /// The rows whose prediction differs between `previous` and this threshold, found in the
    /// score order the two share; nil when they do not share one (a threshold of other data or of
    /// another score, or one never ordered): then everything counted at `previous` is counted again.
    public func flips(since previous: ScoreThreshold) -> ThresholdFlips? {
        guard let order, previous.order === order, previous.prediction == prediction else { return nil }
        return ThresholdFlips(rows: order.rows(from: min(value, previous.value), below: max(value, previous.value)),
                              becamePositive: value < previous.value)
    }

    /// The re-derived prediction column, from `column` (the one derived at a threshold `flips` were
    /// counted since) with only the flipped rows written.
    func predictionColumn(updating column: Column, _ flips: ThresholdFlips) -> Column {
        func written<T>(_ values: [T], _ yes: T, _ no: T) -> [T] {
            var values = values
            let value = flips.becamePositive ? yes : no
            values.withUnsafeMutableBufferPointer { out in
                for row in flips.rows { out[Int(row)] = value }
            }
            return values
        }
        let data: ColumnData
        switch (predictionKind, column.data) {
        case (.integer, .integer(let values)): data = .integer(written(values, Int64(positive)!, Int64(negative)!))
        case (.float, .float(let values)): data = .float(written(values, Double(positive)!, Double(negative)!))
        case (.boolean, .boolean(let values)): data = .boolean(written(values, Self.isTrue(positive), Self.isTrue(negative)))
        case (.categorical, .categorical(let codes, let dictionary)):
            data = .categorical(codes: written(codes, 1, 0), dictionary: dictionary)
        default: return predictionColumn()
        }
        return Column(name: prediction, data: data, validity: scored)
    }
}

extension ScoreThreshold {
    /// The bins of the re-derived prediction column at this cut, from `binning` (made on it at
    /// `previous`) with only the flipped rows moved between the two classes' bins: the same bins a
    /// binning made afresh would have. Nil when that cannot be (no shared score order, another
    /// column, quantile bins, a class with no row before or after the step, or categories whose
    /// ranking by count changed): then the column is binned again.
    public func predictionBinning(updating binning: ColumnBinning, since previous: ScoreThreshold) -> ColumnBinning? {
        guard binning.column == prediction, binning.codes.count == scored.rowCount, let flips = flips(since: previous) else {
            return nil
        }
        guard flips.count > 0 else { return binning }
        let positives = predictedPositive.count, scoredCount = scored.count
        let positivesBefore = flips.becamePositive ? positives - flips.count : positives + flips.count
        let negatives = scoredCount - positives, negativesBefore = scoredCount - positivesBefore
        // Numbers are cut from the values present, categories ranked by count (ties: the negative
        // class, code 0, first); quantile edges follow the counts.
        guard binning.mode != .quantile, positives > 0, negatives > 0, positivesBefore > 0, negativesBefore > 0,
              predictionKind != .categorical || (negatives >= positives) == (negativesBefore >= positivesBefore),
              let destinationRow = Self.firstRow(flips.becamePositive ? previous.predictedPositive
                                                 : scored.subtracting(previous.predictedPositive))
        else { return nil }
        let source = Int(binning.codes[Int(flips.rows.first!)]), destination = Int(binning.codes[destinationRow])
        return binning.recoding(flips.rows, from: source, to: destination)
    }

    /// The first row of `rows`, if any.
    private static func firstRow(_ rows: RowSet) -> Int? {
        guard let word = rows.words.firstIndex(where: { $0 != 0 }) else { return nil }
        return word << 6 | rows.words[word].trailingZeroBitCount
    }
}
