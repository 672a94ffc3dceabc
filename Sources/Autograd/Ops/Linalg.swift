/// Matrix products through BLAS: mm, bmm, mv, dot, addmm, matmul and linear.
enum LinalgOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "mm(Tensor self, Tensor mat2) -> Tensor", gradFn: "MmBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["mat2": [3, 4]]),
            forward: { try $0.tensor("self").mm($0.tensor("mat2")) }),
        OpDeclaration(
            "bmm(Tensor self, Tensor mat2) -> Tensor", gradFn: "BmmBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [2, 2, 3], "mat2": [2, 3, 2]]),
            forward: { try $0.tensor("self").bmm($0.tensor("mat2")) }),
        OpDeclaration(
            "mv(Tensor self, Tensor vec) -> Tensor", gradFn: "MvBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["vec": [3]]),
            forward: { try $0.tensor("self").mv($0.tensor("vec")) }),
        OpDeclaration(
            "dot(Tensor self, Tensor tensor) -> Tensor", gradFn: "DotBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [3], "tensor": [3]]),
            forward: { try $0.tensor("self").dot($0.tensor("tensor")) }),
        OpDeclaration(
            "addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
            gradFn: "AddmmBackward0", exposure: [.torch, .method],
            samples: OpSamples(
                shapes: ["self": [2, 4], "mat1": [2, 3], "mat2": [3, 4]],
                arguments: ["beta": .scalar(.double(0.5)), "alpha": .scalar(.double(2))]),
            forward: {
                try Tensor.addmm(
                    $0.tensor("self"), $0.tensor("mat1"), $0.tensor("mat2"),
                    beta: $0.scalar("beta").doubleValue, alpha: $0.scalar("alpha").doubleValue)
            }),
        // matmul's grad_fn depends on the ranks (MmBackward0, MvBackward0, DotBackward0, ...);
        // the declared one is that of the sampled 2-D @ 2-D case.
        OpDeclaration(
            "matmul(Tensor self, Tensor other) -> Tensor", gradFn: "MmBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["other": [3, 4]]),
            forward: { try $0.tensor("self").matmul($0.tensor("other")) }),
        OpDeclaration(
            "linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor", gradFn: "AddmmBackward0",
            exposure: [.functional], samples: OpSamples(shapes: ["weight": [4, 3], "bias": [4]]),
            forward: { try Tensor.linear($0.tensor("input"), weight: $0.tensor("weight"), bias: $0.optionalTensor("bias")) })
    ]
}

extension Tensor {
    /// `mm(mat2)`: the product of two matrices (MmBackward0).
    public func mm(_ mat2: Tensor) throws -> Tensor {
        guard dim == 2 else { throw TorchError.runtime("self must be a matrix") }
        guard mat2.dim == 2 else { throw TorchError.runtime("mat2 must be a matrix") }
        guard shape[1] == mat2.shape[0] else {
            throw TorchError.runtime(
                "mm: mat1 and mat2 shapes cannot be multiplied (\(shape[0])x\(shape[1]) and \(mat2.shape[0])x\(mat2.shape[1]))")
        }
        try checkMatmulDTypes(mat2)
        let (m, k, n) = (shape[0], shape[1], mat2.shape[1])
        let out = Tensor(
            storage: try batchedMatmul(
                matrixOperand(), mat2.matrixOperand(), batch: 1, m: m, k: k, n: n,
                dtype: dtype), shape: [m, n])
        record(
            "mm", .mmBackward0, inputs: [self, mat2], outputs: [out],
            saving: [.input("mat2", requiresGrad ? mat2 : nil), .input("self", mat2.requiresGrad ? self : nil)],
            keeping: [
                ("mat2_sym_sizes", .ints(mat2.shape)), ("mat2_sym_strides", .ints(mat2.requiresGrad ? mat2.strides : [])),
                ("self_sym_sizes", .ints(shape)), ("self_sym_strides", .ints(requiresGrad ? strides : []))
            ]
        ) { [layout = (shape, strides, mat2.shape, mat2.strides)] ctx in
            [
                ctx.needsGrad(0)
                    ? try mmMat1Backward(ctx.grad, ctx.saved("mat2"), shape: layout.0, strides: layout.1, alpha: 1) : nil,
                ctx.needsGrad(1)
                    ? try mmMat2Backward(ctx.grad, ctx.saved("self"), shape: layout.2, strides: layout.3, alpha: 1) : nil
            ]
        }
        return out
    }

