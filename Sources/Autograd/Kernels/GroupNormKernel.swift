/// group_norm in PyTorch 2.15's order of operations (aten/src/ATen/native/cpu/group_norm_kernel.cpp,
/// contiguous input, one compute thread), in the tensor's type `T`, over `batch * groups` rows of
/// `channelsPerGroup * spatial` values.
///
/// Forward (`GroupNormKernelImplInternal`): each row's moments by `RowwiseMoments`,
/// `rstd = 1 / sqrt(max(var, 0) + eps)` in double (eps is a double there), then per channel
/// `scale = rstd * gamma`, `bias = -scale * mean + beta` and `y = scale * x + bias`, which GCC
/// fuses; without gamma and beta `y = (x - mean) * rstd`.
///
/// Backward: `ds = sum(dy * x)` and `db = sum(dy)` per channel plane (`map2_reduce_all` /
/// `reduce_all`), their gamma-weighted sums per group (`CalcDsDb`, 8-lane partial sums added in
/// order, then the tail), `c2 = (db * mean - ds) * rstd^3 / n`, `c3 = -c2 * mean - db * rstd / n`,
/// `dx = rstd * gamma * dy + c2 * x + c3`; `dgamma[c] = sum_n (ds - db * mean) * rstd` and
/// `dbeta[c] = sum_n db`. GCC contracts the vector intrinsics' multiply-adds too (they are plain
/// vector arithmetic in its headers), so those are fused here; `map2_reduce_all`'s are not
/// (measured against PyTorch's dgamma).
struct GroupNormKernel<T: FloatElement> {
    let batch: Int, channels: Int, spatial: Int, groups: Int

    private var channelsPerGroup: Int { channels / groups }
    private var rowLength: Int { channelsPerGroup * spatial }

    /// Writes `y` and returns each row's mean and rstd.
    func forward(
        _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, gamma: [T]?, beta: [T]?, eps: Double
    ) -> (mean: [T], rstd: [T]) {
        let rows = batch * groups
        var means = [T](repeating: 0, count: rows)
        var rstds = means
        for i in 0..<rows {
            let row = x + i * rowLength
            let (mean, variance) = RowwiseMoments<T>.compute(row, count: rowLength)
            let rstd = T(fromDouble: 1 / (Swift.max(variance, 0).doubleValue + eps).squareRoot())
            if gamma == nil && beta == nil {
                for j in 0..<rowLength { y[i * rowLength + j] = (row[j] - mean) * rstd }
            } else {
                let g = i % groups
                for j in 0..<channelsPerGroup {
                    let c = g * channelsPerGroup + j
                    let scale = rstd * (gamma?[c] ?? 1)
                    let bias = (beta?[c] ?? 0).addingProduct(-scale, mean)
                    let base = (i * channelsPerGroup + j) * spatial
                    for k in 0..<spatial { y[base + k] = bias.addingProduct(scale, x[base + k]) }
                }
            }
            (means[i], rstds[i]) = (mean, rstd)
        }
        return (means, rstds)
    }

    /// Writes `dx` and returns `dgamma` and `dbeta` (each `channels` long).
    func backward(
        dy: UnsafePointer<T>, x: UnsafePointer<T>, mean: [T], rstd: [T], gamma: [T]?, dx: UnsafeMutablePointer<T>
    ) -> (dgamma: [T], dbeta: [T]) {
        let lanes = VectorLanes<T>.avx2
        let planes = batch * channels
        var ds = [T](repeating: 0, count: planes)
        var db = ds
        for p in 0..<planes {
            let (g, xp) = (dy + p * spatial, x + p * spatial)
            ds[p] = lanes.sum(count: spatial) { g[$0] * xp[$0] }
            db[p] = lanes.sum(count: spatial) { g[$0] }
        }
        let d = channelsPerGroup
        let s = 1 / T(fromDouble: Double(rowLength))
        for i in 0..<(batch * groups) {
            let g = i % groups
            let (dsVal, dbVal) = weightedSums(ds, db, from: i * d, gammaFrom: g * d, gamma: gamma, width: lanes.width)
            let (m, r) = (mean[i], rstd[i])
            let c2 = (-dsVal).addingProduct(dbVal, m) * r * r * r * s
            let c3 = (-(dbVal * r * s)).addingProduct(-c2, m)
            for j in 0..<d {
                let c1 = r * (gamma?[g * d + j] ?? 1)
                let base = (i * d + j) * spatial
                for k in 0..<spatial { dx[base + k] = (c1 * dy[base + k]).addingProduct(c2, x[base + k]) + c3 }
            }
        }
        var dgamma = [T](repeating: 0, count: channels)
        var dbeta = dgamma
        for n in 0..<batch {
            for c in 0..<channels {
                let i = n * groups + c / d
                let centred = ds[n * channels + c].addingProduct(-db[n * channels + c], mean[i])
                dgamma[c] = dgamma[c].addingProduct(centred, rstd[i])
                dbeta[c] += db[n * channels + c]
            }
        }
        return (dgamma, dbeta)
    }

    /// `CalcDsDb` and its tail: the group's `sum(ds * gamma)` and `sum(db * gamma)`, whole vectors
    /// of channels in lanes added in order, then the remaining channels one by one.
    private func weightedSums(
        _ ds: [T], _ db: [T], from start: Int, gammaFrom gammaStart: Int, gamma: [T]?, width: Int
    ) -> (T, T) {
        let d = channelsPerGroup
        let whole = d / width * width
        var dsLanes = [T](repeating: 0, count: width)
        var dbLanes = dsLanes
        for j in stride(from: 0, to: whole, by: width) {
            for lane in 0..<width {
                let gv = gamma?[gammaStart + j + lane] ?? 1
                dsLanes[lane] = dsLanes[lane].addingProduct(ds[start + j + lane], gv)
                dbLanes[lane] = dbLanes[lane].addingProduct(db[start + j + lane], gv)
            }
        }
        var dsVal = dsLanes.reduce(0, +)
        var dbVal = dbLanes.reduce(0, +)
        for j in whole..<d {
            let gv = gamma?[gammaStart + j] ?? 1
            dsVal = dsVal.addingProduct(ds[start + j], gv)
            dbVal = dbVal.addingProduct(db[start + j], gv)
        }
        return (dsVal, dbVal)
    }
}
