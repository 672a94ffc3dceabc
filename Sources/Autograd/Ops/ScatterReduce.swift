/// `scatter_reduce(dim, index, src, reduce, include_self=)`: `src` reduced into a copy of self
/// at `index` along `dim` by sum, prod, mean, amax or amin, in index order as ATen's CPU
/// kernel does (ScatterReduceBackward0, whose backward is `scatter_reduce_backward` of
/// FunctionsManual.cpp, built from recorded ops).
enum ScatterReduceOps {
    private static let index = OpSamples.Constant([2, 0, 1, 0], shape: [2, 2], dtype: .int64)

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "scatter_reduce.two(Tensor self, int dim, Tensor index, Tensor src, str reduce, *, bool include_self=True) -> Tensor",
            gradFn: "ScatterReduceBackward0", exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(shapes: ["src": [2, 2]], arguments: ["reduce": .string("mean")], constants: ["index": index]),
            forward: {
                try $0.tensor("self").scatterReduce(
                    dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src"), reduce: $0.string("reduce"),
                    includeSelf: $0.bool("include_self"))
            },
            inPlace: {
                try $0.tensor("self").scatterReduce_(
                    dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src"), reduce: $0.string("reduce"),
                    includeSelf: $0.bool("include_self"))
            })
    ]
}

/// A `scatter_reduce` reduction (PyTorch also takes `max` and `min` for amax and amin).
private enum ScatterReduction {
    case sum, prod, mean, amax, amin

    init?(_ name: String) {
        switch name {
        case "sum": self = .sum
        case "prod": self = .prod
        case "mean": self = .mean
        case "amax", "max": self = .amax
        case "amin", "min": self = .amin
        default: return nil
        }
    }

    var mode: ScatterMode {
        switch self {
        case .sum, .mean: return .add
        case .prod: return .multiply
        case .amax: return .maximum
        case .amin: return .minimum
        }
    }

    /// The value positions an `include_self=False` reduction starts from.
    func identity(_ dtype: DType) -> ScalarValue {
        switch self {
        case .sum, .mean: return .int(0)
        case .prod: return .int(1)
        case .amax: return dtype.isFloatingPoint ? .double(-.infinity) : .int(Int64.min)
        case .amin: return dtype.isFloatingPoint ? .double(.infinity) : .int(Int64.max)
        }
    }
}

extension Tensor {
    /// `self.scatter_reduce(dim, index, src, reduce, include_self=)` (ScatterReduceBackward0).
    public func scatterReduce(dim: Int, index: Tensor, src: Tensor, reduce: String, includeSelf: Bool = true) throws -> Tensor {
        let d = try checkedIndexDim(dim, index, src: src, op: "scatter")
        guard src.dtype == dtype else { throw TorchError.runtime("scatter(): Expected self.dtype to be equal to src.dtype") }
        guard let reduction = ScatterReduction(reduce) else {
            throw TorchError.runtime("reduce argument must be either sum, prod, mean, amax or amin, got \(reduce)")
        }
        let out = try reduced(into: d, index: index, src: src, reduction: reduction, includeSelf: includeSelf)
        record(
            "scatter_reduce", .scatterReduceBackward0, inputs: [self, src], outputs: [out], observed: [self, index, src],
            saving: [.input("index", index), .output("result", 0), .input("self", self), .input("src", src)],
            keeping: [("dim", .int(d)), ("include_self", .bool(includeSelf)), ("reduce", .string(reduce))]
        ) { ctx in
            let (index, result, input, source) = (
                try ctx.saved("index"), try ctx.saved("result"), try ctx.saved("self"), try ctx.saved("src")
            )
            var (gradSelf, gradSrc) = try Tensor.scatterReduceBackward(
                ctx.grad, input, dim: d, index: index, src: source, reduction: reduction, includeSelf: includeSelf,
                result: result)
            if !includeSelf { gradSelf = try gradSelf.scatter(dim: d, index: index, value: .int(0)) }
            return [ctx.needsGrad(0) ? gradSelf : nil, ctx.needsGrad(1) ? gradSrc : nil]
        }
        return out
    }

    /// `scatter_reduce_(dim, index, src, reduce, include_self=)`.
    @discardableResult
    public func scatterReduce_(dim: Int, index: Tensor, src: Tensor, reduce: String, includeSelf: Bool = true) throws
        -> Tensor
    {
        try inPlaceMath("scatter_reduce_") {
            try scatterReduce(dim: dim, index: index, src: src, reduce: reduce, includeSelf: includeSelf)
        }
    }

