/// The shape and options of one `batch_norm` call.
struct BatchNormRun {
    let batch: Int, channels: Int, spatial: Int
    let training: Bool, momentum: Double, eps: Double

    func kernel<T: FloatElement>(_: T.Type) -> BatchNormKernel<T> {
        BatchNormKernel<T>(batch: batch, channels: channels, spatial: spatial)
    }
}

/// The values of `t` in row-major order as `T`.
private func values<T: FloatElement>(_ t: Tensor, _: T.Type) -> [T] {
    let s = t.contiguousStorage(as: T.self == Double.self ? .float64 : .float32)
    return withExtendedLifetime(s) { Array(UnsafeBufferPointer(start: s.pointer(T.self), count: t.numel)) }
}

private func tensor<T: FloatElement>(_ v: [T], shape: [Int], dtype: DType) -> Tensor {
    let s = Storage.uninitialized(dtype, count: v.count)
    s.pointer(T.self).update(from: v, count: v.count)
    return Tensor(storage: s, shape: shape)
}

/// The forward pass: the output and the saved mean and invstd (empty in eval), updating the
/// running statistics in training.
struct BatchNormForward: FloatVisitor {
    let run: BatchNormRun
    let input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?

    func visit<T: FloatElement>(_: T.Type) -> (Tensor, Tensor, Tensor) {
        let k = run.kernel(T.self)
        let dtype = input.dtype
        let x = input.contiguousStorage(as: dtype)
        var mean: [T]
        var invstd: [T]
        if run.training {
            let stats = k.statistics(x.pointer(T.self))
            mean = stats.mean
            invstd = stats.varSum.map { k.invstd(varSum: $0, eps: run.eps) }
            if let runningMean, let runningVar {
                let (oldMean, oldVar) = (values(runningMean, T.self), values(runningVar, T.self))
                let updated = (0..<run.channels).map { c in
                    k.updatedRunning(
                        mean: mean[c], varSum: stats.varSum[c], runningMean: oldMean[c], runningVar: oldVar[c],
                        momentum: run.momentum)
                }
                runningMean.overwrite(updated.map { $0.0.doubleValue })
                runningVar.overwrite(updated.map { $0.1.doubleValue })
            } else if let runningMean {
                let m = T(fromDouble: run.momentum)
                runningMean.overwrite(zip(mean, values(runningMean, T.self)).map { (m * $0 + (1 - m) * $1).doubleValue })
            }
        } else {
            mean = values(runningMean!, T.self)
            // batch_norm_cpu_collect_linear_and_constant_terms: 1 / sqrt(var + eps) in the type.
            let e = T(fromDouble: run.eps)
            invstd = values(runningVar!, T.self).map { 1 / ($0 + e).squareRoot() }
        }
        let out = Storage.uninitialized(dtype, count: input.numel)
        withExtendedLifetime(x) {
            k.transform(
                x.pointer(T.self), out.pointer(T.self), mean: mean, invstd: invstd,
                weight: weight.map { values($0, T.self) }, bias: bias.map { values($0, T.self) })
        }
        let saved = run.training ? run.channels : 0
        return (
            Tensor(storage: out, shape: input.shape),
            tensor(Array(mean.prefix(saved)), shape: [saved], dtype: dtype),
            tensor(Array(invstd.prefix(saved)), shape: [saved], dtype: dtype)
        )
    }
}

/// The backward pass from the saved batch statistics (training) or running statistics (eval,
/// invstd `1 / sqrt(var + eps)` in double as the backward kernels compute it).
struct BatchNormBackward: FloatVisitor {
    let run: BatchNormRun
    let input: Tensor, grad: Tensor, statistics: (Tensor, Tensor), weight: Tensor?

    func visit<T: FloatElement>(_: T.Type) -> (Tensor, Tensor, Tensor) {
        let k = run.kernel(T.self)
        let dtype = grad.dtype
        let mean = values(statistics.0, T.self)
        let invstd =
            run.training
            ? values(statistics.1, T.self)
            : values(statistics.1, T.self).map { T(fromDouble: 1 / ($0.doubleValue + run.eps).squareRoot()) }
        let x = input.contiguousStorage(as: dtype)
        let dy = grad.contiguousStorage(as: dtype)
        let dx = Storage.uninitialized(dtype, count: input.numel)
        let (dw, db) = withExtendedLifetime((x, dy)) {
            k.backward(
                x.pointer(T.self), dy.pointer(T.self), dx.pointer(T.self), mean: mean, invstd: invstd,
                weight: weight.map { values($0, T.self) }, training: run.training)
        }
        return (
            Tensor(storage: dx, shape: input.shape), tensor(dw, shape: [run.channels], dtype: dtype),
            tensor(db, shape: [run.channels], dtype: dtype)
        )
    }
}
