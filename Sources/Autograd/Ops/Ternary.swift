/// Pointwise ops of three tensors and a number: `lerp` (scalar and tensor weight), `addcmul`
/// and `addcdiv` (`value=`), with their in-place variants, PyTorch's CPU kernels' rounding
/// (aten/src/ATen/native/cpu/LerpKernel.cpp, PointwiseOpsKernel.cpp) and derivatives.yaml's
/// backward formulas, each gradient summed back to its input's shape.
enum TernaryOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "lerp.Scalar(Tensor self, Tensor end, Scalar weight) -> Tensor", gradFn: "LerpBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["weight": .scalar(.double(0.3))], broadcasts: true),
            forward: { try $0.tensor("self").lerp($0.tensor("end"), weight: .scalar($0.scalar("weight"))) },
            inPlace: { try $0.tensor("self").lerp_($0.tensor("end"), weight: .scalar($0.scalar("weight"))) }),
        OpDeclaration(
            "lerp.Tensor(Tensor self, Tensor end, Tensor weight) -> Tensor", gradFn: "LerpBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").lerp($0.tensor("end"), weight: .tensor($0.tensor("weight"))) },
            inPlace: { try $0.tensor("self").lerp_($0.tensor("end"), weight: .tensor($0.tensor("weight"))) }),
        OpDeclaration(
            "addcmul(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -> Tensor", gradFn: "AddcmulBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["value": .scalar(.double(0.7))], broadcasts: true),
            forward: {
                try $0.tensor("self").addcmul($0.tensor("tensor1"), $0.tensor("tensor2"), value: $0.scalar("value"))
            },
            inPlace: {
                try $0.tensor("self").addcmul_($0.tensor("tensor1"), $0.tensor("tensor2"), value: $0.scalar("value"))
            }),
        OpDeclaration(
            "addcdiv(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -> Tensor", gradFn: "AddcdivBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(domain: .positive, arguments: ["value": .scalar(.double(0.7))], broadcasts: true),
            forward: {
                try $0.tensor("self").addcdiv($0.tensor("tensor1"), $0.tensor("tensor2"), value: $0.scalar("value"))
            },
            inPlace: {
                try $0.tensor("self").addcdiv_($0.tensor("tensor1"), $0.tensor("tensor2"), value: $0.scalar("value"))
            })
    ]
}

/// A pointwise function of three values and a number.
private protocol TernaryFloatFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T, _ c: T, _ s: T) -> T
}

/// `lerp(start, end, weight)` as the vectorized kernel computes it: one fused multiply-add from
/// `start` for small weights, from `end` otherwise.
private enum LerpF: TernaryFloatFunction {
    static func apply<T: FloatElement>(_ start: T, _ end: T, _ weight: T, _: T) -> T {
        let small = Swift.abs(weight) < 0.5
        return (small ? start : end).addingProduct(small ? weight : weight - 1, end - start)
    }
}

/// `self + value * t1 * t2` with the last multiply-add fused, as GCC contracts
/// addcmul_cpu_kernel's `self_vec + scalar_vec * t1_vec * t2_vec` (PointwiseOpsKernel.cpp).
private enum AddcmulF: TernaryFloatFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T, _ c: T, _ s: T) -> T { a.addingProduct(s * b, c) }
}

/// `self + value * t1 / t2`.
private enum AddcdivF: TernaryFloatFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T, _ c: T, _ s: T) -> T { a + s * b / c }
}

private struct TernaryVisitor<F: TernaryFloatFunction>: FloatVisitor {
    let a: Storage, b: Storage, c: Storage, out: Storage, scalar: Double, count: Int
    func visit<T: FloatElement>(_ type: T.Type) {
        let (pa, pb, pc, po) = (a.pointer(T.self), b.pointer(T.self), c.pointer(T.self), out.pointer(T.self))
        let s = T(scalar)
        for i in 0..<count { po[i] = F.apply(pa[i], pb[i], pc[i], s) }
    }
}

