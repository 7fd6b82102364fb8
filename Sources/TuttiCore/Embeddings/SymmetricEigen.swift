/// The eigenvalues and eigenvectors of a small symmetric matrix, by cyclic Jacobi rotations:
/// each rotation zeroes one off-diagonal pair, and sweeps repeat until the off-diagonal part is
/// negligible. Accurate to rounding and simple; the cost grows as the cube of the size, so it is
/// meant for matrices up to a few hundred rows.
struct SymmetricEigen {
    /// The eigenvalues, largest first.
    let values: [Double]
    /// `vectors[i]` is the unit eigenvector of `values[i]`.
    let vectors: [[Double]]

    /// Most sweeps (convergence takes well under 20 in practice).
    private static let maxSweeps = 60

    /// The decomposition of the `size` × `size` symmetric matrix `matrix` (row-major; only
    /// symmetric input is meaningful).
    init(_ matrix: [Double], size n: Int) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in
                Self.diagonalize(a.baseAddress!, v.baseAddress!, n)
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] > a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { column in (0..<n).map { v[$0 * n + column] } }
    }

    private static func diagonalize(_ a: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>, _ n: Int) {
        var total = 0.0
        for i in 0..<(n * n) { total += a[i] * a[i] }
        guard total > 0 else { return }
        for _ in 0..<maxSweeps {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p * n + q] * a[p * n + q] } }
            if off <= total * 1e-30 { return }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    let apq = a[p * n + q]
                    let app = a[p * n + p], aqq = a[q * n + q]
                    if abs(apq) <= 1e-300 || abs(apq) <= 1e-18 * (abs(app) + abs(aqq)) { continue }
                    let theta = (aqq - app) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let kp = a[k * n + p], kq = a[k * n + q]
                        a[k * n + p] = c * kp - s * kq
                        a[k * n + q] = s * kp + c * kq
                    }
                    for k in 0..<n {
                        let pk = a[p * n + k], qk = a[q * n + k]
                        a[p * n + k] = c * pk - s * qk
                        a[q * n + k] = s * pk + c * qk
                    }
                    a[p * n + q] = 0
                    a[q * n + p] = 0
                    for k in 0..<n {
                        let kp = v[k * n + p], kq = v[k * n + q]
                        v[k * n + p] = c * kp - s * kq
                        v[k * n + q] = s * kp + c * kq
                    }
                }
            }
        }
    }
}
