import RealModule

/// Softmax or log-softmax along one dimension of a contiguous buffer seen as
/// `[outer, size, inner]`, subtracting the maximum first for numerical stability.
struct SoftmaxVisitor: FloatVisitor {
    let input: Storage
    let out: Storage
    let outer: Int, size: Int, inner: Int
    let log: Bool

    func visit<T: FloatElement>(_ type: T.Type) {
        let x = input.pointer(T.self)
        let y = out.pointer(T.self)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                var m = -T.infinity
                for j in 0..<size { m = Swift.max(m, x[base + j * inner]) }
                var sum: T = 0
                for j in 0..<size { sum += T.exp(x[base + j * inner] - m) }
                if log {
                    let logSum = T.log(sum)
                    for j in 0..<size { y[base + j * inner] = (x[base + j * inner] - m) - logSum }
                } else {
                    for j in 0..<size { y[base + j * inner] = T.exp(x[base + j * inner] - m) / sum }
                }
            }
        }
    }
}

/// `exp` elementwise, for the log-softmax backward formula.
struct SoftmaxExpVisitor: FloatVisitor {
    let input: Storage
    let out: Storage

    func visit<T: FloatElement>(_ type: T.Type) {
        let x = input.pointer(T.self)
        let y = out.pointer(T.self)
        for i in 0..<out.count { y[i] = T.exp(x[i]) }
    }
}
