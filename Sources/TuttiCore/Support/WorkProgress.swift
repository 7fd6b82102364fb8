/// How far a piece of long work (a load, an export, a duplicate search) has come: units of the
/// current phase done out of all (bytes for a load, rows for an export).
public struct WorkProgress: Sendable, Equatable {
    /// What is happening ("reading", "parsing", "hashing rows", "writing rows", …).
    public var phase: String
    /// Units of the phase done.
    public var done: Int
    /// Units of the phase in all (0 while unknown).
    public var total: Int

    /// Progress of `done` of `total` units in `phase`.
    public init(phase: String, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }

    /// The fraction of the phase done, from 0 to 1.
    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }
}