    /// `bmm(mat2)`: batched matrix product of `[b, n, m]` and `[b, m, p]` tensors (BmmBackward0).
    public func bmm(_ mat2: Tensor) throws -> Tensor {
        guard dim == 3 else { throw TorchError.runtime("batch1 must be a 3D tensor") }
        guard mat2.dim == 3 else { throw TorchError.runtime("batch2 must be a 3D tensor") }
        guard mat2.shape[0] == shape[0] && mat2.shape[1] == shape[2] else {
            throw TorchError.runtime(
                "Expected size for first two dimensions of batch2 tensor to be: [\(shape[0]), \(shape[2])] but got: [\(mat2.shape[0]), \(mat2.shape[1])]."
            )
        }
        try checkMatmulDTypes(mat2)
        let (b, m, k, n) = (shape[0], shape[1], shape[2], mat2.shape[2])
        let out = Tensor(
            storage: try batchedMatmul(
                matrixOperand(), mat2.matrixOperand(), batch: b, m: m, k: k, n: n,
                dtype: dtype, kind: .bmm), shape: [b, m, n])
        record(
            "bmm", .bmmBackward0, inputs: [self, mat2], outputs: [out],
            saving: [.input("mat2", requiresGrad ? mat2 : nil), .input("self", mat2.requiresGrad ? self : nil)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.grad.bmm(ctx.saved("mat2").transpose(1, 2)) : nil,
                ctx.needsGrad(1) ? try ctx.saved("self").transpose(1, 2).bmm(ctx.grad) : nil
            ]
        }
        return out
    }

    /// `mv(vec)`: matrix-vector product (MvBackward0).
    public func mv(_ vec: Tensor) throws -> Tensor {
        guard dim == 2 && vec.dim == 1 else {
            throw TorchError.runtime("vector + matrix @ vector expected, got 1, \(dim), \(vec.dim)")
        }
        guard shape[1] == vec.shape[0] else {
            throw TorchError.runtime(
                "size mismatch, got input (\(shape[0])), mat (\(shape[0])x\(shape[1])), vec (\(vec.shape[0]))")
        }
        try checkMatmulDTypes(vec)
        let (m, k) = (shape[0], shape[1])
        let column = Tensor(storage: vec.storage, shape: [k, 1], strides: [vec.strides[0], 1], offset: vec.offset)
        let out = Tensor(
            storage: try batchedMatmul(
                matrixOperand(), column.matrixOperand(), batch: 1, m: m, k: k, n: 1,
                dtype: dtype, kind: .mv), shape: [m])
        record(
            "mv", .mvBackward0, inputs: [self, vec], outputs: [out],
            saving: [.input("self", vec.requiresGrad ? self : nil), .input("vec", requiresGrad ? vec : nil)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.grad.reshape([m, 1]).mul(.tensor(ctx.saved("vec"))) : nil,
                ctx.needsGrad(1) ? try ctx.saved("self").t().mv(ctx.grad) : nil
            ]
        }
        return out
    }

