/// The in-place op PyTorch runs for `x[index] = value` once the basic part of the index is
/// applied (`target`, a view or `x` itself), and the tensors it reads, as PyTorch dispatches
/// them: the `view` that strips the value's leading 1s and the `expand` that broadcasts it,
/// and the `unsqueeze` that lines a mask up with the written dimensions, run (and are recorded)
/// here.
struct SetItemAssignment {
    /// The op that writes the values.
    enum Op {
        case fill, fillTensor, copy, maskedFill, indexFill, indexPut

        /// PyTorch's op name.
        var name: String {
            switch self {
            case .fill, .fillTensor: "fill_"
            case .copy: "copy_"
            case .maskedFill: "masked_fill_"
            case .indexFill: "index_fill_"
            case .indexPut: "index_put_"
            }
        }

        /// The grad_fn PyTorch gives a written tensor that is not a view (a written view's
        /// base gets CopySlices).
        var nodeKind: NodeKind {
            switch self {
            case .fill: .fillBackward2
            case .fillTensor: .fillBackward3
            case .copy: .copyBackwards
            case .maskedFill: .maskedFillBackward0
            case .indexFill: .indexFillBackward0
            case .indexPut: .indexPutBackward0
            }
        }
    }

    let op: Op
    /// Every tensor the op reads, in its schema's order (the written tensor first).
    let observed: [Tensor]
    /// The value tensor the op reads (nil when it fills with a Python number).
    let value: Tensor?

    init(target: Tensor, value: Operand, advanced: Bool, indexTensors: [Tensor], firstIndexedDim: Int) throws {
        switch value {
        case .scalar where !advanced:
            self.init(.fill, [target], nil)
        case .scalar(let s):
            if indexTensors.count == 1, let index = indexTensors.first, index.dim > 0 {
                if index.dtype == .bool {
                    var mask = index
                    for _ in 0..<max(0, target.dim - firstIndexedDim - index.dim) { mask = try mask.unsqueeze(mask.dim) }
                    self.init(.maskedFill, [target, mask], nil)
                    return
                }
                if index.dim == 1 {
                    self.init(.indexFill, [target, index], nil)
                    return
                }
            }
            let filled = Tensor.scalar(s.doubleValue, dtype: target.dtype)
            self.init(.indexPut, [target] + indexTensors + [filled], filled)
        case .tensor(let t) where advanced:
            let shaped = try t.strippingLeadingOnes()
            self.init(.indexPut, [target] + indexTensors + [shaped], shaped)
        case .tensor(let t) where t.shape == target.shape:
            self.init(.copy, [target, t], t)
        case .tensor(let t) where t.dim == 0:
            self.init(.fillTensor, [target, t], t)
        case .tensor(let t):
            var shaped = try t.view(Array(t.shape.drop(while: { $0 == 1 })))
            if shaped.shape != target.shape { shaped = try shaped.expand(target.shape) }
            self.init(.copy, [target, shaped], shaped)
        }
    }

    private init(_ op: Op, _ observed: [Tensor], _ value: Tensor?) {
        self.op = op
        self.observed = observed
        self.value = value
    }
}

extension Tensor {
    /// This tensor viewed without its leading size-1 dimensions (itself when it has none).
    fileprivate func strippingLeadingOnes() throws -> Tensor {
        let stripped = Array(shape.drop(while: { $0 == 1 }))
        return stripped == shape ? self : try view(stripped)
    }
}

extension [TensorIndex] {
    /// The index tensors PyTorch passes to `index_put_` & co. (a 0-d int64 tensor is a select).
    var indexTensors: [Tensor] {
        compactMap { item in
            guard case .tensor(let t) = item, !(t.dtype == .int64 && t.dim == 0) else { return nil }
            return t
        }
    }
}

extension NodeKind {
    static let copyBackwards = NodeKind("CopyBackwards")
    static let fillBackward2 = NodeKind("FillBackward2")
    static let fillBackward3 = NodeKind("FillBackward3")
    static let indexPutBackward0 = NodeKind("IndexPutBackward0")
}
