/// layer_norm's gradients in PyTorch 2.15's order of operations
/// (aten/src/ATen/native/cpu/layer_norm_kernel.cpp, `layer_norm_backward_frame`, registered with
/// REGISTER_DISPATCH: 32-byte vectors, one compute thread), in the tensor's type `T`. Per row:
/// `ds = sum(dy * x * gamma)` and `db = sum(dy * gamma)` by `map3_reduce_all` /
/// `map2_reduce_all` (the partial last vector's multiply-add fused, as measured),
/// `b = (db * mean - ds) * rstd^3 / N`, `c = -b * mean - db * rstd / N`, and
/// `dx = rstd * dy * gamma + b * x + c`; `dgamma += dy * (rstd * x - rstd * mean)` and
/// `dbeta += dy` row after row. GCC fuses these expressions as written below (measured
/// bit-identical to PyTorch for rows of 3 to 1000 float32 and float64 values).
struct LayerNormBackwardKernel<T: FloatElement> {
    let rows: Int, width: Int

    /// Writes `dx` and returns `dgamma` and `dbeta` (each `width` long).
    func run(
        dy: UnsafePointer<T>, x: UnsafePointer<T>, mean: [T], rstd: [T], gamma: UnsafePointer<T>?,
        dx: UnsafeMutablePointer<T>
    ) -> (dgamma: [T], dbeta: [T]) {
        var dgamma = [T](repeating: 0, count: width)
        var dbeta = dgamma
        let lanes = VectorLanes<T>.avx2
        let scale = 1 / T(fromDouble: Double(width))
        for r in 0..<rows {
            let (g, xr, out) = (dy + r * width, x + r * width, dx + r * width)
            let (a, m) = (rstd[r], mean[r])
            let shift = -a * m
            for j in 0..<width {
                dgamma[j] = dgamma[j].addingProduct(g[j], shift.addingProduct(a, xr[j]))
                dbeta[j] += g[j]
            }
            let ds: T
            let db: T
            if let gamma {
                ds = lanes.reduce(
                    count: width, { g[$0] * xr[$0] * gamma[$0] },
                    tailStep: { acc, j in acc.addingProduct(g[j] * xr[j], gamma[j]) })
                db = lanes.reduce(
                    count: width, { g[$0] * gamma[$0] }, tailStep: { acc, j in acc.addingProduct(g[j], gamma[j]) })
            } else {
                ds = lanes.reduce(count: width, { g[$0] * xr[$0] }, tailStep: { acc, j in acc.addingProduct(g[j], xr[j]) })
                db = lanes.sum(count: width) { g[$0] }
            }
            let b = (-ds).addingProduct(db, m) * a * a * a * scale
            let c = (-(db * a * scale)).addingProduct(-b, m)
            for j in 0..<width {
                let scaled = gamma.map { a * g[j] * $0[j] } ?? a * g[j]
                out[j] = scaled.addingProduct(b, xr[j]) + c
            }
        }
        return (dgamma, dbeta)
    }
}
