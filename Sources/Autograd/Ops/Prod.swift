/// Product reductions (`prod`, `prod(dim)`): the declarations, the kernel, and each forward
/// with PyTorch's `prod_backward`, which stays exact when the input holds zeros.
enum ProdOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "prod(Tensor self, *, ScalarType? dtype=None) -> Tensor", gradFn: "ProdBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").prod(dtype: $0.optionalDType("dtype")) }),
        OpDeclaration(
            "prod.dim_int(Tensor self, int dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "ProdBackward1", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").prod(
                    dim: $0.int("dim"), keepdim: $0.bool("keepdim"),
                    dtype: $0.optionalDType("dtype"))
            })
    ]
}

/// Multiplies `x` along the middle extent of its `[outer, n, inner]` layout: into one value per
/// slice, or (`exclusive`) into each element's product of the others in its slice, as a
/// prefix product times a suffix product, like PyTorch's `prod_safe_zeros_backward`.
private func sliceProducts<T: TensorElement>(
    _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, outer: Int, n: Int, inner: Int,
    exclusive: Bool, one: T, times: (T, T) -> T
) {
    for o in 0..<outer {
        for k in 0..<inner {
            let base = o * n * inner + k
            var running = one
            if !exclusive {
                for i in 0..<n { running = times(running, x[base + i * inner]) }
                out[o * inner + k] = running
                continue
            }
            for i in 0..<n {
                out[base + i * inner] = running
                running = times(running, x[base + i * inner])
            }
            running = one
            for i in stride(from: n - 1, through: 0, by: -1) {
                out[base + i * inner] = times(out[base + i * inner], running)
                running = times(running, x[base + i * inner])
            }
        }
    }
}

extension Tensor {
    /// The `[outer, n, inner]` extents around `dim`; the whole tensor is one slice when nil.
    private func sliceExtents(_ dim: Int?) -> (outer: Int, n: Int, inner: Int) {
        guard let dim, !shape.isEmpty else { return (1, numel, 1) }
        return (shape[..<dim].reduce(1, *), shape[dim], shape[(dim + 1)...].reduce(1, *))
    }

    /// `sliceProducts` over this tensor's values in `dtype` (float, or int64 wrapping on
    /// overflow like PyTorch), without recording.
    private func products(dim: Int?, exclusive: Bool, dtype: DType, outShape: [Int]) -> Tensor {
        let input = contiguousStorage(as: dtype)
        let (outer, n, inner) = sliceExtents(dim)
        let out = Storage.uninitialized(dtype, count: outShape.reduce(1, *))
        func run<T: TensorElement>(_: T.Type, _ one: T, _ times: (T, T) -> T) {
            sliceProducts(
                input.pointer(T.self), out.pointer(T.self), outer: outer, n: n, inner: inner,
                exclusive: exclusive, one: one, times: times)
        }
        switch dtype {
        case .float32: run(Float.self, 1, *)
        case .float64: run(Double.self, 1, *)
        case .int64: run(Int64.self, 1, &*)
        case .bool: run(Bool.self, true) { $0 && $1 }
        case .uint8, .int8, .int16, .int32:
            return products(dim: dim, exclusive: exclusive, dtype: .int64, outShape: outShape).materialized(as: dtype)
        }
        return Tensor(storage: out, shape: outShape)
    }

    /// PyTorch's result dtype for `prod`: the requested one, else floats keep theirs and
    /// integers and bools give int64.
    private func prodDType(_ requested: DType?) -> DType {
        requested ?? (dtype.isFloatingPoint ? dtype : .int64)
    }

    /// The product of all elements (`torch.prod`, ProdBackward0); 1 for an empty tensor.
    public func prod(dtype requested: DType? = nil) throws -> Tensor {
        let out = products(dim: nil, exclusive: false, dtype: prodDType(requested), outShape: [])
        record(
            "prod", .prodBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            [try Tensor.prodBackward(ctx.grad, ctx.saved(0), ctx.saved(1), dim: nil, keepdim: false)]
        }
        return out
    }

    /// The product along `dim` (ProdBackward1).
    public func prod(dim: Int, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        let outShape = shape.isEmpty ? [] : reducedShape([d], keepdim: keepdim)
        let out = products(dim: d, exclusive: false, dtype: prodDType(requested), outShape: outShape)
        record(
            "prod", .prodBackward1, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            [try Tensor.prodBackward(ctx.grad, ctx.saved(0), ctx.saved(1), dim: d, keepdim: keepdim)]
        }
        return out
    }

    /// PyTorch's `prod_backward`: `grad * result / self` when `self` has no zero, else `grad`
    /// times each element's product of the others in its slice (all elements when `dim` is
    /// nil). That product is computed by a kernel, not recorded, so under create_graph the
    /// zero case gives no second derivative through `self`.
    static func prodBackward(
        _ grad: Tensor, _ saved: Tensor, _ result: Tensor,
        dim: Int?, keepdim: Bool
    ) throws -> Tensor {
        let input = try saved.to(grad.dtype)
        if input.dim == 0 { return try grad.to(saved.dtype) }
        var g = grad
        var r = result
        if let dim {
            if !keepdim { (g, r) = (try g.unsqueeze(dim), try r.unsqueeze(dim)) }
        } else {
            (g, r) = (try g.expand(input.shape), try r.expand(input.shape))
        }
        let hasZero = try input.eq(.scalar(.int(0))).any().item() == .bool(true)
        let gradInput =
            hasZero
            ? try g.mul(.tensor(input.products(dim: dim, exclusive: true, dtype: input.dtype, outShape: input.shape)))
            : try g.mul(.tensor(r.div(.tensor(input))))
        return try gradInput.to(saved.dtype)
    }
}

extension NodeKind {
    static let prodBackward0 = NodeKind("ProdBackward0")
    static let prodBackward1 = NodeKind("ProdBackward1")
}
