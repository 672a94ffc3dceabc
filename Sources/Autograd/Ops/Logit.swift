import CSleef

#if canImport(Glibc)
    import Glibc
#endif

/// `logit` (also `torch.special.logit`): the declaration, PyTorch 2.15's kernels and the
/// backward, with the in-place variant.
enum LogitOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "logit(Tensor self, float? eps=None) -> Tensor", gradFn: "LogitBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .unitInterval, arguments: ["eps": .double(0.05)]),
            forward: { try $0.tensor("self").logit(eps: $0.optionalDouble("eps")) },
            inPlace: { try $0.tensor("self").logit_(eps: $0.optionalDouble("eps")) })
    ]
}

/// `log(x / (1 - x))` of `x` clamped to `[eps, 1 - eps]` (unclamped for a negative `eps`, which
/// is how ATen passes `eps=None`), as `logit_kernel`'s vectorised op (SLEEF's `log`) and scalar
/// op compute it.
private struct LogitF: VectorisedUnaryFunction {
    let eps: Double

    @inline(__always)
    func ratio<T: FloatElement>(_ x: T) -> T {
        let lo = T(eps)
        let v = eps < 0 ? x : x < lo ? lo : x > 1 - lo ? 1 - lo : x
        return v == 1 ? .infinity : v / (1 - v)
    }
    func vector(_ x: Float) -> Float { Sleef_logf1_u10purecfma(ratio(x)) }
    func scalar(_ x: Float) -> Float { logf(ratio(x)) }
    func vector(_ x: Double) -> Double { Sleef_logd1_u10purecfma(ratio(x)) }
    func scalar(_ x: Double) -> Double { Glibc.log(ratio(x)) }
}

/// `logit_backward_kernel` on (grad, self): `grad / (x * (1 - x))` inside `[eps, 1 - eps]`
/// (`[0, 1]` without eps), 0 outside it (NaN without eps).
private struct LogitBackwardF: VectorisedBinaryFunction {
    let eps: Double

    @inline(__always)
    func vectorLane<T: FloatElement>(_ dy: T, _ x: T) -> T {
        let (lo, hi): (T, T) = eps < 0 ? (0, 1) : (T(eps), 1 - T(eps))
        return x >= lo && x <= hi ? dy / (x * (1 - x)) : eps < 0 ? .nan : 0
    }
    @inline(__always)
    func scalarLane<T: FloatElement>(_ dy: T, _ x: T) -> T {
        let (lo, hi): (T, T) = eps < 0 ? (0, 1) : (T(eps), 1 - T(eps))
        if x < lo || x > hi { return eps < 0 ? .nan : 0 }
        return x == 0 || x == 1 ? dy * .infinity : dy / (x * (1 - x))
    }
    func vector(_ a: Float, _ b: Float) -> Float { vectorLane(a, b) }
    func scalar(_ a: Float, _ b: Float) -> Float { scalarLane(a, b) }
    func vector(_ a: Double, _ b: Double) -> Double { vectorLane(a, b) }
    func scalar(_ a: Double, _ b: Double) -> Double { scalarLane(a, b) }
}

extension Tensor {
    /// `log(self / (1 - self))`, with `self` first clamped to `[eps, 1 - eps]` when `eps` is
    /// given; integer inputs give float32. A dense input goes through MKL's `log` when it is
    /// loaded (`LogitMKLKernel`), others through SLEEF and the C library.
    public func logit(eps: Double? = nil) throws -> Tensor {
        let f = LogitF(eps: eps ?? -1)
        let out: Tensor
        if MKLLibrary.loaded != nil && (isNonOverlappingAndDense || numel <= 1) {
            out = inIteratorLayout([self], shape: shape) { operands, shape in
                let ratios = mapPointwise(LogitRatio(f: f), Tensor(storage: operands[0].contiguousStorage(), shape: shape))
                return mapVectorMath(.log, fallback: LogF.self, ratios)
            }
        } else {
            out = mapVectorised(f, self)
        }
        var kept: [(name: String, value: SavedValue)] = []
        if let eps { kept.append(("eps", .scalar(.double(eps)))) }
        record("logit", .logitBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)], keeping: kept) {
            ctx in
            let x = try ctx.saved("self")
            guard GradMode.isEnabled else {
                return [try mapVectorised(LogitBackwardF(eps: eps ?? -1), ctx.grad, x, dtype: x.dtype)]
            }
            // infinitely_differentiable_logit_backward
            let (lo, hi) = eps.map { ($0, 1 - $0) } ?? (0, 1)
            let inside = try x.ge(.scalar(.double(lo))).logicalAnd(x.le(.scalar(.double(hi))))
            let outside = Tensor.scalar(eps == nil ? .nan : 0, dtype: x.dtype)
            return [try Tensor.maskedWhere(inside, ctx.grad.div(.tensor(x.mul(.tensor(x.rsub(.double(1)))))), outside)]
        }
        return out
    }

    /// `logit_(eps=)`.
    @discardableResult
    public func logit_(eps: Double? = nil) throws -> Tensor { try inPlaceMath("logit_") { try logit(eps: eps) } }
}

/// `LogitMKLKernel`'s first pass: the clamped ratio `x / (1 - x)` whose log MKL then takes.
private struct LogitRatio: PointwiseFunction {
    let f: LogitF
    func apply<T: FloatElement>(_ x: T) -> T { f.ratio(x) }
}

extension NodeKind {
    static let logitBackward0 = NodeKind("LogitBackward0")
}
