/// Ops that count or locate elements and have no gradient: `nonzero`/`argwhere`, `bincount`,
/// `histc`, `count_nonzero`, `isin`, `searchsorted` and `bucketize`, with PyTorch's dtypes and
/// checks.
enum CountingOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "nonzero(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").nonzero() }),
        OpDeclaration(
            "argwhere(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").nonzero() }),
        OpDeclaration(
            "bincount(Tensor self, Tensor? weights=None, int minlength=0) -> Tensor", gradFn: nil,
            exposure: [.torch],
            samples: OpSamples(constants: ["self": OpSamples.Constant([0, 2, 2, 5], shape: [4], dtype: .int64)]),
            forward: { try $0.tensor("self").bincount(weights: $0.optionalTensor("weights"), minlength: $0.int("minlength")) }),
        OpDeclaration(
            "histc(Tensor self, int bins=100, Scalar min=0, Scalar max=0) -> Tensor", gradFn: nil,
            exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").histc(
                    bins: $0.int("bins"), min: $0.scalar("min").doubleValue, max: $0.scalar("max").doubleValue)
            }),
        OpDeclaration(
            "count_nonzero.dim_IntList(Tensor self, int[] dim) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            samples: OpSamples(arguments: ["dim": .intList([0, 1])]),
            forward: { try $0.tensor("self").countNonzero(dims: $0.intList("dim")) }),
        OpDeclaration(
            "count_nonzero(Tensor self, int? dim=None) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").countNonzero(dims: $0.optionalInt("dim").map { [$0] } ?? []) }),
        OpDeclaration(
            "isin.Tensor_Tensor(Tensor elements, Tensor test_elements, *, bool assume_unique=False, bool invert=False) -> Tensor",
            gradFn: nil, exposure: [.torch],
            forward: { try Tensor.isin($0.tensor("elements"), $0.tensor("test_elements"), invert: $0.bool("invert")) }),
        OpDeclaration(
            "isin.Tensor_Scalar(Tensor elements, Scalar test_element, *, bool assume_unique=False, bool invert=False) -> Tensor",
            gradFn: nil, exposure: [.torch], samples: OpSamples(arguments: ["test_element": .scalar(.double(0.2))]),
            forward: {
                let test = Tensor.wrapped(try $0.scalar("test_element"), dtype: try $0.scalar("test_element").wrappedDType)
                return try Tensor.isin($0.tensor("elements"), test, invert: $0.bool("invert"))
            }),
        OpDeclaration(
            "isin.Scalar_Tensor(Scalar element, Tensor test_elements, *, bool assume_unique=False, bool invert=False) -> Tensor",
            gradFn: nil, exposure: [.torch], samples: OpSamples(arguments: ["element": .scalar(.double(0.2))]),
            forward: {
                let element = Tensor.wrapped(try $0.scalar("element"), dtype: try $0.scalar("element").wrappedDType)
                return try Tensor.isin(element, $0.tensor("test_elements"), invert: $0.bool("invert"))
            }),
        OpDeclaration(
            "bucketize.Tensor(Tensor self, Tensor boundaries, *, bool out_int32=False, bool right=False) -> Tensor",
            gradFn: nil, exposure: [.torch],
            samples: OpSamples(constants: ["boundaries": OpSamples.Constant([-1, 0, 0.5, 2], shape: [4], dtype: .float64)]),
            forward: {
                try Tensor.bucketize(
                    $0.tensor("self"), boundaries: $0.tensor("boundaries"), outInt32: $0.bool("out_int32"),
                    right: $0.bool("right"))
            }),
        OpDeclaration(
            "bucketize.Scalar(Scalar self, Tensor boundaries, *, bool out_int32=False, bool right=False) -> Tensor",
            gradFn: nil, exposure: [.torch],
            samples: OpSamples(
                arguments: ["self": .scalar(.double(0.7))],
                constants: ["boundaries": OpSamples.Constant([-1, 0, 0.5, 2], shape: [4], dtype: .float64)]),
            forward: {
                let boundaries = try $0.tensor("boundaries")
                let value = Tensor.wrapped(try $0.scalar("self"), dtype: boundaries.dtype)
                return try Tensor.bucketize(
                    value, boundaries: boundaries, outInt32: $0.bool("out_int32"), right: $0.bool("right"))
            }),
        OpDeclaration(
            "searchsorted.Tensor(Tensor sorted_sequence, Tensor self, *, bool out_int32=False, bool right=False, str? side=None) -> Tensor",
            gradFn: nil, exposure: [.torch],
            samples: OpSamples(
                constants: ["sorted_sequence": OpSamples.Constant([-1, 0, 0.5, 2], shape: [4], dtype: .float64)]),
            forward: {
                try Tensor.searchsorted(
                    $0.tensor("sorted_sequence"), $0.tensor("self"), outInt32: $0.bool("out_int32"), right: $0.bool("right"),
                    side: $0.optionalString("side"))
            }),
        OpDeclaration(
            "searchsorted.Scalar(Tensor sorted_sequence, Scalar self, *, bool out_int32=False, bool right=False, str? side=None) -> Tensor",
            gradFn: nil, exposure: [.torch],
            samples: OpSamples(
                arguments: ["self": .scalar(.double(0.7))],
                constants: ["sorted_sequence": OpSamples.Constant([-1, 0, 0.5, 2], shape: [4], dtype: .float64)]),
            forward: {
                let sequence = try $0.tensor("sorted_sequence")
                let value = Tensor.wrapped(try $0.scalar("self"), dtype: sequence.dtype)
                return try Tensor.searchsorted(
                    sequence, value, outInt32: $0.bool("out_int32"), right: $0.bool("right"), side: $0.optionalString("side"))
            })
    ]
}

