import TuttiCore

/// How tutti reads the values of PostgreSQL's types: integers, floats and booleans as they are,
/// `numeric` as doubles, `timestamp`, `timestamptz` and `date` as times (in UTC, the connection's
/// time zone), everything else (strings, JSON, arrays, …) as text.
enum PostgresTypes {
    /// How a column of a type is read.
    enum Reading: Equatable {
        /// The column as it is, of this kind.
        case native(ColumnKind)
        /// `CAST(column AS type)`, then of this kind.
        case cast(String, ColumnKind)

        var kind: ColumnKind {
            switch self {
            case .native(let kind), .cast(_, let kind): kind
            }
        }
    }

    /// The reading of the type with object id `oid` (see `pg_type`).
    static func reading(of oid: UInt32) -> Reading {
        switch oid {
        case 20, 21, 23: .native(.integer)  // int8, int2, int4
        case 700, 701: .native(.float)  // float4, float8
        case 1700: .cast("DOUBLE PRECISION", .float)  // numeric
        case 16: .native(.boolean)
        case 1114, 1184, 1082: .native(.datetime)  // timestamp, timestamptz, date
        case 25, 1043: .native(.text)  // text, varchar
        default: .cast("VARCHAR", .text)
        }
    }

    /// A double as PostgreSQL writes one (`NaN`, `Infinity` and `-Infinity` included).
    static func double(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }
}
