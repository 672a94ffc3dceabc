/// `deg2rad` and `rad2deg`: the declarations, each forward (a product with the conversion
/// factor, as ATen's `deg2rad_out` calls `mul_out`) with its backward, and the in-place
/// variants. Integer and bool inputs give float32.
enum AngleConversionOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "deg2rad(Tensor self) -> Tensor", gradFn: "Deg2RadBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").deg2rad() }, inPlace: { try $0.tensor("self").deg2rad_() }),
        OpDeclaration(
            "rad2deg(Tensor self) -> Tensor", gradFn: "Rad2DegBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").rad2deg() }, inPlace: { try $0.tensor("self").rad2deg_() })
    ]
}

extension Tensor {
    /// `self * factor` in the result's float dtype, recorded as `op` whose backward multiplies
    /// the gradient by the same factor (`deg2rad_backward`, `rad2deg_backward`).
    private func scaledAngle(_ op: String, _ backward: NodeKind, factor: Double) throws -> Tensor {
        let dt: DType = dtype.isFloatingPoint ? dtype : .float32
        let out = try mapBinary(MulF.self, self, Tensor.scalar(factor, dtype: dt), dtype: dt)
        record(op, backward, inputs: [self], outputs: [out]) { ctx in [try ctx.grad.mulScalar(factor)] }
        return out
    }

    /// Degrees to radians (Deg2RadBackward0).
    public func deg2rad() throws -> Tensor {
        try scaledAngle("deg2rad", .deg2RadBackward0, factor: 0.017_453_292_519_943_295_769_236_907_684_886)
    }

    /// Radians to degrees (Rad2DegBackward0).
    public func rad2deg() throws -> Tensor {
        try scaledAngle("rad2deg", .rad2DegBackward0, factor: 57.295_779_513_082_320_876_798_154_814_105)
    }

    /// `deg2rad_()`.
    @discardableResult
    public func deg2rad_() throws -> Tensor { try inPlaceMath("deg2rad_") { try deg2rad() } }

    /// `rad2deg_()`.
    @discardableResult
    public func rad2deg_() throws -> Tensor { try inPlaceMath("rad2deg_") { try rad2deg() } }
}

extension NodeKind {
    static let deg2RadBackward0 = NodeKind("Deg2RadBackward0")
    static let rad2DegBackward0 = NodeKind("Rad2DegBackward0")
}