extension Tensor {
    /// The coordinates of the non-zero elements, one row each (`[n, dim]`, int64).
    public func nonzero() throws -> Tensor {
        let columns = (dim == 0 ? Tensor(storage: contiguousStorage(), shape: []) : self).nonzeroCoordinates()
        let count = dim == 0 ? (doubles()[0] != 0 ? 1 : 0) : columns.first?.numel ?? 0
        var values = [Double]()
        values.reserveCapacity(count * dim)
        let coordinates = columns.map { $0.doubles() }
        for row in 0..<count { for c in coordinates { values.append(c[row]) } }
        let out = Tensor.fromValues(values, shape: [count, dim], dtype: .int64)
        reportNonDifferentiable("nonzero", inputs: [self], outputs: [out])
        return out
    }

    /// How often each value of a 1-D non-negative integer tensor occurs (or the sum of its
    /// `weights`), over at least `minlength` bins.
    public func bincount(weights: Tensor? = nil, minlength: Int = 0) throws -> Tensor {
        if minlength < 0 { throw TorchError.runtime("minlength should be >= 0") }
        if dtype.isFloatingPoint {
            throw TorchError.unsupportedOperation("\"bincount_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let values = doubles()
        guard dim == 1, values.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime("bincount only supports 1-d non-negative integral inputs.")
        }
        if let weights, weights.dim != 1 || weights.numel != numel {
            throw TorchError.runtime("weights should be 1-d and have the same length as input")
        }
        let bins = Swift.max(minlength, Int(values.max() ?? -1) + 1)
        var counts = [Double](repeating: 0, count: bins)
        let w = weights?.doubles()
        for (i, v) in values.enumerated() { counts[Int(v)] += w?[i] ?? 1 }
        let outDType: DType = weights == nil ? .int64 : weights?.dtype == .float32 ? .float32 : .float64
        let out = Tensor.fromValues(counts, shape: [bins], dtype: outDType)
        reportNonDifferentiable("bincount", inputs: [self] + (weights.map { [$0] } ?? []), outputs: [out])
        return out
    }

    /// A histogram of `bins` equal bins over `[min, max]` (the data's range when both are 0);
    /// values outside are ignored.
    public func histc(bins: Int = 100, min low: Double = 0, max high: Double = 0) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"histogram_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        if bins <= 0 { throw TorchError.runtime("torch.histogram(): bins must be > 0, but got \(bins) for dimension 0") }
        if low > high { throw TorchError.runtime("torch.histc: max must be larger than min") }
        let values = doubles()
        var (lo, hi) = (low, high)
        if lo == hi, let first = values.first {
            lo = values.min() ?? first
            hi = values.max() ?? first
        }
        if lo == hi {
            lo -= 1
            hi += 1
        }
        var counts = [Double](repeating: 0, count: bins)
        for v in values where v >= lo && v <= hi {
            let position = Int((v - lo) * Double(bins) / (hi - lo))
            counts[Swift.min(position, bins - 1)] += 1
        }
        let out = Tensor.fromValues(counts, shape: [bins], dtype: dtype)
        reportNonDifferentiable("histc", inputs: [self], outputs: [out])
        return out
    }

