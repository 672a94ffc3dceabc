/// A per-thread check of a kernel's cost before it starts: a BLAS call cannot be interrupted,
/// so a product that could not finish in the time left is refused up front instead of running
/// past the script's time limit (see `WorkBudget.check`).
package enum WorkBudget {
    /// Multiply-adds per second no single product here exceeds (optimistic, so that only work
    /// that could not finish even at this speed is refused: a 2-core machine's BLAS does about
    /// a quarter of it).
    package static let fastestRate = 1e11

    /// Called with the multiply-adds a kernel is about to do; throws to refuse them. The script
    /// layer sets it for a run with a time limit; nil (the default) checks nothing.
    package static var check: ((Double) throws -> Void)? {
        get { ThreadState.current.workCheck }
        set { ThreadState.current.workCheck = newValue }
    }

    /// Asks `check` for `batch` products of `m x k` by `k x n` matrices.
    @inline(__always)
    static func reserveProducts(batch: Int = 1, m: Int, k: Int, n: Int) throws {
        guard let check = ThreadState.current.workCheck else { return }
        try check(Double(batch) * Double(m) * Double(k) * Double(n))
    }
}
