/// The gradients of softmax and log-softmax from the output `y` and the incoming gradient `g`
/// (both contiguous `[outer, size, inner]`), as PyTorch 2.15's CPU kernels compute them
/// (aten/src/ATen/native/cpu/SoftMaxKernel.cpp: `_vec_host_softmax_backward_lastdim`,
/// `_vec_softmax_backward`, `_vec_log_softmax_backward`; 64-byte vectors):
/// softmax `(g - sum(g * y)) * y`, log-softmax `g - exp(y) * sum(g)`. GCC fuses the
/// multiply-adds of these loops except, as measured against PyTorch, the whole-vector steps of
/// the last-dimension softmax dot product (and its float64 tail).
extension SoftmaxKernel {
    /// Writes the input gradient into `gi`.
    func backward(grad g: UnsafePointer<T>, output y: UnsafePointer<T>, into gi: UnsafeMutablePointer<T>, log: Bool) {
        guard size > 0 else { return }
        if lastDim {
            for row in 0..<outer * inner {
                let base = row * size
                backwardRow(g + base, y + base, gi + base, log: log)
            }
            return
        }
        let vectorEnd = inner - inner % lanes.width
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                backwardColumn(g + base, y + base, gi + base, log: log, vector: i < vectorEnd)
            }
        }
    }

    /// `_vec_host_softmax_backward_lastdim` for one row: `reduce_all(+, g)` or
    /// `map2_reduce_all(*, +, g, y)`, then the vector map.
    private func backwardRow(
        _ g: UnsafePointer<T>, _ y: UnsafePointer<T>, _ gi: UnsafeMutablePointer<T>, log: Bool
    ) {
        if log {
            let s = lanes.sum(count: size) { g[$0] }
            for j in 0..<size { gi[j] = g[j].addingProduct(-SleefLanes.exp(y[j]), s) }
            return
        }
        let fusedTail = T.self == Float.self
        let s = lanes.reduce(
            count: size, { g[$0] * y[$0] },
            tailStep: { acc, j in fusedTail ? acc.addingProduct(g[j], y[j]) : acc + g[j] * y[j] })
        for j in 0..<size { gi[j] = (g[j] - s) * y[j] }
    }

    /// `_vec_softmax_backward` / `_vec_log_softmax_backward` for one inner position (stride
    /// `inner`): the sum over the dimension in order from zero, then the map; exp is SLEEF's in
    /// the vector lanes and the C library's in the scalar tail.
    private func backwardColumn(
        _ g: UnsafePointer<T>, _ y: UnsafePointer<T>, _ gi: UnsafeMutablePointer<T>, log: Bool, vector: Bool
    ) {
        var s: T = 0
        if log {
            for d in 0..<size { s += g[d * inner] }
            for d in 0..<size {
                let e = vector ? SleefLanes.exp(y[d * inner]) : T.exp(y[d * inner])
                gi[d * inner] = g[d * inner].addingProduct(-e, s)
            }
            return
        }
        for d in 0..<size { s = s.addingProduct(g[d * inner], y[d * inner]) }
        for d in 0..<size { gi[d * inner] = y[d * inner] * (g[d * inner] - s) }
    }
}
