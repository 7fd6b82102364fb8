/// Likely label errors by confident learning (Northcutt, Jiang & Chuang, "Confident Learning:
/// Estimating Uncertainty in Dataset Labels", JAIR 2021), as cleanlab's `find_label_issues`
/// finds them by default (`filter_by="prune_by_noise_rate"`), ranked by self-confidence.
///
/// 1. Each class's threshold is the mean probability of that class over the rows labelled it.
/// 2. A row is confidently of class j when p(j) reaches j's threshold (less 1e-6); with several
///    such classes, the most probable class; rows confident of none are not counted. The counts
///    of (given label, confident class) are the confident joint, its diagonal at least 1.
/// 3. The joint is calibrated: each given label's row scaled to the rows with that label, the
///    whole to the row count, and rounded keeping each row's total.
/// 4. For every given label i and other class j, the joint's count (i, j) of the rows labelled
///    i with the largest margin p(j) − p(i) are flagged (none in a class of one row), each class
///    keeping at least one row.
/// 5. A flagged row whose given label is still the most probable (within 1e-6) is unflagged.
/// 6. The issues are ranked by self-confidence, p(given label), lowest first.
public enum ConfidentLearning {
    /// One likely label error.
    public struct Issue: Sendable, Equatable {
        /// The dataset row.
        public let row: Int
        /// The given label's class index.
        public let label: Int
        /// The most probable class's index.
        public let suggested: Int
        /// The probability of the given label.
        public let selfConfidence: Double
    }

    /// The comparison tolerance cleanlab uses.
    static let tolerance = 1e-6

    /// The likely label errors among `rows` (dataset rows), whose given class indexes are
    /// `labels` and whose class probabilities are `probabilities` (row-major, `classCount` per
    /// row; `labels[i]` and `probabilities[i * classCount ..< (i + 1) * classCount]` belong to
    /// `rows[i]`), ranked by self-confidence. Labels must lie in `0..<classCount`.
    public static func issues(rows: [Int], labels: [Int32], probabilities: [Double], classCount: Int,
                              work: WorkContext = WorkContext()) throws -> [Issue] {
        let n = labels.count, k = classCount
        precondition(rows.count == n && probabilities.count == n * k, "a label and \(k) probabilities per row")
        guard n > 0, k > 1 else { return [] }
        let joint = try confidentJoint(labels: labels, probabilities: probabilities, classCount: k, work: work)
        let prune = pruneCounts(calibrated(joint, labels: labels, classCount: k), classCount: k)
        let flagged = try prunedByNoiseRate(labels: labels, probabilities: probabilities, classCount: k, prune: prune, work: work)
        var issues: [Issue] = []
        probabilities.withUnsafeBufferPointer { p in
            for i in flagged {
                let base = i * k, given = Int(labels[i])
                var best = 0
                for c in 1..<k where p[base + c] > p[base + best] { best = c }
                // cleanlab's last step: keep the row only if the given label, nudged up by the
                // tolerance, is not the most probable class.
                var nudgedBest = 0, nudgedValue = p[base] + (given == 0 ? tolerance : 0)
                for c in 1..<k {
                    let value = p[base + c] + (c == given ? tolerance : 0)
                    if value > nudgedValue { nudgedBest = c; nudgedValue = value }
                }
                guard nudgedBest != given else { continue }
                issues.append(Issue(row: rows[i], label: given, suggested: best, selfConfidence: p[base + given]))
            }
        }
        issues.sort { ($0.selfConfidence, $0.row) < ($1.selfConfidence, $1.row) }
        return issues
    }

    /// The confident joint: `joint[i * k + j]` counts the rows labelled i confidently of class j.
    static func confidentJoint(labels: [Int32], probabilities: [Double], classCount k: Int,
                               work: WorkContext) throws -> [Double] {
        var sums = [Double](repeating: 0, count: k), counts = [Int](repeating: 0, count: k)
        probabilities.withUnsafeBufferPointer { p in
            for (i, label) in labels.enumerated() {
                sums[Int(label)] += p[i * k + Int(label)]
                counts[Int(label)] += 1
            }
        }
        if work.isCancelled { throw TuttiError("the label issue search was cancelled") }
        // A class nobody is labelled with gets a threshold no probability reaches.
        let thresholds = (0..<k).map { max(counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 2, 2 * tolerance) - tolerance }
        var joint = [Double](repeating: 0, count: k * k)
        probabilities.withUnsafeBufferPointer { p in
            for (i, label) in labels.enumerated() {
                let base = i * k
                var confident = 0, first = -1, best = 0
                for c in 0..<k {
                    let value = p[base + c]
                    if value >= thresholds[c] {
                        confident += 1
                        if first < 0 { first = c }
                    }
                    if value > p[base + best] { best = c }
                }
                guard confident > 0 else { continue }
                joint[Int(label) * k + (confident > 1 ? best : first)] += 1
            }
        }
        for c in 0..<k { joint[c * k + c] = max(joint[c * k + c], 1) }
        return joint
    }