extension Tensor {
    /// `F(a, b, c, scalar)` elementwise over the broadcast of the three tensors, in `dtype`
    /// (integer dtypes compute in float64, exact for the values they hold, and convert back).
    private static func mapTernary<F: TernaryFloatFunction>(
        _: F.Type, _ a: Tensor, _ b: Tensor, _ c: Tensor, scalar: Double, dtype: DType
    ) throws -> Tensor {
        let shape = try broadcastShapes(broadcastShapes(a.shape, b.shape), c.shape)
        return try inIteratorLayout([a, b, c], shape: shape) { operands, shape in
            try mapTernaryRowMajor(F.self, operands[0], operands[1], operands[2], shape: shape, scalar: scalar, dtype: dtype)
        }
    }

    /// `mapTernary`'s kernel for operands that broadcast to `shape`, with a row-major result.
    private static func mapTernaryRowMajor<F: TernaryFloatFunction>(
        _: F.Type, _ a: Tensor, _ b: Tensor, _ c: Tensor, shape: [Int], scalar: Double, dtype: DType
    ) throws -> Tensor {
        let work: DType = dtype.isFloatingPoint ? dtype : .float64
        let n = try MemoryBudget.checkedNumel(shape, allocating: work)
        let out = Storage.uninitialized(work, count: n)
        work.dispatchFloat(
            TernaryVisitor<F>(
                a: a.contiguousStorage(as: work, broadcastTo: shape), b: b.contiguousStorage(as: work, broadcastTo: shape),
                c: c.contiguousStorage(as: work, broadcastTo: shape), out: out, scalar: scalar, count: n))
        let result = Tensor(storage: out, shape: shape)
        return work == dtype ? result : result.materialized(as: dtype)
    }

    /// PyTorch's `expected dtype X for `NAME` but got dtype Y` check of lerp's operands.
    private func requireSameDType(_ other: Tensor, _ name: String) throws {
        guard other.dtype == dtype else {
            throw TorchError.runtime(
                "expected dtype \(dtype.cppTypeName) for `\(name)` but got dtype \(other.dtype.cppTypeName)")
        }
    }

