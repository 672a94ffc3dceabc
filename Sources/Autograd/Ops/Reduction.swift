/// Reductions besides sum and prod: mean, max/min (whole tensor and along a dim),
/// `max(a, b)`/`min(a, b)` (the elementwise maximum/minimum of Extremes.swift), argmax/argmin,
/// all/any; plus the gather/scatter pair their backward formulas use.
enum ReductionOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "mean(Tensor self, *, ScalarType? dtype=None) -> Tensor", gradFn: "MeanBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").mean(dtype: $0.optionalDType("dtype")) }),
        OpDeclaration(
            "mean.dim(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "MeanBackward1", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").mean(
                    dims: $0.optionalIntList("dim") ?? [], keepdim: $0.bool("keepdim"), dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "max(Tensor self) -> Tensor", gradFn: "MaxBackward1", exposure: [.torch, .method],
            forward: { try $0.tensor("self").max() }),
        OpDeclaration(
            "min(Tensor self) -> Tensor", gradFn: "MinBackward1", exposure: [.torch, .method],
            forward: { try $0.tensor("self").min() }),
        OpDeclaration(
            "max.other(Tensor self, Tensor other) -> Tensor", gradFn: "MaximumBackward0", exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").maximum($0.tensor("other")) }),
        OpDeclaration(
            "min.other(Tensor self, Tensor other) -> Tensor", gradFn: "MinimumBackward0", exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").minimum($0.tensor("other")) }),
        OpDeclaration(
            "max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
            gradFn: "MaxBackward0", exposure: [.torch, .method],
            returningTuple: {
                let (values, indices) = try $0.tensor("self").max(dim: $0.int("dim"), keepdim: $0.bool("keepdim"))
                return [values, indices]
            }),
        OpDeclaration(
            "min.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
            gradFn: "MinBackward0", exposure: [.torch, .method],
            returningTuple: {
                let (values, indices) = try $0.tensor("self").min(dim: $0.int("dim"), keepdim: $0.bool("keepdim"))
                return [values, indices]
            }),
        OpDeclaration(
            "argmax(Tensor self, int? dim=None, bool keepdim=False) -> Tensor", gradFn: nil,
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").argmax(dim: $0.optionalInt("dim"), keepdim: $0.bool("keepdim")) }),
        OpDeclaration(
            "argmin(Tensor self, int? dim=None, bool keepdim=False) -> Tensor", gradFn: nil,
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").argmin(dim: $0.optionalInt("dim"), keepdim: $0.bool("keepdim")) }),
        OpDeclaration(
            "all(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").all() }),
        OpDeclaration(
            "all.dim(Tensor self, int dim, bool keepdim=False) -> Tensor", gradFn: nil,
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").all(dim: $0.int("dim"), keepdim: $0.bool("keepdim")) }),
        OpDeclaration(
            "any(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").any() }),
        OpDeclaration(
            "any.dim(Tensor self, int dim, bool keepdim=False) -> Tensor", gradFn: nil,
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").any(dim: $0.int("dim"), keepdim: $0.bool("keepdim")) })
    ]
}

