/// How far a computation of slice sections has come: the section being worked on, and the
/// slice search's progress in it.
public struct SliceSectionProgress: Sendable, Equatable {
    /// The section being worked on (0-based).
    public let section: Int
    /// The number of sections.
    public let sections: Int
    /// The search's progress within the section, when it runs SliceLine.
    public let search: SliceLineProgress?

    /// The share done, from 0 to 1.
    public var fraction: Double {
        var within = 0.0
        if let search, search.maxLevel > 0 {
            let level = search.candidates > 0 ? Double(search.evaluated) / Double(search.candidates) : 0
            within = max(0, Double(search.level - 1) + level) / Double(search.maxLevel)
        }
        return (Double(section) + min(1, within)) / Double(max(1, sections))
    }

    /// What is being done, for a status line: "group 2 of 5, level 2 of 3".
    public var detail: String {
        var parts: [String] = []
        if sections > 1 { parts.append("group \(section + 1) of \(sections)") }
        if let search { parts.append("level \(search.level) of \(search.maxLevel)") }
        return parts.joined(separator: ", ")
    }
}