    /// `torch.lerp(self, end, weight)`: `self + weight * (end - self)` (LerpBackward0 for a
    /// number weight, LerpBackward1 for a tensor).
    public func lerp(_ end: Tensor, weight: Operand) throws -> Tensor {
        try requireSameDType(end, "end")
        try requireFloatingPoint("lerp_kernel_scalar")
        switch weight {
        case .scalar(let s):
            let w = s.doubleValue
            let out = try Tensor.mapTernary(LerpF.self, self, end, Tensor.scalar(w, dtype: dtype), scalar: 0, dtype: dtype)
            let (selfShape, endShape) = (shape, end.shape)
            record("lerp", .lerpBackward0, inputs: [self, end], outputs: [out]) { ctx in
                [
                    ctx.needsGrad(0) ? try ctx.grad.mulScalar(1 - w).sumTo(selfShape) : nil,
                    ctx.needsGrad(1) ? try ctx.grad.mulScalar(w).sumTo(endShape) : nil
                ]
            }
            return out
        case .tensor(let weight):
            try requireSameDType(weight, "weight")
            let out = try Tensor.mapTernary(LerpF.self, self, end, weight, scalar: 0, dtype: dtype)
            let shapes = (shape, end.shape, weight.shape)
            record(
                "lerp", .lerpBackward1, inputs: [self, end, weight], outputs: [out],
                saving: [.input("end", end), .input("self", self), .input("weight", weight)]
            ) { ctx in
                let (e, s, w) = (try ctx.saved(0), try ctx.saved(1), try ctx.saved(2))
                return [
                    ctx.needsGrad(0) ? try ctx.grad.mul(.tensor(w.rsub(.int(1)))).sumTo(shapes.0) : nil,
                    ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(w)).sumTo(shapes.1) : nil,
                    ctx.needsGrad(2) ? try ctx.grad.mul(.tensor(e.sub(.tensor(s)))).sumTo(shapes.2) : nil
                ]
            }
            return out
        }
    }

    /// `lerp_(end, weight)`.
    @discardableResult
    public func lerp_(_ end: Tensor, weight: Operand) throws -> Tensor {
        try inPlaceMath("lerp_") { try lerp(end, weight: weight) }
    }

    /// `torch.addcmul(self, tensor1, tensor2, value=)`: `self + value * tensor1 * tensor2`
    /// (AddcmulBackward0, saving tensor1, tensor2 and value).
    public func addcmul(_ tensor1: Tensor, _ tensor2: Tensor, value: ScalarValue = .int(1)) throws -> Tensor {
        let dt = resultType([self, tensor1, tensor2])
        let v = value.doubleValue
        let out = try Tensor.mapTernary(AddcmulF.self, self, tensor1, tensor2, scalar: v, dtype: dt)
        let shapes = (shape, tensor1.shape, tensor2.shape)
        record(
            "addcmul", .addcmulBackward0, inputs: [self, tensor1, tensor2], outputs: [out],
            saving: [.input("tensor1", tensor1), .input("tensor2", tensor2)]
        ) { ctx in
            let (t1, t2) = (try ctx.saved(0), try ctx.saved(1))
            return [
                ctx.needsGrad(0) ? try ctx.grad.sumTo(shapes.0) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(t2.mulScalar(v))).sumTo(shapes.1) : nil,
                ctx.needsGrad(2) ? try ctx.grad.mul(.tensor(t1.mulScalar(v))).sumTo(shapes.2) : nil
            ]
        }
        return out
    }

    /// `addcmul_(tensor1, tensor2, value=)`.
    @discardableResult
    public func addcmul_(_ tensor1: Tensor, _ tensor2: Tensor, value: ScalarValue = .int(1)) throws -> Tensor {
        try inPlaceMath("addcmul_") { try addcmul(tensor1, tensor2, value: value) }
    }

    /// `torch.addcdiv(self, tensor1, tensor2, value=)`: `self + value * tensor1 / tensor2`
    /// (AddcdivBackward0); integer division is an error, as in PyTorch.
    public func addcdiv(_ tensor1: Tensor, _ tensor2: Tensor, value: ScalarValue = .int(1)) throws -> Tensor {
        let dt = resultType([self, tensor1, tensor2])
        guard tensor1.dtype.isFloatingPoint || tensor2.dtype.isFloatingPoint else {
            throw TorchError.runtime(
                "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes."
            )
        }
        let v = value.doubleValue
        let out = try Tensor.mapTernary(AddcdivF.self, self, tensor1, tensor2, scalar: v, dtype: dt)
        let shapes = (shape, tensor1.shape, tensor2.shape)
        record(
            "addcdiv", .addcdivBackward0, inputs: [self, tensor1, tensor2], outputs: [out],
            saving: [.input("tensor1", tensor1), .input("tensor2", tensor2)]
        ) { ctx in
            let (t1, t2) = (try ctx.saved(0), try ctx.saved(1))
            return [
                ctx.needsGrad(0) ? try ctx.grad.sumTo(shapes.0) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(t2.rdivScalar(v))).sumTo(shapes.1) : nil,
                ctx.needsGrad(2)
                    ? try ctx.grad.neg().mulScalar(v).mul(.tensor(t1)).div(.tensor(t2.mul(.tensor(t2)))).sumTo(shapes.2) : nil
            ]
        }
        return out
    }

    /// `addcdiv_(tensor1, tensor2, value=)`.
    @discardableResult
    public func addcdiv_(_ tensor1: Tensor, _ tensor2: Tensor, value: ScalarValue = .int(1)) throws -> Tensor {
        try inPlaceMath("addcdiv_") { try addcdiv(tensor1, tensor2, value: value) }
    }

    /// `value / self` for a Python number (as `value / tensor2` in addcdiv's backward).
    private func rdivScalar(_ value: Double) throws -> Tensor {
        try Tensor.scalar(value, dtype: dtype).div(.tensor(self))
    }
}

extension NodeKind {
    static let addcdivBackward0 = NodeKind("AddcdivBackward0")
    static let addcmulBackward0 = NodeKind("AddcmulBackward0")
    static let lerpBackward0 = NodeKind("LerpBackward0")
    static let lerpBackward1 = NodeKind("LerpBackward1")
}
