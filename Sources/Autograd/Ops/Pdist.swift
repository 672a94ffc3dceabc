/// `torch.pdist` / `F.pdist`: the `p`-norm distance between every pair of rows `i < j` of a
/// matrix, in row-major pair order, as aten/src/ATen/native/cpu/DistanceOpsKernel.cpp computes
/// it: each pair's mapped column differences reduced by `map2_reduce_all` over 32-byte vectors
/// (PdistBackward0 over `input.contiguous()`).
enum PdistOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "pdist(Tensor self, float p=2.0) -> Tensor", gradFn: "PdistBackward0", exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["self": [3, 2]]),
            forward: { try $0.tensor("self").pdist(p: $0.double("p")) })
    ]
}

extension Tensor {
    /// `torch.pdist(self, p)`: the distances between the rows of a 2-D floating-point tensor.
    public func pdist(p: Double = 2) throws -> Tensor {
        guard dim == 2 else { throw TorchError.runtime("pdist only supports 2D tensors, got: \(dim)D") }
        guard dtype.isFloatingPoint else { throw TorchError.runtime("pdist only supports floating-point dtypes") }
        guard p >= 0 else { throw TorchError.runtime("pdist only supports non-negative p values") }
        return try Tensor.pdistForward(contiguous(), p: p)
    }

    /// `_pdist_forward` (PdistBackward0, saving self, p and result).
    private static func pdistForward(_ input: Tensor, p: Double) -> Tensor {
        let problem = PdistProblem(rows: input.shape[0], columns: input.shape[1], p: p)
        let dtype = input.dtype
        let out = dtype.dispatchFloat(PdistForward(problem: problem, input: input, dtype: dtype))
        record(
            "_pdist_forward", .pdistBackward0, inputs: [input], outputs: [out],
            saving: [.input("self", input), .output("result", 0)], keeping: [("p", .scalar(.double(p)))]
        ) { ctx in
            let (x, result) = (try ctx.saved("self"), try ctx.saved("result"))
            return [
                dtype.dispatchFloat(
                    PdistBackward(problem: problem, grad: try ctx.grad.contiguous(), input: x, result: result, dtype: dtype))
            ]
        }
        return out
    }
}

/// The sizes of one `pdist`: rows, columns, norm order.
private struct PdistProblem {
    let rows: Int, columns: Int
    let p: Double

    var pairs: Int { rows * (rows - 1) / 2 }
}

/// `run_parallel_pdist`: per pair, `map2_reduce_all(map(|a - b|), red)` then `finish`.
private struct PdistForward: FloatVisitor {
    let problem: PdistProblem
    let input: Tensor
    let dtype: DType

    func visit<T: FloatElement>(_: T.Type) -> Tensor {
        let (n, m, p) = (problem.rows, problem.columns, problem.p)
        guard n > 1 else { return tensorOf([T](), shape: [0], dtype: dtype) }
        let x = broadcastValues(input, [n, m], dtype, T.self)
        var out = [T](repeating: 0, count: problem.pairs)
        guard m > 0 else { return tensorOf(out, shape: [out.count], dtype: dtype) }
        let lanes = VectorLanes<T>.avx2
        let exponent = T(p)
        func term(_ d: T) -> T {
            switch p {
            case 0: return Swift.min(d.rounded(.up), 1)
            case 1: return d
            case 2: return d * d
            default: return SleefLanes.pow(d, exponent)
            }
        }
        var k = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let (rowA, rowB) = (i * m, j * m)
                let total: T
                if p.isInfinite {
                    // `max` reduces exactly whatever the order.
                    total = (0..<m).reduce(T(0)) { Swift.max($0, Swift.abs(x[rowA + $1] - x[rowB + $1])) }
                } else {
                    let sum = lanes.sum(count: m) { term(Swift.abs(x[rowA + $0] - x[rowB + $0])) }
                    switch p {
                    case 0, 1: total = sum
                    case 2: total = sum.squareRoot()
                    // `std::pow(agg, 1.0 / p)`: a double power, rounded back.
                    default: total = T(Double.pow(Double(sum), 1 / p))
                    }
                }
                out[k] = total
                k += 1
            }
        }
        return tensorOf(out, shape: [out.count], dtype: dtype)
    }
}

/// `_pdist_backward`: for each column, `res_i += f(x_i - x_j)` and `res_j -= f(x_i - x_j)` over
/// the pairs in order, `f` PyTorch's per-norm backward (0 where a distance is 0).
private struct PdistBackward: FloatVisitor {
    let problem: PdistProblem
    let grad: Tensor, input: Tensor, result: Tensor
    let dtype: DType

    func visit<T: FloatElement>(_: T.Type) -> Tensor {
        let (n, m, p) = (problem.rows, problem.columns, problem.p)
        var out = [T](repeating: 0, count: n * m)
        guard p != 0, n > 1, m > 0 else { return tensorOf(out, shape: [n, m], dtype: dtype) }
        let x = broadcastValues(input, [n, m], dtype, T.self)
        let g = broadcastValues(grad, [problem.pairs], dtype, T.self)
        let dist = broadcastValues(result, [problem.pairs], dtype, T.self)
        let exponent = T(p)
        func term(_ diff: T, _ gradient: T, _ distance: T) -> T {
            let sign: T = diff > 0 ? 1 : diff < 0 ? -1 : 0
            if p == 1 { return gradient * sign }
            if p.isInfinite { return gradient * sign * (Swift.abs(diff) == distance ? 1 : 0) }
            if distance == 0 { return 0 }
            if p == 2 { return gradient * diff / distance }
            if p < 2 {
                if diff == 0 && p < 1 { return 0 }
                return sign * SleefLanes.pow(Swift.abs(diff), exponent - 1) * gradient
                    / SleefLanes.pow(distance, exponent - 1)
            }
            return diff * SleefLanes.pow(Swift.abs(diff), exponent - 2) * gradient / SleefLanes.pow(distance, exponent - 1)
        }
        for c in 0..<m {
            var k = 0
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let change = term(x[i * m + c] - x[j * m + c], g[k], dist[k])
                    out[i * m + c] += change
                    out[j * m + c] -= change
                    k += 1
                }
            }
        }
        return tensorOf(out, shape: [n, m], dtype: dtype)
    }
}

extension NodeKind {
    static let pdistBackward0 = NodeKind("PdistBackward0")
}
