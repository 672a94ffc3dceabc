import RealModule

/// `torch.cdist`: the `p`-norm distance between each row of `x1` and each row of `x2` (batch
/// dimensions broadcast), as aten/src/ATen/native/Distance.cpp computes it. For `p = 2` with
/// more than 25 rows on either side (or `compute_mode="use_mm_for_euclid_dist"`) it runs
/// `_euclidean_dist` through a matrix product (EuclideanDistBackward0 under a ViewBackward0);
/// otherwise the direct kernel (CdistBackward0), reducing each pair's terms one column at a
/// time as PyTorch's compiled scalar loop does.
enum CdistOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "cdist(Tensor x1, Tensor x2, float p=2.0, str compute_mode=\"use_mm_for_euclid_dist_if_necessary\") -> Tensor",
            gradFn: "CdistBackward0", exposure: [.torch],
            forward: {
                try Tensor.cdist($0.tensor("x1"), $0.tensor("x2"), p: $0.double("p"), computeMode: $0.string("compute_mode"))
            })
    ]
}

extension Tensor {
    /// `torch.cdist(x1, x2, p, compute_mode)`.
    public static func cdist(
        _ x1: Tensor, _ x2: Tensor, p: Double = 2, computeMode: String = "use_mm_for_euclid_dist_if_necessary"
    ) throws -> Tensor {
        let modes = ["use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist"]
        guard let mode = modes.firstIndex(of: computeMode) else {
            throw TorchError.value("\(computeMode) is not a valid value for compute_mode")
        }
        for (name, t) in [("X1", x1), ("X2", x2)] where t.dim < 2 {
            throw TorchError.runtime("cdist only supports at least 2D tensors, \(name) got: \(t.dim)D")
        }
        let (c1, c2) = (x1.shape[x1.dim - 1], x2.shape[x2.dim - 1])
        guard c1 == c2 else {
            throw TorchError.runtime("X1 and X2 must have the same number of columns. X1: \(c1) X2: \(c2)")
        }
        for (name, t) in [("X1", x1), ("X2", x2)] where !t.dtype.isFloatingPoint {
            throw TorchError.runtime("cdist only supports floating-point dtypes, \(name) got: \(t.dtype.scalarTypeName)")
        }
        guard p >= 0 else { throw TorchError.runtime("cdist only supports non-negative p values") }
        let (r1, r2) = (x1.shape[x1.dim - 2], x2.shape[x2.dim - 2])
        let batch = try broadcastShapes(Array(x1.shape.dropLast(2)), Array(x2.shape.dropLast(2)))
        let useMatmul = p == 2 && (mode == 1 || (mode == 0 && (r1 > 25 || r2 > 25)))
        guard useMatmul, x1.numel > 0, x2.numel > 0, c1 > 0 else {
            return try cdistDirect(x1, x2, p: p, batch: batch)
        }
        let outShape = batch + [r1, r2]
        let batchCount = batch.reduce(1, *)
        if batchCount == 1 { return try euclideanDistance(x1, x2).view(outShape) }
        let e1 = try x1.expand(batch + [r1, c1]).contiguous().view([batchCount, r1, c1])
        let e2 = try x2.expand(batch + [r2, c2]).contiguous().view([batchCount, r2, c2])
        return try euclideanDistance(e1, e2).view(outShape)
    }

    /// `_euclidean_dist(x1, x2)`: `sqrt(clamp_min([-2 x1, |x1|², 1] @ [x2, 1, |x2|²]ᵀ, 0))`,
    /// one node (EuclideanDistBackward0) whose backward is recorded, so it differentiates again.
    static func euclideanDistance(_ x1: Tensor, _ x2: Tensor) throws -> Tensor {
        let out = try GradMode.noGrad {
            let norm1 = try x1.pow(2).sum(dims: [-1], keepdim: true)
            let norm2 = try x2.pow(2).sum(dims: [-1], keepdim: true)
            let ones1 = Tensor.ones(norm1.shape, dtype: norm1.dtype)
            let ones2 = Tensor.ones(norm2.shape, dtype: norm2.dtype)
            let left = try Tensor.cat([x1.mul(.scalar(.int(-2))), norm1, ones1], dim: -1)
            let right = try Tensor.cat([x2, ones2, norm2], dim: -1)
            return try left.matmul(right.transpose(-2, -1)).clampMin_(.int(0)).sqrt_()
        }
        record(
            "_euclidean_dist", .euclideanDistBackward0, inputs: [x1, x2], outputs: [out],
            saving: [.input("x1", x1), .input("x2", x2), .output("result", 0)]
        ) { ctx in
            let (a, b, result) = (try ctx.saved("x1"), try ctx.saved("x2"), try ctx.saved("result"))
            let ratio = try ctx.grad.div(.tensor(result))
            _ = try ratio.maskedFill_(mask: result.eq(.scalar(.int(0))), value: .scalar(.int(0)))
            return [
                try a.mul(.tensor(ratio.sum(dims: [-1], keepdim: true))).sub(.tensor(ratio.matmul(b))),
                try b.mul(.tensor(ratio.sum(dims: [-2]).unsqueeze(-1))).sub(.tensor(ratio.transpose(-2, -1).matmul(a)))
            ]
        }
        return out
    }