    /// The joint scaled so that row i sums to the rows labelled i, rounded keeping row totals.
    static func calibrated(_ joint: [Double], labels: [Int32], classCount k: Int) -> [Double] {
        var labelCounts = [Double](repeating: 0, count: k)
        for label in labels { labelCounts[Int(label)] += 1 }
        var scaled = joint
        for i in 0..<k {
            let total = max((0..<k).reduce(0.0) { $0 + joint[i * k + $1] }, 1e-100)
            for j in 0..<k { scaled[i * k + j] = joint[i * k + j] / total * labelCounts[i] }
        }
        let sum = max(scaled.reduce(0, +), 1e-100), rows = Double(labels.count)
        for index in scaled.indices { scaled[index] = scaled[index] / sum * rows }
        var rounded: [Double] = []
        for i in 0..<k { rounded += roundedKeepingSum(Array(scaled[(i * k)..<((i + 1) * k)])) }
        return rounded
    }

    /// Rounds to whole numbers (halves to even) whose sum is the rounded sum of `values`, moving
    /// the values rounded furthest from themselves, as cleanlab's `round_preserving_sum`.
    static func roundedKeepingSum(_ values: [Double]) -> [Double] {
        var ints = values.map { $0.rounded(.toNearestOrEven) }
        let target = values.reduce(0, +).rounded(.toNearestOrEven)
        var sum = ints.reduce(0, +).rounded(.toNearestOrEven)
        while abs(sum - target) > tolerance {
            let difference = (target - sum).rounded(.toNearestOrEven)
            let step: Double = difference < 0 ? -1 : 1
            let changes = min(Int(abs(difference)), values.count)
            // Up: those rounded down most; down: those rounded up most.
            let order = values.indices.sorted { step > 0 ? values[$0] - ints[$0] > values[$1] - ints[$1]
                                                         : values[$0] - ints[$0] < values[$1] - ints[$1] }
            for index in order.prefix(changes) { ints[index] += step }
            sum = ints.reduce(0, +).rounded(.toNearestOrEven)
        }
        return ints
    }

    /// How many rows to flag per (given label i, true class j), `prune[i * k + j]`: the joint with
    /// each diagonal raised to at least 1, the raise taken evenly from the column's other nonzero
    /// counts, cut to whole numbers (cleanlab's `_keep_at_least_n_per_class` with n = 1).
    static func pruneCounts(_ joint: [Double], classCount k: Int) -> [Int] {
        // cleanlab works on the transpose (true class × given label); column c there is given label c.
        var prune = [Int](repeating: 0, count: k * k)
        for given in 0..<k {
            let diagonal = joint[given * k + given]
            let raise = max(diagonal, 1) - diagonal
            let nonzero = (0..<k).filter { joint[given * k + $0] != 0 }.count
            let share = raise / max(Double(nonzero - 1), 1)
            for truth in 0..<k where truth != given {
                prune[given * k + truth] = Int(max(joint[given * k + truth] - share, 0))
            }
            prune[given * k + given] = Int(max(diagonal, 1))
        }
        return prune
    }

    /// The rows flagged by pruning: for each given label i and class j ≠ i, the `prune[i * k + j]`
    /// rows labelled i with the largest p(j) − p(i) (earlier rows first among equals).
    static func prunedByNoiseRate(labels: [Int32], probabilities: [Double], classCount k: Int, prune: [Int],
                                  work: WorkContext) throws -> [Int] {
        var rowsOfClass = [[Int32]](repeating: [], count: k)
        for (i, label) in labels.enumerated() { rowsOfClass[Int(label)].append(Int32(i)) }
        var flagged = [Bool](repeating: false, count: labels.count)
        var margins: [Double] = []
        var order: [Int32] = []
        try probabilities.withUnsafeBufferPointer { p in
            for given in 0..<k where rowsOfClass[given].count > 1 {
                let members = rowsOfClass[given]
                for truth in 0..<k where truth != given && prune[given * k + truth] > 0 {
                    if work.isCancelled { throw TuttiError("the label issue search was cancelled") }
                    let count = prune[given * k + truth]
                    guard count < members.count else {
                        for i in members { flagged[Int(i)] = true }
                        continue
                    }
                    margins = members.map { p[Int($0) * k + truth] - p[Int($0) * k + given] }
                    order = Array(0..<Int32(members.count))
                    TopSelection.selectLargest(count, of: &order, by: margins)
                    for index in order.prefix(count) { flagged[Int(members[Int(index)])] = true }
                }
            }
        }
        return flagged.indices.filter { flagged[$0] }
    }
}