    /// The forward kernel: a copy of self (its indexed positions reset to the reduction's
    /// identity without `include_self`), each `src` element combined in at its index in order;
    /// a mean divides by the count of values (self's included), floor division for integers.
    private func reduced(
        into d: Int, index: Tensor, src: Tensor, reduction: ScatterReduction, includeSelf: Bool
    ) throws -> Tensor {
        let indices = try index.indexValues("scatter(): Expected dtype int32/int64 for index", allowingInt32: true)
        let destination = try offsetsAlongDim(indexShape: index.shape, shape: shape, dim: d, indices: indices)
        let sourceOffsets = try offsetsAlongDim(indexShape: index.shape, shape: src.shape, dim: d)
        let out = materialized()
        if !includeSelf {
            let identity = Tensor.wrapped(reduction.identity(dtype), dtype: dtype).contiguousStorage(broadcastTo: index.shape)
            moveElements(from: identity, at: nil, to: out.storage, at: destination, count: index.numel)
        }
        moveElements(
            from: src.contiguousStorage(as: dtype), at: sourceOffsets, to: out.storage, at: destination, count: index.numel,
            mode: reduction.mode)
        guard reduction == .mean else { return out }
        var counts = [Double](repeating: includeSelf ? 1 : 0, count: out.numel)
        for j in destination { counts[j] += 1 }
        let divisor = Tensor.internalTensor(counts.map { $0 == 0 ? 1 : $0 }, shape: shape, dtype: dtype)
        return try GradMode.noGrad {
            try out.div(.tensor(divisor), roundingMode: dtype.isFloatingPoint ? nil : "floor")
        }
    }

    /// `scatter_reduce_backward` (FunctionsManual.cpp): the gradients of self and src, before
    /// the caller zeroes self's indexed positions when `include_self` is false.
    private static func scatterReduceBackward(
        _ grad: Tensor, _ input: Tensor, dim d: Int, index: Tensor, src: Tensor, reduction: ScatterReduction,
        includeSelf: Bool, result: Tensor
    ) throws -> (Tensor, Tensor) {
        switch reduction {
        case .sum:
            return (grad, try grad.gather(dim: d, index: index))
        case .mean:
            let start = includeSelf ? Tensor.onesLike(grad) : Tensor.zerosLike(grad)
            let counts = try start.scatterAdd(dim: d, index: index, src: Tensor.onesLike(src))
            try counts.maskedFill_(mask: counts.eq(.scalar(.int(0))), value: .scalar(.int(1)))
            return (
                try grad.div(.tensor(counts)),
                try grad.gather(dim: d, index: index).div(.tensor(counts.gather(dim: d, index: index)))
            )
        case .amax, .amin:
            // Ties share the gradient evenly.
            let value = try result.gather(dim: d, index: index)
            let selfIsResult = try input.eq(.tensor(result))
            let srcIsResult = try src.eq(.tensor(value))
            let counts = try selfIsResult.to(input.dtype).scatterAdd(dim: d, index: index, src: srcIsResult.to(input.dtype))
            let distributed = try grad.div(.tensor(counts))
            return (
                try selfIsResult.mul(.tensor(distributed)),
                try srcIsResult.mul(.tensor(distributed.gather(dim: d, index: index)))
            )
        case .prod:
            // Exclusive products where self or src holds zeros.
            let maskedSelf = try input.maskedFill(mask: input.eq(.scalar(.int(0))), value: .scalar(.int(1)))
            let maskedSelfResult = try maskedSelf.scatterReduce(
                dim: d, index: index, src: src, reduce: "prod", includeSelf: includeSelf)
            let gradSelf = try grad.mul(.tensor(maskedSelfResult)).div(.tensor(maskedSelf))
            let srcZero = try src.eq(.scalar(.int(0)))
            let zerosPerTarget = try Tensor.zerosLike(input).scatterAdd(dim: d, index: index, src: srcZero.to(input.dtype))
                .gather(dim: d, index: index)
            let singleZero = try srcZero.logicalAnd(zerosPerTarget.eq(.scalar(.int(1))))
            let maskedSrc = try src.maskedFill(mask: singleZero, value: .scalar(.int(1)))
            let maskedSrcResult = try input.scatterReduce(
                dim: d, index: index, src: maskedSrc, reduce: "prod", includeSelf: includeSelf)
            let gradSrc = try Tensor.maskedWhere(
                singleZero, grad.mul(.tensor(maskedSrcResult)).gather(dim: d, index: index),
                grad.mul(.tensor(result)).gather(dim: d, index: index)
                    .div(.tensor(src.maskedFill(mask: srcZero, value: .scalar(.int(1))))))
            return (gradSelf, gradSrc)
        }
    }
}

extension NodeKind {
    static let scatterReduceBackward0 = NodeKind("ScatterReduceBackward0")
}