    /// `_cdist_forward`: the direct kernel over the broadcast batch (CdistBackward0).
    private static func cdistDirect(_ x1: Tensor, _ x2: Tensor, p: Double, batch: [Int]) throws -> Tensor {
        let dtype = resultType([x1, x2])
        let problem = CdistProblem(
            batch: batch, rows1: x1.shape[x1.dim - 2], rows2: x2.shape[x2.dim - 2], columns: x1.shape[x1.dim - 1], p: p)
        let out = dtype.dispatchFloat(CdistForward(problem: problem, x1: x1, x2: x2, dtype: dtype))
        let (shape1, shape2) = (x1.shape, x2.shape)
        record(
            "_cdist_forward", .cdistBackward0, inputs: [x1, x2], outputs: [out],
            saving: [.input("x1", x1), .input("x2", x2), .output("result", 0)], keeping: [("p", .scalar(.double(p)))]
        ) { ctx in
            let (a, b, result) = (try ctx.saved("x1"), try ctx.saved("x2"), try ctx.saved("result"))
            let grad = try ctx.grad.contiguous()
            return [
                ctx.needsGrad(0)
                    ? try dtype.dispatchFloat(
                        CdistBackward(problem: problem, grad: grad, x1: a, x2: b, result: result, dtype: dtype)
                    )
                    .sumTo(shape1) : nil,
                ctx.needsGrad(1)
                    ? try dtype.dispatchFloat(
                        CdistBackward(
                            problem: problem.swapped, grad: grad.transpose(-2, -1), x1: b, x2: a,
                            result: result.transpose(-2, -1), dtype: dtype)
                    ).sumTo(shape2) : nil
            ]
        }
        return out
    }
}

/// The sizes of one `cdist`: broadcast batch, rows of each side, columns, norm order.
private struct CdistProblem {
    let batch: [Int]
    let rows1: Int, rows2: Int, columns: Int
    let p: Double

    var batchCount: Int { batch.reduce(1, *) }
    /// The problem with `x1` and `x2` exchanged (for the gradient of `x2`).
    var swapped: CdistProblem { CdistProblem(batch: batch, rows1: rows2, rows2: rows1, columns: columns, p: p) }
}

/// The values of `t` broadcast to `shape`, row-major, as `T`.
func broadcastValues<T: FloatElement>(_ t: Tensor, _ shape: [Int], _ dtype: DType, _: T.Type) -> [T] {
    let s = t.contiguousStorage(as: dtype, broadcastTo: shape)
    return withExtendedLifetime(s) { Array(UnsafeBufferPointer(start: s.pointer(T.self), count: shape.reduce(1, *))) }
}

/// A tensor of `shape` and `dtype` holding `values`.
func tensorOf<T: FloatElement>(_ values: [T], shape: [Int], dtype: DType) -> Tensor {
    let s = Storage.uninitialized(dtype, count: values.count)
    s.pointer(T.self).update(from: values, count: values.count)
    return Tensor(storage: s, shape: shape)
}

/// One output of the direct kernel (`run_parallel_cdist`): the pair's mapped terms added column
/// by column.
private struct CdistForward: FloatVisitor {
    let problem: CdistProblem
    let x1: Tensor, x2: Tensor
    let dtype: DType

