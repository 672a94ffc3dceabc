/// Softmax and log-softmax of a contiguous buffer seen as `[outer, size, inner]` along its
/// middle dimension, as PyTorch 2.15's CPU kernels compute them
/// (aten/src/ATen/native/cpu/SoftMaxKernel.cpp and LogSoftmaxKernelImpl.h, registered with
/// ALSO_REGISTER_AVX512_DISPATCH: 64-byte vectors, one compute thread).
///
/// Along the last dimension (`softmax_lastdim_kernel`, `_vec_softmax_lastdim` and
/// `serial_vec_log_softmax_lastdim_range`) each row is reduced with `reduce_all` /
/// `map_reduce_all` and every exp and log is SLEEF's vector function. Along another dimension
/// (`softmax_kernel`: `_vec_softmax`, `serial_vec_logsoftmax_range`) the inner positions are
/// processed a vector at a time, each lane summing over the dimension in order; the positions
/// past the last whole vector take the scalar path with the C library's exp. The backward
/// kernels are in SoftmaxBackwardKernel.swift.
struct SoftmaxKernel<T: FloatElement> {
    let outer: Int, size: Int, inner: Int
    /// Whether the dimension is the tensor's last (the `_lastdim` kernels; a 0-dim tensor counts
    /// as one element along its last dimension).
    let lastDim: Bool

    var lanes: VectorLanes<T> { .avx512 }

    /// `vec::maximum`: the larger value, NaN if either is.
    @inline(__always)
    static func maximum(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }

    /// Writes softmax (or log-softmax when `log`) of `x` into `y`.
    func forward(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, log: Bool) {
        guard size > 0 else { return }
        if lastDim {
            for row in 0..<outer * inner {
                let base = row * size
                if log {
                    logSoftmaxRow(x + base, y + base)
                } else {
                    softmaxRow(x + base, y + base)
                }
            }
            return
        }
        let vectorEnd = inner - inner % lanes.width
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                if log {
                    logSoftmaxColumn(x + base, y + base, vector: i < vectorEnd)
                } else {
                    softmaxColumn(x + base, y + base, vector: i < vectorEnd)
                }
            }
        }
    }

    /// `_vec_softmax_lastdim`: max, `exp(x - max)` into the output, `reduce_all` of it, then a
    /// multiplication by the reciprocal.
    private func softmaxRow(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>) {
        let m = (1..<size).reduce(x[0]) { Self.maximum($0, x[$1]) }
        for j in 0..<size { y[j] = SleefLanes.exp(x[j] - m) }
        let r = 1 / lanes.sum(count: size) { y[$0] }
        for j in 0..<size { y[j] *= r }
    }

    /// `serial_vec_log_softmax_lastdim_range`: max, `map_reduce_all` of `exp(x - max)`, its
    /// vector log, then `x - max - log_sum` in that order.
    private func logSoftmaxRow(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>) {
        let m = (1..<size).reduce(x[0]) { Self.maximum($0, x[$1]) }
        let logSum = SleefLanes.log(lanes.sum(count: size) { SleefLanes.exp(x[$0] - m) })
        for j in 0..<size { y[j] = x[j] - m - logSum }
    }

    /// `_vec_softmax` for one inner position (stride `inner`): the vector lane or the scalar
    /// tail; the sum runs in order from zero and each value is divided by it.
    private func softmaxColumn(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, vector: Bool) {
        var m = x[0]
        for d in 1..<size {
            let v = x[d * inner]
            m = vector ? Self.maximum(m, v) : (m < v ? v : m)
        }
        var sum: T = 0
        for d in 0..<size {
            let e = vector ? SleefLanes.exp(x[d * inner] - m) : T.exp(x[d * inner] - m)
            y[d * inner] = e
            sum += e
        }
        for d in 0..<size { y[d * inner] /= sum }
    }

    /// `serial_vec_logsoftmax_range` for one inner position: the running max (`x > max`), the
    /// sum of exps from zero, its vector log, then `x - max - log_sum`.
    private func logSoftmaxColumn(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, vector: Bool) {
        var m = -T.infinity
        for d in 0..<size where x[d * inner] > m { m = x[d * inner] }
        var sum: T = 0
        for d in 0..<size { sum += vector ? SleefLanes.exp(x[d * inner] - m) : T.exp(x[d * inner] - m) }
        let logSum = SleefLanes.log(sum)
        for d in 0..<size { y[d * inner] = x[d * inner] - m - logSum }
    }
}

/// Runs `SoftmaxKernel` over contiguous values: forward from the input, or backward from the
/// incoming gradient and the output.
struct SoftmaxVisitor: FloatVisitor {
    enum Pass {
        case forward(input: Storage)
        case backward(grad: Storage, output: Storage)
    }

    let pass: Pass
    let out: Storage
    let layout: (outer: Int, size: Int, inner: Int, lastDim: Bool)
    let log: Bool

    func visit<T: FloatElement>(_ type: T.Type) {
        let k = SoftmaxKernel<T>(outer: layout.outer, size: layout.size, inner: layout.inner, lastDim: layout.lastDim)
        switch pass {
        case .forward(let input): k.forward(input.pointer(T.self), out.pointer(T.self), log: log)
        case .backward(let grad, let output):
            k.backward(grad: grad.pointer(T.self), output: output.pointer(T.self), into: out.pointer(T.self), log: log)
        }
    }
}
