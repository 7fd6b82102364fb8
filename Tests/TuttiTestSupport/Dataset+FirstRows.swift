import TuttiCore

extension Dataset {
    /// The first `count` rows of the table (all of them when it has fewer), every column of the
    /// same kind: the rows a sample of the table by `LIMIT` holds.
    public func firstRows(_ count: Int) -> Dataset {
        let kept = min(count, rowCount)
        return Dataset(source: source, rowCount: kept, columns: columns.map { column in
            let data: ColumnData = switch column.data {
            case .integer(let values): .integer(Array(values.prefix(kept)))
            case .float(let values): .float(Array(values.prefix(kept)))
            case .boolean(let values): .boolean(Array(values.prefix(kept)))
            case .datetime(let values): .datetime(Array(values.prefix(kept)))
            case .categorical(let codes, let dictionary): .categorical(codes: Array(codes.prefix(kept)), dictionary: dictionary)
            case .text(let table): .text(StringTable((0..<kept).map { table[$0] }))
            case .vector(let width, let values): .vector(width: width, values: Array(values.prefix(kept * width)))
            }
            return Column(name: column.name, data: data, validity: RowSet(rowCount: kept, rows: (0..<kept).filter(column.isPresent)))
        })
    }
}