    /// `dot(tensor)`: inner product of two 1-D tensors (DotBackward0).
    public func dot(_ other: Tensor) throws -> Tensor {
        guard dim == 1 && other.dim == 1 else {
            throw TorchError.runtime("1D tensors expected, but got \(dim)D and \(other.dim)D tensors")
        }
        guard dtype == other.dtype else {
            throw TorchError.runtime(
                "dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)"
            )
        }
        guard shape[0] == other.shape[0] else {
            throw TorchError.runtime(
                "inconsistent tensor size, expected tensor [\(shape[0])] and src [\(other.shape[0])] to have the same number of elements, but got \(shape[0]) and \(other.shape[0]) elements respectively"
            )
        }
        if dtype == .bool { throw TorchError.unsupportedOperation("\"dot\" not implemented for 'Bool'") }
        let k = shape[0]
        let row = Tensor(storage: storage, shape: [1, k], strides: [k, strides[0]], offset: offset)
        let column = Tensor(storage: other.storage, shape: [k, 1], strides: [other.strides[0], 1], offset: other.offset)
        let out = Tensor(
            storage: try batchedMatmul(
                row.matrixOperand(), column.matrixOperand(), batch: 1, m: 1, k: k, n: 1,
                dtype: dtype, kind: .dot), shape: [])
        record(
            "dot", .dotBackward0, inputs: [self, other], outputs: [out],
            saving: [.input("self", other.requiresGrad ? self : nil), .input("tensor", requiresGrad ? other : nil)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.grad.mul(.tensor(ctx.saved("tensor"))) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(ctx.saved("self"))) : nil
            ]
        }
        return out
    }

    /// `torch.addmm(bias, mat1, mat2, beta:, alpha:)`: `beta * bias + alpha * (mat1 @ mat2)`,
    /// with `bias` broadcast to the product's shape (AddmmBackward0).
    public static func addmm(
        _ bias: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Double = 1,
        alpha: Double = 1
    ) throws -> Tensor {
        guard mat1.dim == 2 else { throw TorchError.runtime("mat1 must be a matrix, got \(mat1.dim)-D tensor") }
        guard mat2.dim == 2 else { throw TorchError.runtime("mat2 must be a matrix, got \(mat2.dim)-D tensor") }
        guard mat1.shape[1] == mat2.shape[0] else {
            throw TorchError.runtime(
                "addmm: mat1 and mat2 shapes cannot be multiplied (\(mat1.shape[0])x\(mat1.shape[1]) and \(mat2.shape[0])x\(mat2.shape[1]))"
            )
        }
        try mat1.checkMatmulDTypes(mat2)
        guard bias.dtype == mat1.dtype else {
            throw TorchError.runtime(
                "self and mat2 must have the same dtype, but got \(bias.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        let (m, k, n) = (mat1.shape[0], mat1.shape[1], mat2.shape[1])
        let outShape = [m, n]
        if try broadcastShapes(bias.shape, outShape) != outShape {
            _ = try GradMode.noGrad { try bias.expand(outShape) }
        }
        let out = try addmmValues(bias, mat1, mat2, m: m, k: k, n: n, beta: beta, alpha: alpha)
        let biasShape = bias.shape
        record(
            "addmm", .addmmBackward0, inputs: [bias, mat1, mat2], outputs: [out],
            saving: [.input("mat1", mat2.requiresGrad ? mat1 : nil), .input("mat2", mat1.requiresGrad ? mat2 : nil)]
        ) { [layout = (mat1.shape, mat1.strides, mat2.shape, mat2.strides)] ctx in
            let g = ctx.grad
            return [
                ctx.needsGrad(0) ? try (beta == 1 ? g : g.mulScalar(beta)).sumTo(biasShape) : nil,
                ctx.needsGrad(1)
                    ? try mmMat1Backward(g, ctx.saved("mat2"), shape: layout.0, strides: layout.1, alpha: alpha) : nil,
                ctx.needsGrad(2)
                    ? try mmMat2Backward(g, ctx.saved("mat1"), shape: layout.2, strides: layout.3, alpha: alpha) : nil
            ]
        }
        return out
    }

    /// addmm's values: one gemm over the prefilled bias for floats (fusedAddmm), the integer
    /// product then `beta * bias + alpha * product` for int64.
    private static func addmmValues(
        _ bias: Tensor, _ mat1: Tensor, _ mat2: Tensor, m: Int, k: Int, n: Int, beta: Double, alpha: Double
    ) throws -> Tensor {
        let dt = mat1.dtype
        if let fused = try fusedAddmm(
            bias: bias, mat1.matrixOperand(), mat2.matrixOperand(), m: m, k: k, n: n, beta: beta, alpha: alpha, dtype: dt)
        {
            return Tensor(storage: fused, shape: [m, n])
        }
        var product = Tensor(
            storage: try batchedMatmul(mat1.matrixOperand(), mat2.matrixOperand(), batch: 1, m: m, k: k, n: n, dtype: dt),
            shape: [m, n])
        if alpha != 1 { product = try mapBinary(MulF.self, product, Tensor.scalar(alpha, dtype: dt), dtype: dt) }
        let scaledBias = beta == 1 ? bias : try mapBinary(MulF.self, bias, Tensor.scalar(beta, dtype: dt), dtype: dt)
        return try mapBinary(AddF.self, product, scaledBias, dtype: dt)
    }

    /// `torch.matmul(self, other)` with PyTorch's dispatch: dot, mv, mm, folding a batch into
    /// mm/mv, or broadcast batched bmm.
    public func matmul(_ other: Tensor) throws -> Tensor {
        let (d1, d2) = (dim, other.dim)
        guard d1 > 0 && d2 > 0 else {
            throw TorchError.runtime("both arguments to matmul need to be at least 1D, but they are \(d1)D and \(d2)D")
        }
        switch (d1, d2) {
        case (1, 1): return try dot(other)
        case (2, 1): return try mv(other)
        case (1, 2): return try unsqueeze(0).mm(other).squeezeView(0, backward: .squeezeBackward4, op: "squeeze_")
        case (2, 2): return try mm(other)
        default: break
        }
        if shouldFold(other) { return try foldedMatmul(other) }
        return try batchedMatmulBroadcast(other)
    }

    /// Whether matmul folds the batch of the larger operand into mm/mv (PyTorch's should_fold).
    private func shouldFold(_ other: Tensor) -> Bool {
        let selfLarger = dim >= other.dim
        let (largeDim, smallDim) = selfLarger ? (dim, other.dim) : (other.dim, dim)
        guard largeDim >= 3 && smallDim <= 2 else { return false }
        if (selfLarger ? other : self).requiresGrad { return true }
        if dim == 2 { return false }
        let large = selfLarger ? self : other
        var lShape = large.shape
        var lStrides = large.strides
        if !selfLarger {
            lShape.swapAt(largeDim - 2, largeDim - 1)
            lStrides.swapAt(largeDim - 2, largeDim - 1)
        }
        if lShape.reduce(1, *) == 0 { return true }
        for i in 0..<(largeDim - 2) where lStrides[i] != lStrides[i + 1] * lShape[i + 1] { return false }
        return true
    }

    private func foldedMatmul(_ other: Tensor) throws -> Tensor {
        let transpose = other.dim > dim
        let t1 = transpose ? try other.mT : self
        let t2 = !transpose ? other : (dim == 2 ? try t() : self)
        var outShape = Array(t1.shape.dropLast())
        let folded = outShape.reduce(1, *)
        if t2.dim == 2 { outShape.append(t2.shape[1]) }
        let t1Folded = try t1.reshape([folded, t1.shape[t1.dim - 1]])
        if t2.dim == 2 {
            let output = try t1Folded.mm(t2).unsafeView(outShape)
            return transpose ? try output.mT.contiguous() : output
        }
        return try t1Folded.mv(t2).unsafeView(outShape)
    }

    private func batchedMatmulBroadcast(_ other: Tensor) throws -> Tensor {
        let (d1, d2) = (dim, other.dim)
        let n = d1 > 1 ? shape[d1 - 2] : 1
        let m1 = shape[d1 - 1]
        let batchA = Array(shape.prefix(Swift.max(d1 - 2, 0)))
        let m2 = d2 > 1 ? other.shape[d2 - 2] : other.shape[0]
        let p = d2 > 1 ? other.shape[d2 - 1] : 1
        let batchB = d2 > 1 ? Array(other.shape.prefix(d2 - 2)) : []
        var outShape = try broadcastShapes(batchA, batchB)
        let batch = outShape.reduce(1, *)
        guard m1 == m2 else {
            throw TorchError.runtime(
                "Expected size for first two dimensions of batch2 tensor to be: [\(batch), \(m1)] but got: [\(batch), \(m2)].")
        }
        let a = try expand(outShape + [n, m1]).reshape([batch, n, m1])
        let vectorRHS = d2 == 1
        let b =
            vectorRHS
            ? try other.expand(outShape + [m2]).reshape([batch, m2]).unsqueeze(2)
            : try other.expand(outShape + [m2, p]).reshape([batch, m2, p])
        if d1 > 1 { outShape.append(n) }
        if d2 > 1 { outShape.append(p) }
        let product = try a.bmm(b)
        return try (vectorRHS ? product.squeeze(-1) : product).unsafeView(outShape)
    }

    /// `_unsafe_view`: a contiguous result reshaped without being tracked as a view
    /// (UnsafeViewBackward0).
    func unsafeView(_ newShape: [Int]) throws -> Tensor {
        let out = Tensor(storage: storage, shape: newShape, strides: contiguousStrides(newShape), offset: offset)
        let old = shape
        record("_unsafe_view", .unsafeViewBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.reshape(old)]
        }
        return out
    }

    /// `F.linear(input, weight, bias)`: `input @ weight.T + bias`. A 2-D input with a bias uses
    /// addmm (AddmmBackward0 over TBackward0); a 1-D one is viewed as one row for addmm and the
    /// row `_unsafe_view`ed back (UnsafeViewBackward0), as PyTorch 2.15 does; a contiguous 3-D
    /// one is flattened into addmm.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        if let bias {
            if input.dim == 2 { return try addmm(bias, input, weight.t()) }
            if input.dim == 1 {
                let row = try addmm(bias, input.view([1, input.shape[0]]), weight.t())
                return try row.unsafeView([row.shape[1]])
            }
            if input.dim == 3 && input.isContiguous {
                let result = try addmm(bias, input.reshape([input.shape[0] * input.shape[1], input.shape[2]]), weight.t())
                return try result.view([input.shape[0], input.shape[1], result.shape[1]])
            }
        }
        let output = try input.matmul(weight.t())
        guard let bias else { return output }
        return try output.add(.tensor(bias))
    }

    /// PyTorch's checks that both matmul operands share a dtype BLAS (or the integer loop) handles.
    func checkMatmulDTypes(_ other: Tensor) throws {
        guard dtype == other.dtype else {
            throw TorchError.runtime(
                "expected m1 and m2 to have the same dtype, but got: \(dtype.cppTypeName) != \(other.dtype.cppTypeName)")
        }
        if dtype == .bool { throw TorchError.runtime("\"addmm_impl_cpu_\" not implemented for 'Bool'") }
    }
}