    func visit<T: FloatElement>(_: T.Type) -> Tensor {
        let (r1, r2, m) = (problem.rows1, problem.rows2, problem.columns)
        let a = broadcastValues(x1, problem.batch + [r1, m], dtype, T.self)
        let b = broadcastValues(x2, problem.batch + [r2, m], dtype, T.self)
        var out = [T](repeating: 0, count: problem.batchCount * r1 * r2)
        let p = T(problem.p)
        let isMax = problem.p.isInfinite
        func term(_ d: T) -> T {
            let magnitude = Swift.abs(d)
            switch problem.p {
            case 0: return Swift.min(magnitude.rounded(.up), 1)
            case 1: return magnitude
            case 2: return d * d
            default: return isMax ? magnitude : T.pow(magnitude, p)
            }
        }
        func combine(_ x: T, _ y: T) -> T { isMax ? Swift.max(x, y) : x + y }
        // GCC squares 16 bytes of differences at a time, then adds them in order; the last
        // columns' squares are fused into the additions.
        let blocked = problem.p == 2 ? m - m % (16 / MemoryLayout<T>.size) : m
        for n in 0..<problem.batchCount {
            for i in 0..<r1 {
                let rowA = (n * r1 + i) * m
                for j in 0..<r2 {
                    let rowB = (n * r2 + j) * m
                    var total: T = 0
                    for k in 0..<m {
                        let d = Swift.abs(a[rowA + k] - b[rowB + k])
                        total = k < blocked ? combine(total, term(d)) : total.addingProduct(d, d)
                    }
                    switch problem.p {
                    case 0, 1: break
                    case 2: total = total.squareRoot()
                    // `std::pow(agg, 1.0 / p)`: a double power, rounded back.
                    default: if !isMax { total = T(Double.pow(Double(total), 1 / problem.p)) }
                    }
                    out[(n * r1 + i) * r2 + j] = total
                }
            }
        }
        return tensorOf(out, shape: problem.batch + [r1, r2], dtype: dtype)
    }
}

/// `_cdist_backward`: the gradient of `x1` (over the broadcast batch) from `grad` and the
/// distances, per PyTorch's p = 0, 1, 2, inf and general-p rules (0 where a distance is 0).
private struct CdistBackward: FloatVisitor {
    let problem: CdistProblem
    let grad: Tensor, x1: Tensor, x2: Tensor, result: Tensor
    let dtype: DType

    func visit<T: FloatElement>(_: T.Type) -> Tensor {
        let (r1, r2, m) = (problem.rows1, problem.rows2, problem.columns)
        let a = broadcastValues(x1, problem.batch + [r1, m], dtype, T.self)
        let b = broadcastValues(x2, problem.batch + [r2, m], dtype, T.self)
        let g = broadcastValues(grad, problem.batch + [r1, r2], dtype, T.self)
        let dist = broadcastValues(result, problem.batch + [r1, r2], dtype, T.self)
        let p = T(problem.p)
        var out = [T](repeating: 0, count: problem.batchCount * r1 * m)
        for n in 0..<problem.batchCount {
            for i in 0..<r1 {
                for j in 0..<r2 {
                    let pair = (n * r1 + i) * r2 + j
                    let (gradient, distance) = (g[pair], dist[pair])
                    for k in 0..<m {
                        let diff = a[(n * r1 + i) * m + k] - b[(n * r2 + j) * m + k]
                        let sign: T = diff > 0 ? 1 : diff < 0 ? -1 : 0
                        let term: T
                        switch problem.p {
                        case 0: term = 0
                        case 1: term = gradient * sign
                        case 2: term = distance == 0 ? 0 : gradient * diff / distance
                        default:
                            if problem.p.isInfinite {
                                term = gradient * sign * (Swift.abs(diff) == distance ? 1 : 0)
                            } else {
                                // Vectorized lanes: SLEEF's pow, PyTorch's operand order.
                                if distance == 0 || (diff == 0 && problem.p < 1) {
                                    term = 0
                                } else if problem.p < 2 {
                                    term =
                                        sign * SleefLanes.pow(Swift.abs(diff), p - 1) * gradient / SleefLanes.pow(distance, p - 1)
                                } else {
                                    term =
                                        diff * SleefLanes.pow(Swift.abs(diff), p - 2) * gradient / SleefLanes.pow(distance, p - 1)
                                }
                            }
                        }
                        out[(n * r1 + i) * m + k] += term
                    }
                }
            }
        }
        return tensorOf(out, shape: problem.batch + [r1, m], dtype: dtype)
    }
}

extension NodeKind {
    static let cdistBackward0 = NodeKind("CdistBackward0")
    static let euclideanDistBackward0 = NodeKind("EuclideanDistBackward0")
}