    /// How many elements are non-zero (NaN counts) over `dims` (all dims when empty), as int64.
    public func countNonzero(dims: [Int]) throws -> Tensor {
        let reduced = try reductionDims(dims)
        let out = try materialized(as: .bool).sumValues(reduced.isEmpty ? Array(0..<dim) : reduced, keepdim: false)
        reportNonDifferentiable("count_nonzero", inputs: [self], outputs: [out])
        return out
    }

    /// Whether each of `elements` equals one of `testElements` (compared as their common
    /// dtype; NaN equals nothing), or the opposite with `invert`; bool, of `elements`' shape.
    public static func isin(_ elements: Tensor, _ testElements: Tensor, invert: Bool = false) throws -> Tensor {
        let dtype = resultType([elements, testElements])
        let tests = Set(testElements.materialized(as: dtype).doubles())
        let values = elements.materialized(as: dtype).doubles().map { tests.contains($0) != invert ? 1.0 : 0.0 }
        let out = Tensor.fromValues(values, shape: elements.shape, dtype: .bool)
        reportNonDifferentiable("isin", inputs: [elements, testElements], outputs: [out])
        return out
    }

    /// For each value, the index of the bucket of the 1-D `boundaries` it falls in
    /// (`searchsorted(boundaries, values)`), as int64 (int32 with `outInt32`).
    public static func bucketize(_ values: Tensor, boundaries: Tensor, outInt32: Bool = false, right: Bool = false)
        throws -> Tensor
    {
        guard boundaries.dim == 1 else {
            throw TorchError.runtime("boundaries tensor must be 1 dimension, but got dim(\(boundaries.dim))")
        }
        return try searchsorted(boundaries, values, outInt32: outInt32, right: right)
    }

    /// For each value, the index where it would be inserted into the innermost dim of
    /// `sortedSequence` (the last such index with `right`/`side="right"`), as int64 (int32 with
    /// `outInt32`).
    public static func searchsorted(
        _ sortedSequence: Tensor, _ values: Tensor, outInt32: Bool = false, right: Bool = false, side: String? = nil
    ) throws -> Tensor {
        if let side {
            guard side == "left" || side == "right" else {
                throw TorchError.runtime("torch.searchsorted(): side can only be 'left' or 'right' but got \(side)")
            }
            if right && side == "left" {
                throw TorchError.runtime(
                    "torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True")
            }
        }
        let upper = right || side == "right"
        guard sortedSequence.dim >= 1 else {
            throw TorchError.runtime(
                "torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension")
        }
        let rowLength = sortedSequence.shape[sortedSequence.dim - 1]
        let leading = Array(sortedSequence.shape.dropLast())
        if sortedSequence.dim > 1 && (values.dim != sortedSequence.dim || Array(values.shape.dropLast()) != leading) {
            throw TorchError.runtime(
                "torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor \(shapeText(sortedSequence.shape)) and input value tensor \(shapeText(values.shape))"
            )
        }
        let boundaries = sortedSequence.doubles()
        let inputs = values.doubles()
        let perRow = values.dim == 0 ? 1 : values.shape[values.dim - 1]
        let positions = inputs.enumerated().map { i, v -> Double in
            let start = sortedSequence.dim == 1 ? 0 : (i / perRow) * rowLength
            var (lo, hi) = (0, rowLength)
            while lo < hi {
                let mid = (lo + hi) / 2
                let b = boundaries[start + mid]
                if upper ? b <= v : b < v { lo = mid + 1 } else { hi = mid }
            }
            return Double(lo)
        }
        let out = Tensor.fromValues(positions, shape: values.shape, dtype: outInt32 ? .int32 : .int64)
        reportNonDifferentiable("searchsorted", inputs: [sortedSequence, values], outputs: [out])
        return out
    }
}

/// `[2, 3]`, as ATen's messages print sizes.
private func shapeText(_ shape: [Int]) -> String { "[\(shape.map(String.init).joined(separator: ", "))]" }