extension Tensor {
    private func checkMeanDType(_ requested: DType?) throws {
        let (dt, kind) = requested.map { ($0, "Optional") } ?? (dtype, "Input")
        guard dt.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "mean(): could not infer output dtype. \(kind) dtype must be either a floating point or complex dtype. Got: \(dt.scalarTypeName)"
            )
        }
    }

    /// The mean over `dims` (all dims when empty) of the values in `dtype` (default: this
    /// tensor's) without recording: their sum divided by `count` (PyTorch's CPU `mean_out`).
    private func meanValues(_ dims: [Int], keepdim: Bool, count: Int, dtype: DType?) throws -> Tensor {
        let input = reductionInput(dtype)
        let sums = try input.sumValues(dims, keepdim: keepdim)
        return try mapBinary(DivF.self, sums, Tensor.scalar(Double(count), dtype: input.dtype), dtype: input.dtype)
    }

    /// `mean()` of all elements (MeanBackward0); NaN for an empty tensor. With `dtype`, the
    /// input is cast to it first and the gradient cast back.
    public func mean(dtype: DType? = nil) throws -> Tensor {
        try checkMeanDType(dtype)
        let n = numel
        let (old, own) = (shape, self.dtype)
        let out = try meanValues([], keepdim: false, count: n, dtype: dtype)
        record(
            "mean", .meanBackward0, inputs: [self], outputs: [out],
            keeping: [("self_sym_numel", .int(n)), ("self_sym_sizes", .ints(old))]
        ) { ctx in
            [try Tensor.gradient(ctx.grad.expand(old).divScalar(Double(n)), castTo: own)]
        }
        return out
    }

    /// `mean(dims, keepdim)` (MeanBackward1); an empty `dims` reduces every dim.
    public func mean(dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws -> Tensor {
        try checkMeanDType(dtype)
        let rd = try reductionDims(dims)
        let all = rd.isEmpty ? Array(0..<dim) : rd
        let n = shape.isEmpty ? 1 : all.reduce(1) { $0 * shape[$1] }
        let out = try meanValues(all, keepdim: keepdim, count: n, dtype: dtype)
        let (old, own) = (shape, self.dtype)
        // mean_backward is sum_backward (unsqueeze the reduced dims in ascending order) / numel.
        let reduced = all.sorted()
        record(
            "mean", .meanBackward1, inputs: [self], outputs: [out],
            keeping: [
                ("dim", .ints(dims)), ("keepdim", .bool(keepdim)), ("self_sym_numel", .int(numel)),
                ("self_sym_sizes", .ints(old))
            ]
        ) { ctx in
            var g = ctx.grad
            if !keepdim { for d in reduced { g = try g.unsqueeze(d) } }
            return [try Tensor.gradient(g.expand(old).divScalar(Double(n)), castTo: own)]
        }
        return out
    }

    /// Division by a Python number as PyTorch's C++ `div.Scalar` does it (DivBackward1).
    func divScalar(_ s: Double) throws -> Tensor {
        let dt = dtype.isFloatingPoint ? dtype : .float32
        let out = try mapBinary(DivF.self, self, Tensor.scalar(s, dtype: dt), dtype: dt)
        record("div", .divBackward1, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.divScalar(s)]
        }
        return out
    }

    /// The largest element (MaxBackward1); ties share the gradient evenly; NaN propagates.
    public func max() throws -> Tensor { try extremeOfAll(.max, "max", .maxBackward1) }

    /// The smallest element (MinBackward1).
    public func min() throws -> Tensor { try extremeOfAll(.min, "min", .minBackward1) }

    private func extremeOfAll(_ extreme: Extreme, _ op: String, _ backward: NodeKind) throws -> Tensor {
        guard numel > 0 else {
            throw TorchError.runtime(
                "\(op)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."
            )
        }
        let flat = Tensor(storage: contiguousStorage(), shape: [numel])
        let out = Tensor(storage: extremeAlongDim(flat, dim: 0, extreme: extreme).values.storage, shape: [])
        record(
            op, backward, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            [try Tensor.evenlyDistribute(ctx.grad, input: ctx.saved(0), value: ctx.saved(1))]
        }
        return out
    }

    /// PyTorch's evenly_distribute_backward: the gradient split among the elements equal to
    /// the selected value (or among the NaNs when it is NaN).
    static func evenlyDistribute(_ grad: Tensor, input: Tensor, value: Tensor) throws -> Tensor {
        let mask = value.containsNaN() ? input.isnan() : try input.eq(.tensor(value))
        let count = try mask.sumValues([], keepdim: false)
        return try mask.mul(.tensor(grad.div(.tensor(count))))
    }

    /// `max(dim, keepdim)`: the values (MaxBackward0) and their int64 indices.
    public func max(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremeAlong(dim, keepdim: keepdim, .max, "max", .maxBackward0)
    }

    /// `min(dim, keepdim)`: the values (MinBackward0) and their int64 indices.
    public func min(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremeAlong(dim, keepdim: keepdim, .min, "min", .minBackward0)
    }

    /// Normalizes a reduction dim and rejects an empty one with PyTorch's IndexError.
    private func checkedReductionDim(_ dim: Int, _ op: String) throws -> Int {
        let d = try normalizeDim(dim, rank: self.dim)
        if !shape.isEmpty && shape[d] == 0 {
            throw TorchError.index("\(op)(): Expected reduction dim \(d) to have non-zero size.")
        }
        return d
    }

    private func extremeAlong(
        _ dim: Int, keepdim: Bool, _ extreme: Extreme, _ op: String,
        _ backward: NodeKind
    ) throws -> (values: Tensor, indices: Tensor) {
        let d = try checkedReductionDim(dim, op)
        let r = extremeAlongDim(self, dim: d, extreme: extreme)
        let outShape = shape.isEmpty ? [] : reducedShape([d], keepdim: keepdim)
        let values = Tensor(storage: r.values.storage, shape: outShape)
        let indices = Tensor(storage: r.indices.storage, shape: outShape)
        let old = shape
        let kept = r.indices.shape
        record(op, backward, inputs: [self], outputs: [values, indices], saving: [.output("indices", 1)]) { ctx in
            if old.isEmpty { return [ctx.grad] }
            let index = try Tensor(storage: ctx.saved(0).contiguousStorage(), shape: kept)
            let g = keepdim ? ctx.grad : try ctx.grad.reshape(kept)
            return [try g.scatterIntoZeros(old, dim: d, index: index, accumulate: false)]
        }
        return (values, indices)
    }

    /// `zeros(shape).scatter(dim, index, self)` (ScatterBackward0) or `.scatter_add`
    /// (ScatterAddBackward0); `index` has this tensor's shape.
    func scatterIntoZeros(_ shape: [Int], dim: Int, index: Tensor, accumulate: Bool) throws -> Tensor {
        let out = try scatterValues(into: shape, dim: dim, index: index, source: self, accumulate: accumulate)
        record(
            accumulate ? "scatter_add" : "scatter", accumulate ? .scatterAddBackward0 : .scatterBackward0,
            inputs: [nil, self], outputs: [out], saving: [.input("index", index)]
        ) { ctx in
            [nil, try ctx.grad.gatherAlongDim(dim, index: ctx.saved(0))]
        }
        return out
    }

    /// `self.gather(dim, index)` (GatherBackward0).
    func gatherAlongDim(_ dim: Int, index: Tensor) throws -> Tensor {
        let out = try gatherValues(self, dim: dim, index: index)
        let old = shape
        record(
            "gather", .gatherBackward0, inputs: [self], outputs: [out], observed: [self, index],
            saving: [.input("self", self), .input("index", index)]
        ) { ctx in
            [try ctx.grad.scatterIntoZeros(old, dim: dim, index: ctx.saved(1), accumulate: true)]
        }
        return out
    }

    /// Index of the largest element, flattened when `dim` is nil (`torch.argmax`).
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtreme(.max, "argmax", dim: dim, keepdim: keepdim)
    }

    /// Index of the smallest element, flattened when `dim` is nil (`torch.argmin`).
    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtreme(.min, "argmin", dim: dim, keepdim: keepdim)
    }

    private func argExtreme(_ extreme: Extreme, _ op: String, dim: Int?, keepdim: Bool) throws -> Tensor {
        try rejectBool("\(op)_cpu")
        let out: Tensor
        if let dim {
            let d = try checkedReductionDim(dim, op)
            let indices = extremeAlongDim(self, dim: d, extreme: extreme).indices
            out = Tensor(storage: indices.storage, shape: shape.isEmpty ? [] : reducedShape([d], keepdim: keepdim))
        } else {
            guard numel > 0 else {
                throw TorchError.index("\(op)(): Expected reduction dim to be specified for input.numel() == 0.")
            }
            let flat = Tensor(storage: contiguousStorage(), shape: [numel])
            let indices = extremeAlongDim(flat, dim: 0, extreme: extreme).indices
            out = Tensor(storage: indices.storage, shape: keepdim ? [Int](repeating: 1, count: self.dim) : [])
        }
        reportNonDifferentiable(op, inputs: [self], outputs: [out])
        return out
    }

    /// Whether every element is non-zero (`torch.all`); a 0-dim bool tensor.
    public func all() -> Tensor { truthOp("all", dims: [], keepdim: false, all: true) }

    /// Whether any element is non-zero (`torch.any`).
    public func any() -> Tensor { truthOp("any", dims: [], keepdim: false, all: false) }

    /// `all(dim, keepdim)`.
    public func all(dim: Int, keepdim: Bool = false) throws -> Tensor {
        truthOp("all", dims: [try normalizeDim(dim, rank: self.dim)], keepdim: keepdim, all: true)
    }

    /// `any(dim, keepdim)`.
    public func any(dim: Int, keepdim: Bool = false) throws -> Tensor {
        truthOp("any", dims: [try normalizeDim(dim, rank: self.dim)], keepdim: keepdim, all: false)
    }

    /// Bool results, except uint8 for a uint8 input (as PyTorch keeps it).
    private func truthOp(_ op: String, dims: [Int], keepdim: Bool, all: Bool) -> Tensor {
        let reduced = truthReduce(self, dims: shape.isEmpty ? [] : dims, all: all)
        let outShape = dims.isEmpty ? [] : (shape.isEmpty ? [] : reducedShape(dims, keepdim: keepdim))
        let values = dtype == .uint8 ? reduced.materialized(as: .uint8) : reduced
        let out = Tensor(storage: values.storage, shape: outShape)
        reportNonDifferentiable(op, inputs: [self], outputs: [out])
        return out
    }
}

extension NodeKind {
    static let divBackward1 = NodeKind("DivBackward1")
    static let maxBackward0 = NodeKind("MaxBackward0")
    static let maxBackward1 = NodeKind("MaxBackward1")
    static let meanBackward0 = NodeKind("MeanBackward0")
    static let meanBackward1 = NodeKind("MeanBackward1")
    static let minBackward0 = NodeKind("MinBackward0")
    static let minBackward1 = NodeKind("MinBackward1")
}
