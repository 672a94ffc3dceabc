/// `clamp`, `clamp_min` and `clamp_max` with tensor bounds (PyTorch's `clamp.Tensor`,
/// `clamp_min.Tensor`, `clamp_max.Tensor`: ClampBackward0, ClampMinBackward1, ClampMaxBackward1).
extension Tensor {
    /// `torch.clamp(self, min, max)` with tensor bounds (ClampBackward0, saving self, min and
    /// max): `min(max(self, min), max)` elementwise over the broadcast, in the promoted dtype.
    /// The gradient follows PyTorch 2.15 (`ClampTensorGradient`).
    public func clamp(min low: Tensor?, max high: Tensor?) throws -> Tensor {
        guard low != nil || high != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        return try clampTensorBounds(low, high, op: "clamp", gradFn: .clampBackward0)
    }

    /// `torch.clamp_min(self, min)` with a tensor bound (ClampMinBackward1).
    public func clampMin(_ low: Tensor) throws -> Tensor {
        try clampTensorBounds(low, nil, op: "clamp_min", gradFn: .clampMinBackward1)
    }

    /// `torch.clamp_max(self, max)` with a tensor bound (ClampMaxBackward1).
    public func clampMax(_ high: Tensor) throws -> Tensor {
        try clampTensorBounds(nil, high, op: "clamp_max", gradFn: .clampMaxBackward1)
    }

    /// The clamp with tensor bounds, recorded as `op` / `gradFn`.
    private func clampTensorBounds(_ low: Tensor?, _ high: Tensor?, op: String, gradFn: NodeKind) throws -> Tensor {
        let operands = [self] + [low, high].compactMap { $0 }
        let dt = resultType(operands)
        if dt == .bool { throw TorchError.runtime("\"clamp_cpu\" not implemented for 'Bool'") }
        let shape = try operands.dropFirst().reduce(self.shape) { try broadcastShapes($0, $1.shape) }
        func values(_ t: Tensor?) -> [Double]? { t?.expandedDoubles(to: shape) }
        let (x, lo, hi) = (values(self)!, values(low), values(high))
        let clamped = x.indices.map { i -> Double in
            var v = x[i]
            if let lo, !v.isNaN { v = lo[i].isNaN ? lo[i] : Swift.max(v, lo[i]) }
            if let hi, !v.isNaN { v = hi[i].isNaN ? hi[i] : Swift.min(v, hi[i]) }
            return v
        }
        let out = Tensor.fromValues(clamped, shape: shape, dtype: dt)
        let shapes = (self.shape, low?.shape ?? [], high?.shape ?? [])
        let saving: [SaveSlot] =
            [.input("self", self)] + (low.map { [.input("min", $0)] } ?? []) + (high.map { [.input("max", $0)] } ?? [])
        let slots = (min: low == nil ? nil : 1, max: high == nil ? nil : (low == nil ? 1 : 2))
        // clamp lists both bounds as inputs (None for a missing one); clamp_min / clamp_max one.
        let inputs = op == "clamp" ? [self, low, high] : [self, low ?? high]
        let needs: (min: Int?, max: Int?) = (op == "clamp_max" ? nil : 1, op == "clamp" ? 2 : op == "clamp_max" ? 1 : nil)
        record(op, gradFn, inputs: inputs, outputs: [out], saving: saving) { ctx in
            let weights = ClampTensorGradient(
                x: try ctx.saved(0).expandedDoubles(to: shape),
                low: try slots.min.map { try ctx.saved($0).expandedDoubles(to: shape) },
                high: try slots.max.map { try ctx.saved($0).expandedDoubles(to: shape) })
            func scaled(_ w: [Double], _ target: [Int]) throws -> Tensor {
                try ctx.grad.mul(.tensor(Tensor(w, shape: shape, dtype: ctx.grad.dtype))).sumTo(target)
            }
            let gradSelf = ctx.needsGrad(0) ? try scaled(weights.selfWeights, shapes.0) : nil
            let gradMin = try needs.min.flatMap { ctx.needsGrad($0) ? try scaled(weights.lowWeights, shapes.1) : nil }
            let gradMax = try needs.max.flatMap { ctx.needsGrad($0) ? try scaled(weights.highWeights, shapes.2) : nil }
            switch op {
            case "clamp": return [gradSelf, gradMin, gradMax]
            case "clamp_min": return [gradSelf, gradMin]
            default: return [gradSelf, gradMax]
            }
        }
        return out
    }

    /// `clamp_(min, max)` with tensor bounds.
    @discardableResult
    public func clamp_(min low: Tensor?, max high: Tensor?) throws -> Tensor {
        try inPlaceMath("clamp_") { try clamp(min: low, max: high) }
    }

    /// The values broadcast to `shape`, row-major, as doubles.
    private func expandedDoubles(to shape: [Int]) -> [Double] {
        let storage = contiguousStorage(as: .float64, broadcastTo: shape)
        return Array(UnsafeBufferPointer(start: storage.pointer(Double.self), count: shape.reduce(1, *)))
    }

    /// `clamp_min_(min)` with a tensor bound.
    @discardableResult
    public func clampMin_(_ low: Tensor) throws -> Tensor { try inPlaceMath("clamp_min_") { try clampMin(low) } }

    /// `clamp_max_(max)` with a tensor bound.
    @discardableResult
    public func clampMax_(_ high: Tensor) throws -> Tensor { try inPlaceMath("clamp_max_") { try clampMax(high) } }
}

/// The share of the output gradient each operand of a tensor-bound clamp receives, as PyTorch
/// 2.15 computes it (measured on every combination of ties and NaN among self and the bounds):
/// with one bound, `maximum`'s / `minimum`'s rule (half each on a tie, all to both where a NaN
/// is involved); with both, self gets the gradient unless below `min` or above `max`, a bound
/// gets it where it is the active one (`min` where `self < min <= max`; `max` where
/// `self > max >= min` or `min > max`), and a tie of self with the active bound splits it.
struct ClampTensorGradient {
    let x: [Double]
    let low: [Double]?
    let high: [Double]?

    private func weights(_ i: Int) -> (x: Double, low: Double, high: Double) {
        let a = x[i]
        switch (low?[i], high?[i]) {
        case (let l?, let h?):
            let halfLow = a == l && a < h
            let halfHigh = a == h && l < a
            let half = halfLow || halfHigh
            return (
                a < l || a > h ? 0 : half ? 0.5 : 1,
                a < l && l <= h ? 1 : halfLow ? 0.5 : 0,
                (a > h && l <= h) || l > h ? 1 : halfHigh ? 0.5 : 0
            )
        case (let l?, nil):
            return (a < l ? 0 : a == l ? 0.5 : 1, a > l ? 0 : a == l ? 0.5 : 1, 0)
        case (nil, let h?):
            return (a > h ? 0 : a == h ? 0.5 : 1, 0, a < h ? 0 : a == h ? 0.5 : 1)
        case (nil, nil):
            return (1, 0, 0)
        }
    }

    var selfWeights: [Double] { x.indices.map { weights($0).x } }
    var lowWeights: [Double] { x.indices.map { weights($0).low } }
    var highWeights: [Double] { x.indices.map { weights($0).high } }
}

extension NodeKind {
    static let clampBackward0 = NodeKind("ClampBackward0")
    static let clampMaxBackward1 = NodeKind("ClampMaxBackward1")
    static let clampMinBackward1 = NodeKind("ClampMinBackward1")
}
