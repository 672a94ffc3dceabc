/// `torch._weight_norm_interface` (WeightNormInterfaceBackward0): the fused weight
/// normalization `w = v * (g / ‖v‖)` over the first or the last dimension that
/// `torch._weight_norm` (and so `nn.utils.weight_norm`) runs on the CPU, returning `w` and the
/// norms (shaped like `g`). Values follow ATen's `WeightNormKernel.cpp` on 256-bit vectors
/// (8 floats or 4 doubles, as PyTorch 2.15 runs it here, measured): over the first dimension
/// each row's sum of squares is `map_reduce_all` (lane-wise products added, not fused, a tail
/// masked into the lanes, then the vector reduced as ATen's `vec_reduce_all` does); over the
/// last dimension each column sums its rows in order (`out + v * v`, fused). The backward is
/// `_weight_norm_interface_backward`'s kernel: `grad_g = Σ grad_w·v / ‖v‖`,
/// `grad_v = a·grad_w − b·v` with `a = g / ‖v‖`, `b = a·grad_g / ‖v‖`.
enum WeightNormOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "_weight_norm_interface(Tensor v, Tensor g, int dim=0) -> (Tensor, Tensor)",
            gradFn: "WeightNormInterfaceBackward0", exposure: [.torch],
            samples: OpSamples(shapes: ["v": [3, 4], "g": [3, 1]]),
            returningTuple: {
                let r = try $0.tensor("v").weightNormInterface(g: $0.tensor("g"), dim: $0.int("dim"))
                return [r.w, r.norm]
            })
    ]
}

/// ATen's `vec_reduce_all` of one 256-bit vector under `+`: a shuffle tree for floats, lane
/// by lane for doubles.
private func reduceLanes<T: FloatElement>(_ lanes: [T]) -> T {
    guard lanes.count == 8 else { return lanes.dropFirst().reduce(lanes[0], +) }
    return ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]))
}

/// `map2_reduce_all(x * y, +)` over `count` elements (`map_reduce_all(x * x, +)` when `a == b`).
private func dotProduct<T: FloatElement>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, count: Int) -> T {
    let width = T.self == Float.self ? 8 : 4
    guard count > 0 else { return 0 }
    guard count >= width else { return (1..<count).reduce(a[0] * b[0]) { $0 + a[$1] * b[$1] } }
    var lanes = (0..<width).map { a[$0] * b[$0] }
    var d = width
    while d < count - count % width {
        for k in 0..<width { lanes[k] = lanes[k] + a[d + k] * b[d + k] }
        d += width
    }
    for k in 0..<(count - d) { lanes[k] = lanes[k] + a[d + k] * b[d + k] }
    return reduceLanes(lanes)
}

/// The forward (`gradW == nil`) or backward kernel on contiguous `[rows, columns]` data, the
/// norm taken per row (`perRow`, dim 0) or per column (the last dim).
private struct WeightNormKernel: FloatVisitor {
    let rows: Int, columns: Int, perRow: Bool
    let v: Storage, g: Storage
    /// Forward: written. Backward: the saved norms.
    let norm: Storage
    /// Forward: `w`. Backward: `grad_v`.
    let out: Storage
    /// Backward only: the incoming gradient, and where `grad_g` goes.
    let gradW: Storage?, gradG: Storage?

    func visit<T: FloatElement>(_: T.Type) {
        let (v, g, norm, out) = (v.pointer(T.self), g.pointer(T.self), norm.pointer(T.self), out.pointer(T.self))
        let count = perRow ? rows : columns
        var sums = [T](repeating: 0, count: count)
        let other = gradW.map { UnsafePointer($0.pointer(T.self)) } ?? UnsafePointer(v)
        if perRow {
            for i in 0..<rows { sums[i] = dotProduct(other + i * columns, v + i * columns, count: columns) }
        } else {
            for i in 0..<rows {
                for j in 0..<columns { sums[j] = sums[j].addingProduct(other[i * columns + j], v[i * columns + j]) }
            }
        }
        var a = [T](repeating: 0, count: count)
        var b = [T](repeating: 0, count: count)
        for k in 0..<count {
            if let gradG {
                let gradGValue = sums[k] / norm[k]
                gradG.pointer(T.self)[k] = gradGValue
                a[k] = g[k] / norm[k]
                b[k] = a[k] * gradGValue / norm[k]
            } else {
                norm[k] = sums[k].squareRoot()
                a[k] = g[k] / norm[k]
            }
        }
        for i in 0..<rows {
            for j in 0..<columns {
                let k = perRow ? i : j
                let e = i * columns + j
                out[e] = gradW == nil ? v[e] * a[k] : (a[k] * other[e]).addingProduct(-b[k], v[e])
            }
        }
    }
}

extension Tensor {
    /// `torch._weight_norm_interface(v, g, dim)`: `w = v * (g / norm)` with the 2-norm of `v`
    /// over every dimension but `dim` (0 or the last), and those norms shaped like `g`.
    public func weightNormInterface(g: Tensor, dim requested: Int) throws -> (w: Tensor, norm: Tensor) {
        guard requested == 0 || requested == dim - 1 else {
            throw TorchError.runtime("fused kernels can only be applied for first or last dim")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"weight_norm_kernel\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard g.dtype == dtype else {
            throw TorchError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(g.dtype.scalarTypeName)")
        }
        let perRow = requested == 0
        let columns = perRow ? (shape.isEmpty ? 1 : numel / Swift.max(shape[0], 1)) : shape[dim - 1]
        let rows = columns == 0 ? 0 : numel / columns
        guard g.numel == (perRow ? rows : columns) else {
            throw TorchError.runtime(
                "weight_norm: g has \(g.numel) elements, expected \(perRow ? rows : columns) (one per slice of v along dim \(requested))"
            )
        }
        let w = Storage.uninitialized(dtype, count: numel)
        let norm = Storage.uninitialized(dtype, count: g.numel)
        let (vShape, gShape) = (shape, g.shape)
        dtype.dispatchFloat(
            WeightNormKernel(
                rows: rows, columns: columns, perRow: perRow, v: contiguousStorage(), g: g.contiguousStorage(), norm: norm,
                out: w, gradW: nil, gradG: nil))
        let result = (w: Tensor(storage: w, shape: vShape), norm: Tensor(storage: norm, shape: gShape))
        record(
            "_weight_norm_interface", .weightNormInterfaceBackward0, inputs: [self, g], outputs: [result.w, result.norm],
            saving: [.input("g", g), .input("v", self), .output("result1", 1)], keeping: [("dim", .int(requested))]
        ) { ctx in
            let (savedV, savedG, savedNorm) = (try ctx.saved("v"), try ctx.saved("g"), try ctx.saved("result1"))
            let gradV = Storage.uninitialized(savedV.dtype, count: savedV.numel)
            let gradG = Storage.uninitialized(savedV.dtype, count: savedG.numel)
            savedV.dtype.dispatchFloat(
                WeightNormKernel(
                    rows: rows, columns: columns, perRow: perRow, v: savedV.contiguousStorage(),
                    g: savedG.contiguousStorage(), norm: savedNorm.contiguousStorage(), out: gradV,
                    gradW: ctx.grad.contiguousStorage(), gradG: gradG))
            return [Tensor(storage: gradV, shape: vShape), Tensor(storage: gradG, shape: gShape)]
        }
        return result
    }
}

extension NodeKind {
    static let weightNormInterfaceBackward0 = NodeKind("WeightNormInterfaceBackward0")
}