/// PyTorch's mm_mat1_backward: `grad @ mat2.T`, or `(mat2 @ grad.T).T` when mat1 (of `shape`
/// and `strides`) was column-major, so the gradient keeps its layout and BLAS call.
private func mmMat1Backward(_ grad: Tensor, _ mat2: Tensor, shape: [Int], strides: [Int], alpha: Double) throws -> Tensor {
    if strides[0] == 1 && strides[1] == shape[0] { return try scaled(mat2.mm(grad.t()).t(), alpha) }
    return try scaled(grad.mm(mat2.t()), alpha)
}

/// PyTorch's mm_mat2_backward: `mat1.T @ grad`, or `(grad.T @ mat1).T` when mat2 (of `shape` and
/// `strides`) was column-major, as `weight.t()` in nn.Linear is.
private func mmMat2Backward(_ grad: Tensor, _ mat1: Tensor, shape: [Int], strides: [Int], alpha: Double) throws -> Tensor {
    if strides[0] == 1 && strides[1] == shape[0] { return try scaled(grad.t().mm(mat1).t(), alpha) }
    return try scaled(mat1.t().mm(grad), alpha)
}

/// `g * alpha` recorded as PyTorch's backward does, or `g` itself when alpha is 1.
private func scaled(_ g: Tensor, _ alpha: Double) throws -> Tensor {
    alpha == 1 ? g : try g.mulScalar(alpha)
}

extension BackwardContext {
    /// The saved tensor in slot `role`, for nodes that save only what the needed gradients use.
    func saved(_ role: String) throws -> Tensor {
        guard let i = node.saved.firstIndex(where: { $0.role == role }) else {
            throw TorchError.runtime("\(node.name) did not save \(role)")
        }
        return try saved(i)
    }
}

extension NodeKind {
    static let addmmBackward0 = NodeKind("AddmmBackward0")
    static let bmmBackward0 = NodeKind("BmmBackward0")
    static let dotBackward0 = NodeKind("DotBackward0")
    static let mmBackward0 = NodeKind("MmBackward0")
    static let mvBackward0 = NodeKind("MvBackward0")
    static let squeezeBackward4 = NodeKind("SqueezeBackward4")
    static let unsafeViewBackward0 = NodeKind("UnsafeViewBackward0")
}
