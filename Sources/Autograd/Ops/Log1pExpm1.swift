import CSleef

/// `expm1` and `log1p`: the declarations, the kernels, each forward with its backward formula
/// (as in `derivatives.yaml`), and the in-place variants. PyTorch 2.15 computes both with
/// SLEEF's 1-ulp functions on every element (MKL's versions are disabled in vml.h), so every
/// element here goes through the same SLEEF routine, giving the same bits.
enum Log1pExpm1Ops {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "expm1(Tensor self) -> Tensor", gradFn: "Expm1Backward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").expm1() }, inPlace: { try $0.tensor("self").expm1_() }),
        OpDeclaration(
            "log1p(Tensor self) -> Tensor", gradFn: "Log1PBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").log1p() }, inPlace: { try $0.tensor("self").log1p_() })
    ]
}

/// Applies a SLEEF routine to every element; integer inputs are promoted to float32 first. With
/// `float64Rest`, float64 takes SLEEF only on the elements PyTorch's vector op computes
/// (`VectorisedSplit`: whole blocks of two 64-byte vectors, 16 values, of each row) and
/// `float64Rest` on the rest, as PyTorch's kernels that vectorise whole blocks and finish with
/// the C library do.
func mapSleef(
    _ t: Tensor, float32: (Float) -> Float, float64: (Double) -> Double, float64Rest: ((Double) -> Double)? = nil
) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dtype: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let n = t.numel
        let source = operands[0].contiguousStorage(as: dtype)
        let out = Storage.uninitialized(dtype, count: n)
        if dtype == .float64 {
            let (x, y) = (source.pointer(Double.self), out.pointer(Double.self))
            if let rest = float64Rest {
                VectorisedSplit(shape: shape, operands: operands).forEach(
                    count: n, block: 16, vector: { y[$0] = float64(x[$0]) }, scalar: { y[$0] = rest(x[$0]) })
            } else {
                for i in 0..<n { y[i] = float64(x[i]) }
            }
        } else {
            let (x, y) = (source.pointer(Float.self), out.pointer(Float.self))
            for i in 0..<n { y[i] = float32(x[i]) }
        }
        return withExtendedLifetime(source) { Tensor(storage: out, shape: shape) }
    }
}

extension Tensor {
    /// `exp(self) - 1`, accurate near 0; backward `grad * (result + 1)`.
    public func expm1() throws -> Tensor {
        let out = mapSleef(self, float32: Sleef_expm1f1_u10purecfma, float64: Sleef_expm1d1_u10purecfma)
        record("expm1", .expm1Backward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).addScalar(1)))]
        }
        return out
    }

    /// `log(1 + self)`, accurate near 0; backward `grad / (self + 1)`.
    public func log1p() throws -> Tensor {
        let out = mapSleef(self, float32: Sleef_log1pf1_u10purecfma, float64: Sleef_log1pd1_u10purecfma)
        record("log1p", .log1PBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.div(.tensor(ctx.saved(0).addScalar(1)))]
        }
        return out
    }

    /// `expm1_()`.
    @discardableResult
    public func expm1_() throws -> Tensor { try inPlaceMath("expm1_") { try expm1() } }

    /// `log1p_()`.
    @discardableResult
    public func log1p_() throws -> Tensor { try inPlaceMath("log1p_") { try log1p() } }
}

extension NodeKind {
    static let expm1Backward0 = NodeKind("Expm1Backward0")
    static let log1PBackward0 = NodeKind("Log1PBackward0")
}
