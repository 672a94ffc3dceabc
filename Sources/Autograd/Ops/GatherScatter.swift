/// Indexing by tensors: `gather`, `scatter` (src and value, with `reduce=`), `scatter_add`,
/// `index_select`, `take`, `masked_fill` (scalar and 0-dim tensor value) and `masked_select`,
/// each with its backward from derivatives.yaml and PyTorch's index checks and messages.
enum GatherScatterOps {
    /// An int64 index sample for the gradient check: along dim 1 of a `[2, 3]` input.
    private static let index = OpSamples.Constant([2, 0, 1, 0], shape: [2, 2], dtype: .int64)
    /// A scatter index with distinct targets per row (scatter with repeated targets is not
    /// differentiable by finite differences: the last write wins).
    private static let distinctIndex = OpSamples.Constant([2, 0, 1, 2], shape: [2, 2], dtype: .int64)
    private static let mask = OpSamples.Constant([1, 0, 1, 0, 0, 1], shape: [2, 3], dtype: .bool)

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "gather(Tensor self, int dim, Tensor index, *, bool sparse_grad=False) -> Tensor", gradFn: "GatherBackward0",
            exposure: [.torch, .method], samples: OpSamples(constants: ["index": index]),
            forward: { try $0.tensor("self").gather(dim: $0.int("dim"), index: $0.tensor("index")) }),
        OpDeclaration(
            "scatter.src(Tensor self, int dim, Tensor index, Tensor src) -> Tensor", gradFn: "ScatterBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(shapes: ["src": [2, 2]], constants: ["index": distinctIndex]),
            forward: { try $0.tensor("self").scatter(dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src")) },
            inPlace: {
                try $0.tensor("self").scatter_(dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src"))
            }),
        OpDeclaration(
            "scatter.value(Tensor self, int dim, Tensor index, Scalar value) -> Tensor", gradFn: "ScatterBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: OpSamples(constants: ["index": index]),
            forward: {
                try $0.tensor("self").scatter(dim: $0.int("dim"), index: $0.tensor("index"), value: $0.scalar("value"))
            },
            inPlace: {
                try $0.tensor("self").scatter_(dim: $0.int("dim"), index: $0.tensor("index"), value: $0.scalar("value"))
            }),
        OpDeclaration(
            "scatter.reduce(Tensor self, int dim, Tensor index, Tensor src, *, str reduce) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["reduce": .string("add")], constants: ["index": index]),
            forward: {
                try $0.tensor("self").scatter(
                    dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src"), reduce: $0.string("reduce"))
            },
            inPlace: {
                try $0.tensor("self").scatter_(
                    dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src"), reduce: $0.string("reduce"))
            }),
        OpDeclaration(
            "scatter.value_reduce(Tensor self, int dim, Tensor index, Scalar value, *, str reduce) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["reduce": .string("multiply")], constants: ["index": index]),
            forward: {
                try $0.tensor("self").scatter(
                    dim: $0.int("dim"), index: $0.tensor("index"), value: $0.scalar("value"), reduce: $0.string("reduce"))
            },
            inPlace: {
                try $0.tensor("self").scatter_(
                    dim: $0.int("dim"), index: $0.tensor("index"), value: $0.scalar("value"), reduce: $0.string("reduce"))
            }),
        OpDeclaration(
            "scatter_add(Tensor self, int dim, Tensor index, Tensor src) -> Tensor", gradFn: "ScatterAddBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(shapes: ["src": [2, 2]], constants: ["index": index]),
            forward: { try $0.tensor("self").scatterAdd(dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src")) },
            inPlace: {
                try $0.tensor("self").scatterAdd_(dim: $0.int("dim"), index: $0.tensor("index"), src: $0.tensor("src"))
            }),
        OpDeclaration(
            "take_along_dim(Tensor self, Tensor indices, int? dim=None) -> Tensor", gradFn: "GatherBackward0",
            exposure: [.torch, .method],
            samples: OpSamples(
                arguments: ["dim": .int(1)],
                constants: ["indices": OpSamples.Constant([2, 0], shape: [1, 2], dtype: .int64)]),
            forward: { try $0.tensor("self").takeAlongDim($0.tensor("indices"), dim: $0.optionalInt("dim")) }),
        OpDeclaration(
            "index_select(Tensor self, int dim, Tensor index) -> Tensor", gradFn: "IndexSelectBackward0",
            exposure: [.torch, .method],
            samples: OpSamples(constants: ["index": OpSamples.Constant([2, 0, 2], shape: [3], dtype: .int64)]),
            forward: { try $0.tensor("self").indexSelect(dim: $0.int("dim"), index: $0.tensor("index")) }),
        OpDeclaration(
            "take(Tensor self, Tensor index) -> Tensor", gradFn: "TakeBackward0", exposure: [.torch, .method],
            samples: OpSamples(constants: ["index": OpSamples.Constant([5, 0, -1, 3], shape: [2, 2], dtype: .int64)]),
            forward: { try $0.tensor("self").take(index: $0.tensor("index")) }),
        OpDeclaration(
            "masked_fill.Scalar(Tensor self, Tensor mask, Scalar value) -> Tensor", gradFn: "MaskedFillBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: OpSamples(constants: ["mask": mask]),
            forward: { try $0.tensor("self").maskedFill(mask: $0.tensor("mask"), value: .scalar($0.scalar("value"))) },
            inPlace: { try $0.tensor("self").maskedFill_(mask: $0.tensor("mask"), value: .scalar($0.scalar("value"))) }),
        OpDeclaration(
            "masked_fill.Tensor(Tensor self, Tensor mask, Tensor value) -> Tensor", gradFn: "MaskedFillBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(shapes: ["value": []], constants: ["mask": mask]),
            forward: { try $0.tensor("self").maskedFill(mask: $0.tensor("mask"), value: .tensor($0.tensor("value"))) },
            inPlace: { try $0.tensor("self").maskedFill_(mask: $0.tensor("mask"), value: .tensor($0.tensor("value"))) }),
        OpDeclaration(
            "masked_select(Tensor self, Tensor mask) -> Tensor", gradFn: "MaskedSelectBackward0",
            exposure: [.torch, .method], samples: OpSamples(constants: ["mask": mask]),
            forward: { try $0.tensor("self").maskedSelect(mask: $0.tensor("mask")) })
    ]
}

extension Tensor {
    /// The values of an int64 index tensor (or int32 where `allowingInt32`), row-major; PyTorch's
    /// dtype error otherwise.
    func indexValues(_ message: String, allowingInt32: Bool = false) throws -> [Int64] {
        guard dtype == .int64 || (allowingInt32 && dtype == .int32) else { throw TorchError.runtime(message) }
        let storage = contiguousStorage(as: .int64)
        return Array(UnsafeBufferPointer(start: storage.pointer(Int64.self), count: numel))
    }

    /// Checks a gather/scatter index against `self` (and `src`) as `gather_shape_check` and
    /// `scatter_shape_check` do; the normalized dim.
    func checkedIndexDim(_ dim: Int, _ index: Tensor, src: Tensor? = nil, op: String) throws -> Int {
        let d = try normalizeDim(dim, rank: self.dim)
        guard index.dtype == .int64 || index.dtype == .int32 else {
            // scatter_add shares scatter's check, and its name.
            throw TorchError.runtime("\(op.hasPrefix("scatter") ? "scatter" : op)(): Expected dtype int32/int64 for index")
        }
        if index.numel == 0 { return d }
        guard Swift.max(index.dim, 1) == Swift.max(self.dim, 1) else {
            throw TorchError.runtime(
                "Index tensor must have the same number of dimensions as \(src == nil ? "input" : "self") tensor")
        }
        let selfShape = shape.isEmpty ? [1] : shape
        let indexShape = index.shape.isEmpty ? [1] : index.shape
        if let src {
            let srcShape = src.shape.isEmpty ? [1] : src.shape
            let fits = (0..<indexShape.count).allSatisfy { k in
                (k == d || indexShape[k] <= selfShape[k]) && indexShape[k] <= srcShape[k]
            }
            guard fits else {
                throw TorchError.runtime(
                    "Expected index \(indexShape) to be no larger than self \(selfShape) apart from dimension \(d) and to be no larger size than src \(srcShape)"
                )
            }
        } else {
            for k in 0..<indexShape.count where k != d && indexShape[k] > selfShape[k] {
                throw TorchError.runtime(
                    op == "gather"
                        ? "Size does not match at dimension \(k) expected index \(indexShape) to be no larger than self \(selfShape) apart from dimension \(d)"
                        : "Expected index \(indexShape) to be no larger than self \(selfShape) apart from dimension \(d)"
                )
            }
        }
        return d
    }

    /// `self.gather(dim, index)` (GatherBackward0, saving self and index): the elements of
    /// `self` at `index` along `dim`.
    public func gather(dim: Int, index: Tensor) throws -> Tensor {
        let d = try checkedIndexDim(dim, index, op: "gather")
        let positions = try offsetsAlongDim(
            indexShape: index.shape, shape: shape, dim: d,
            indices: try index.indexValues("gather(): Expected dtype int32/int64 for index", allowingInt32: true))
        let out = Storage.uninitialized(dtype, count: index.numel)
        moveElements(from: contiguousStorage(), at: positions, to: out, at: nil, count: index.numel)
        let result = Tensor(storage: out, shape: index.shape)
        let selfShape = shape
        record(
            "gather", .gatherBackward0, inputs: [self], outputs: [result], observed: [self, index],
            saving: [.input("self", self), .input("index", index)]
        ) { ctx in
            [try Tensor.zeros(selfShape, dtype: ctx.grad.dtype).scatterAdd(dim: d, index: ctx.saved(1), src: ctx.grad)]
        }
        return result
    }

    /// The scatter kernel: a copy of `self` with `src` (or `value`) written at `index` along `dim`.
    private func scattered(
        _ op: String, dim d: Int, index: Tensor, src: Tensor?, value: ScalarValue?, mode: ScatterMode
    ) throws -> Tensor {
        let indices = try index.indexValues("\(op)(): Expected dtype int32/int64 for index", allowingInt32: true)
        let destination = try offsetsAlongDim(indexShape: index.shape, shape: shape, dim: d, indices: indices)
        let out = materialized()
        let source: Storage
        var sourceOffsets: [Int]? = nil
        if let src {
            source = src.contiguousStorage(as: dtype)
            sourceOffsets = try offsetsAlongDim(indexShape: index.shape, shape: src.shape, dim: d)
        } else {
            source = Tensor.wrapped(value ?? .int(0), dtype: dtype).contiguousStorage(broadcastTo: index.shape)
        }
        moveElements(from: source, at: sourceOffsets, to: out.storage, at: destination, count: index.numel, mode: mode)
        return out
    }

    private static func scatterMode(_ reduce: String?, _ op: String) throws -> ScatterMode {
        switch reduce {
        case nil: return .assign
        case "add": return .add
        case "multiply": return .multiply
        default: throw TorchError.runtime("reduce argument must be either add or multiply.")
        }
    }

    /// `self.scatter(dim, index, src)` (ScatterBackward0); with `reduce:` ("add", "multiply")
    /// the reducing overload, which has no derivative.
    public func scatter(dim: Int, index: Tensor, src: Tensor, reduce: String? = nil) throws -> Tensor {
        let d = try checkedIndexDim(dim, index, src: src, op: "scatter")
        guard src.dtype == dtype else { throw TorchError.runtime("scatter(): Expected self.dtype to be equal to src.dtype") }
        let out = try scattered("scatter", dim: d, index: index, src: src, value: nil, mode: Self.scatterMode(reduce, "scatter"))
        if reduce != nil {
            Diagnostics.warn(
                "The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in a future PyTorch release. Use torch.scatter_reduce instead for more reduction options."
            )
            reportNonDifferentiable("scatter", inputs: [self, index, src], outputs: [out])
            return out
        }
        record(
            "scatter", .scatterBackward0, inputs: [self, src], outputs: [out], observed: [self, index, src],
            saving: [.input("index", index)]
        ) { ctx in
            let index = try ctx.saved(0)
            return [
                ctx.needsGrad(0) ? try ctx.grad.scatter(dim: d, index: index, value: .int(0)) : nil,
                ctx.needsGrad(1) ? try ctx.grad.gather(dim: d, index: index) : nil
            ]
        }
        return out
    }

    /// `self.scatter(dim, index, value)` (ScatterBackward1); with `reduce:` the reducing overload.
    public func scatter(dim: Int, index: Tensor, value: ScalarValue, reduce: String? = nil) throws -> Tensor {
        let d = try checkedIndexDim(dim, index, op: "scatter")
        let out = try scattered(
            "scatter", dim: d, index: index, src: nil, value: value, mode: Self.scatterMode(reduce, "scatter"))
        if reduce != nil {
            reportNonDifferentiable("scatter", inputs: [self, index], outputs: [out])
            return out
        }
        record("scatter", .scatterBackward1, inputs: [self], outputs: [out], saving: [.input("index", index)]) { ctx in
            [try ctx.grad.scatter(dim: d, index: ctx.saved(0), value: .int(0))]
        }
        return out
    }

    /// `self.scatter_add(dim, index, src)` (ScatterAddBackward0): `src` summed into a copy of self.
    public func scatterAdd(dim: Int, index: Tensor, src: Tensor) throws -> Tensor {
        let d = try checkedIndexDim(dim, index, src: src, op: "scatter_add")
        guard src.dtype == dtype else {
            throw TorchError.runtime("scatter(): Expected self.dtype to be equal to src.dtype")
        }
        let out = try scattered("scatter_add", dim: d, index: index, src: src, value: nil, mode: .add)
        record(
            "scatter_add", .scatterAddBackward0, inputs: [self, src], outputs: [out], observed: [self, index, src],
            saving: [.input("index", index)]
        ) { ctx in
            [ctx.grad, ctx.needsGrad(1) ? try ctx.grad.gather(dim: d, index: ctx.saved(0)) : nil]
        }
        return out
    }

    /// `scatter_(dim, index, src, reduce=)`.
    @discardableResult
    public func scatter_(dim: Int, index: Tensor, src: Tensor, reduce: String? = nil) throws -> Tensor {
        try inPlaceMath("scatter_") { try scatter(dim: dim, index: index, src: src, reduce: reduce) }
    }

    /// `scatter_(dim, index, value, reduce=)`.
    @discardableResult
    public func scatter_(dim: Int, index: Tensor, value: ScalarValue, reduce: String? = nil) throws -> Tensor {
        try inPlaceMath("scatter_") { try scatter(dim: dim, index: index, value: value, reduce: reduce) }
    }

    /// `scatter_add_(dim, index, src)`.
    @discardableResult
    public func scatterAdd_(dim: Int, index: Tensor, src: Tensor) throws -> Tensor {
        try inPlaceMath("scatter_add_") { try scatterAdd(dim: dim, index: index, src: src) }
    }

    /// `torch.take_along_dim(self, indices, dim)`: `gather` after broadcasting self and indices
    /// in every dim but `dim` (aten's `_take_along_dim_helper`), or of the flattened self
    /// without `dim`.
    public func takeAlongDim(_ indices: Tensor, dim: Int?) throws -> Tensor {
        guard indices.dtype == .int64 else {
            throw TorchError.runtime(
                "torch.take_along_dim(): dtype of indices should be Long but got \(indices.dtype.scalarTypeName)")
        }
        guard let dim else { return try view([-1]).gather(dim: 0, index: indices.view([-1])) }
        guard self.dim == indices.dim else {
            throw TorchError.runtime(
                "torch.take_along_dim(): input and indices should have the same number of dimensions, but got \(self.dim) dimensions for input, and \(indices.dim) dimensions for indices"
            )
        }
        let d = try normalizeDim(dim, rank: self.dim)
        var selfSizes = shape
        if !selfSizes.isEmpty { selfSizes[d] = indices.shape[d] }
        let broadcast = try broadcastShapes(selfSizes, indices.shape)
        selfSizes = broadcast
        if !selfSizes.isEmpty { selfSizes[d] = shape[d] }
        let source = selfSizes == shape ? self : try expand(selfSizes)
        let index = broadcast == indices.shape ? indices : try indices.expand(broadcast)
        return try source.gather(dim: d, index: index)
    }

    /// `self.index_select(dim, index)` (IndexSelectBackward0): the slices of `self` along `dim`
    /// at the positions a 1-D (or 0-dim) int64 `index` lists.
    public func indexSelect(dim: Int, index: Tensor) throws -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        guard index.dim <= 1 else { throw TorchError.index("index_select(): Index is supposed to be a vector") }
        let picked = try index.indexValues("index_select(): Expected dtype int32 or int64 for index", allowingInt32: true)
        let size = shape.isEmpty ? 1 : shape[d]
        if picked.contains(where: { $0 < 0 }) { throw TorchError.index("index out of range in self") }
        if let bad = picked.first(where: { $0 >= size }) {
            throw TorchError.runtime("INDICES element is out of DATA bounds, id=\(bad) axis_dim=\(size)")
        }
        var outShape = shape
        if !shape.isEmpty { outShape[d] = picked.count }
        let expanded = try Tensor.expandedIndex(picked, shape: outShape, dim: d)
        let out = Storage.uninitialized(dtype, count: outShape.reduce(1, *))
        let positions = try offsetsAlongDim(indexShape: outShape, shape: shape, dim: d, indices: expanded)
        moveElements(from: contiguousStorage(), at: positions, to: out, at: nil, count: positions.count)
        let result = Tensor(storage: out, shape: shape.isEmpty ? index.shape : outShape)
        let selfShape = shape
        record(
            "index_select", .indexSelectBackward0, inputs: [self], outputs: [result], observed: [self, index],
            saving: [.input("index", index)]
        ) { ctx in
            let along = try Tensor(expanded.map(Double.init), shape: outShape, dtype: .int64)
            let grad = try ctx.grad.reshape(outShape)
            return [try Tensor.zeros(selfShape, dtype: ctx.grad.dtype).scatterAdd(dim: d, index: along, src: grad)]
        }
        return result
    }

    /// An index of `shape` whose element at coordinate k along `dim` is `picked[k]`.
    private static func expandedIndex(_ picked: [Int64], shape: [Int], dim: Int) throws -> [Int64] {
        let inner = shape.isEmpty ? 1 : shape[(dim + 1)...].reduce(1, *)
        let size = shape.isEmpty ? 1 : shape[dim]
        return (0..<shape.reduce(1, *)).map { picked[($0 / inner) % size] }
    }

    /// `torch.take(self, index)` (TakeBackward0): elements of the flattened `self`, negative
    /// positions counting from the end, in `index`'s shape.
    public func take(index: Tensor) throws -> Tensor {
        let picked = try index.indexValues("take(): Expected a long tensor for index, but got \(index.dtype.scalarTypeName)")
        let positions = try picked.map { raw -> Int in
            let i = Int(raw)
            guard i >= -numel && i < numel else {
                throw TorchError.index("out of range: tried to access index \(i) on a tensor of \(numel) elements.")
            }
            return i < 0 ? i + numel : i
        }
        let out = Storage.uninitialized(dtype, count: positions.count)
        moveElements(from: contiguousStorage(), at: positions, to: out, at: nil, count: positions.count)
        let result = Tensor(storage: out, shape: index.shape)
        let selfShape = shape
        record(
            "take", .takeBackward0, inputs: [self], outputs: [result], observed: [self, index],
            saving: [.input("self", self), .input("index", index)]
        ) { ctx in
            let grad = Tensor.zeros(selfShape, dtype: ctx.grad.dtype)
            moveElements(
                from: ctx.grad.contiguousStorage(), at: nil, to: grad.storage, at: positions, count: positions.count, mode: .add)
            return [grad]
        }
        return result
    }

    /// `torch.where(condition)` (`nonzero(as_tuple=True)`): one int64 tensor per dim with the
    /// coordinates of the non-zero elements; a 0-dim input counts as 1-D.
    public func nonzeroTuple() -> [Tensor] {
        (dim == 0 ? Tensor(storage: contiguousStorage(), shape: [1]) : self).nonzeroCoordinates()
    }

    /// Checks that a masked op's mask is a bool tensor.
    private func checkedMask(_ mask: Tensor, _ message: String) throws {
        guard mask.dtype == .bool else { throw TorchError.runtime(message) }
    }

    /// Checks a fill value against a narrow integer dtype as `fill_` does (ops wrap instead).
    private func checkFillFits(_ value: ScalarValue) throws {
        if dtype.overflows(value) { throw TorchError.runtime(dtype.overflowMessage(cType: true)) }
    }

    /// `self.masked_fill(mask, value)`: `value` (a number, MaskedFillBackward0, or a 0-dim
    /// tensor, MaskedFillBackward1) where the bool `mask` (broadcast) is true.
    public func maskedFill(mask: Tensor, value: Operand) throws -> Tensor {
        try checkedMask(mask, "masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.cppTypeName)")
        let fill: Tensor
        switch value {
        case .scalar(let s):
            try checkFillFits(s)
            fill = Tensor.wrapped(s, dtype: dtype)
        case .tensor(let t):
            guard t.dim == 0 else {
                throw TorchError.runtime(
                    "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(t.dim) dimension(s).")
            }
            if dtype.isNarrowInteger { try checkFillFits(t.item()) }
            fill = t
        }
        // PyTorch fills `expand_outplace(mask, self)`'s clone(MemoryFormat::Contiguous): the
        // result is row-major whatever the operands' layouts.
        let out = try selectWhereRowMajor(
            mask, fill, self, shape: try broadcastShapes(mask.shape, shape), dtype: dtype)
        let selfShape = shape
        var valueTensor: Tensor? = nil
        if case .tensor(let t) = value { valueTensor = t }
        let hasValueInput = valueTensor != nil
        record(
            "masked_fill", valueTensor == nil ? .maskedFillBackward0 : .maskedFillBackward1,
            inputs: valueTensor.map { [self, $0] } ?? [self], outputs: [out], observed: [self, mask, valueTensor],
            saving: [.input("mask", mask)]
        ) { ctx in
            let mask = try ctx.saved(0)
            var grads = [ctx.needsGrad(0) ? try ctx.grad.maskedFill(mask: mask, value: .scalar(.int(0))).sumTo(selfShape) : nil]
            if hasValueInput {
                grads.append(
                    ctx.needsGrad(1)
                        ? try Tensor.maskedWhere(mask, ctx.grad, Tensor.zeros([], dtype: ctx.grad.dtype)).sum() : nil)
            }
            return grads
        }
        return out
    }

    /// `masked_fill_(mask, value)`: the mask must broadcast to self's shape.
    @discardableResult
    public func maskedFill_(mask: Tensor, value: Operand) throws -> Tensor {
        try inPlaceMath("masked_fill_") { try maskedFill(mask: mask, value: value) }
    }

    /// `self.masked_select(mask)` (MaskedSelectBackward0): the elements where the bool `mask`
    /// is true, both broadcast, as a 1-D tensor.
    public func maskedSelect(mask: Tensor) throws -> Tensor {
        try checkedMask(mask, "masked_select: expected BoolTensor for mask")
        let full = try broadcastShapes(shape, mask.shape)
        let m = mask.contiguousStorage(as: .bool, broadcastTo: full)
        let flags = UnsafeBufferPointer(start: m.pointer(Bool.self), count: full.reduce(1, *))
        let positions = flags.indices.filter { flags[$0] }
        let out = Storage.uninitialized(dtype, count: positions.count)
        moveElements(from: contiguousStorage(broadcastTo: full), at: positions, to: out, at: nil, count: positions.count)
        let result = Tensor(storage: out, shape: [positions.count])
        let selfShape = shape
        record(
            "masked_select", .maskedSelectBackward0, inputs: [self], outputs: [result], observed: [self, mask],
            saving: [.input("mask", mask), .input("self", self)]
        ) { ctx in
            let grad = Tensor.zeros(full, dtype: ctx.grad.dtype)
            moveElements(from: ctx.grad.contiguousStorage(), at: nil, to: grad.storage, at: positions, count: positions.count)
            return [try grad.sumTo(selfShape)]
        }
        return result
    }
}

extension NodeKind {
    static let gatherBackward0 = NodeKind("GatherBackward0")
    static let indexSelectBackward0 = NodeKind("IndexSelectBackward0")
    static let maskedFillBackward0 = NodeKind("MaskedFillBackward0")
    static let maskedFillBackward1 = NodeKind("MaskedFillBackward1")
    static let maskedSelectBackward0 = NodeKind("MaskedSelectBackward0")
    static let scatterAddBackward0 = NodeKind("ScatterAddBackward0")
    static let scatterBackward0 = NodeKind("ScatterBackward0")
    static let scatterBackward1 = NodeKind("ScatterBackward1")
    static let takeBackward0 = NodeKind("TakeBackward0")
}
