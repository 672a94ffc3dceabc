import Foundation

/// Norms: `torch.linalg.vector_norm`/`matrix_norm`/`norm`, `torch.norm`/`Tensor.norm` (which
/// PyTorch's Python layer turns into a vector norm), and the `amax`/`amin` reductions matrix
/// norms are built from. Spectral norms (`ord=±2` on matrices) are computed without a gradient.
enum NormOps {
    private static func dims(_ a: OpArguments) throws -> [Int]? { try a.optionalIntList("dim") }

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_vector_norm(Tensor self, Scalar ord=2, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "LinalgVectorNormBackward0", exposure: [.linalg],
            forward: {
                try $0.tensor("self").vectorNorm(
                    ord: $0.scalar("ord").doubleValue, dims: dims($0), keepdim: $0.bool("keepdim"),
                    dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "linalg_matrix_norm(Tensor self, Scalar ord, int[] dim=[-2,-1], bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "AmaxBackward0", exposure: [.linalg], samples: OpSamples(arguments: ["ord": .scalar(.double(1))]),
            forward: {
                try $0.tensor("self").matrixNorm(
                    ord: .number($0.scalar("ord").doubleValue), dims: $0.intList("dim"), keepdim: $0.bool("keepdim"),
                    dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "linalg_matrix_norm.str_ord(Tensor self, str ord=\"fro\", int[] dim=[-2,-1], bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "LinalgVectorNormBackward0", exposure: [.linalg],
            forward: {
                try $0.tensor("self").matrixNorm(
                    ord: .named($0.string("ord")), dims: $0.intList("dim"), keepdim: $0.bool("keepdim"),
                    dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "linalg_norm(Tensor self, Scalar? ord=None, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "LinalgVectorNormBackward0", exposure: [.linalg],
            forward: {
                try $0.tensor("self").linalgNorm(
                    ord: $0.optionalScalar("ord").map { .number($0.doubleValue) }, dims: dims($0),
                    keepdim: $0.bool("keepdim"), dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "linalg_norm.ord_str(Tensor self, str ord, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "LinalgVectorNormBackward0", exposure: [.linalg],
            samples: OpSamples(arguments: ["ord": .string("fro")]),
            forward: {
                try $0.tensor("self").linalgNorm(
                    ord: .named($0.string("ord")), dims: dims($0), keepdim: $0.bool("keepdim"),
                    dtype: $0.optionalDType("dtype"))
            }),
        // torch.norm and Tensor.norm as torch/functional.py defines them (p=None or 'fro' is the
        // 2-norm): a vector norm over `dim`, or over every element.
        OpDeclaration(
            "norm.ScalarOpt_dim_dtype(Tensor self, Scalar? p=2, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "LinalgVectorNormBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").vectorNorm(
                    ord: $0.optionalScalar("p")?.doubleValue ?? 2, dims: dims($0), keepdim: $0.bool("keepdim"),
                    dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "norm.str(Tensor self, str p, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "LinalgVectorNormBackward0", exposure: [.torch, .method],
            samples: OpSamples(arguments: ["p": .string("fro")]),
            forward: {
                let input = try $0.tensor("self")
                let (p, dims, keepdim) = (try $0.string("p"), try dims($0), try $0.bool("keepdim"))
                if p == "fro" && (dims?.count ?? 0) <= 2 {
                    return try input.vectorNorm(ord: 2, dims: dims, keepdim: keepdim, dtype: $0.optionalDType("dtype"))
                }
                return try input.matrixNorm(
                    ord: .named(p), dims: dims ?? Array(0..<input.dim), keepdim: keepdim, dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "dist(Tensor self, Tensor other, Scalar p=2) -> Tensor", gradFn: "DistBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").dist($0.tensor("other"), p: $0.scalar("p").doubleValue) }),
        OpDeclaration(
            "amax(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor", gradFn: "AmaxBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").amax(dims: $0.intList("dim"), keepdim: $0.bool("keepdim")) }),
        OpDeclaration(
            "amin(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor", gradFn: "AminBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").amin(dims: $0.intList("dim"), keepdim: $0.bool("keepdim")) })
    ]
}

/// A matrix norm's order: a number (1, -1, ±inf, ±2) or a name ('fro', 'nuc').
public enum MatrixNormOrder: Sendable {
    case number(Double)
    case named(String)
}

extension Tensor {
    /// `linalg.vector_norm(ord, dim, keepdim, dtype)` (LinalgVectorNormBackward0): over every
    /// element when `dims` is nil or empty; ord 0 counts non-zeros, ±inf is the largest or
    /// smallest absolute value.
    public func vectorNorm(ord: Double = 2, dims requested: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws
        -> Tensor
    {
        guard self.dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(self.dtype.scalarTypeName)")
        }
        let normalized = try reductionDims(requested ?? [])
        let dims = self.dim == 0 ? [] : (normalized.isEmpty ? Array(0..<self.dim) : normalized)
        let values =
            pytorchOrderNorms(ord: ord, dims: dims, dtype: dtype)
            ?? Slices(self, dims: dims).reduced {
                Tensor.vectorNormValue($0, ord)
            }
        let outShape =
            keepdim ? reducedShape(dims, keepdim: true) : (normalized.isEmpty ? [] : reducedShape(dims, keepdim: false))
        let out = Tensor.fromValues(values, shape: outShape, dtype: dtype ?? self.dtype)
        let kept = reducedShape(dims, keepdim: true)
        record(
            "linalg_vector_norm", .linalgVectorNormBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            let input = try ctx.saved(0)
            let grad = try ctx.grad.reshape(kept)
            let result = try ctx.saved(1).reshape(kept)
            return [try Tensor.vectorNormBackward(grad, input, ord, result, dims).to(input.dtype)]
        }
        return out
    }

    /// p-norms of a floating tensor computed in its own type, in PyTorch's order
    /// (NormKernel.swift); nil for ord 0 and ±inf (exact in any order), or when `dtype` asks for
    /// another type.
    private func pytorchOrderNorms(ord: Double, dims: [Int], dtype: DType?) -> [Double]? {
        guard ord != 0, ord.isFinite, dtype == nil || dtype == self.dtype else { return nil }
        let keptShape = reducedShape(dims, keepdim: true)
        var outputStrides = contiguousStrides(keptShape)
        for d in dims { outputStrides[d] = 0 }
        return self.dtype.dispatchFloat(
            VectorNormVisitor(
                ord: ord, input: self, outputStrides: outputStrides, outputCount: keptShape.reduce(1, *)))
    }

    private static func vectorNormValue(_ values: [Double], _ ord: Double) -> Double {
        if ord == 0 { return Double(values.filter { $0 != 0 }.count) }
        if values.contains(where: \.isNaN) { return .nan }
        let magnitudes = values.map { Swift.abs($0) }
        if ord == .infinity { return magnitudes.max() ?? 0 }
        if ord == -.infinity { return magnitudes.min() ?? .infinity }
        if ord == 1 { return magnitudes.reduce(0, +) }
        if ord == 2 { return magnitudes.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        return Foundation.pow(magnitudes.reduce(0) { $0 + Foundation.pow($1, ord) }, 1 / ord)
    }

    /// `torch.dist(self, other, p)`: the `p`-norm of the broadcast difference over every element
    /// (DistBackward0, whose backward is the norm's for `self` and its negation for `other`).
    public func dist(_ other: Tensor, p: Double = 2) throws -> Tensor {
        let out = try GradMode.noGrad { try self.sub(.tensor(other)).vectorNorm(ord: p) }
        let (selfShape, otherShape) = (shape, other.shape)
        record(
            "dist", .distBackward0, inputs: [self, other], outputs: [out],
            saving: [.input("self", self), .input("other", other), .output("result", 0)],
            keeping: [("p", .scalar(.double(p)))]
        ) { ctx in
            // PyTorch's norm_backward gives no tensor for p = 0, which negating for `other` refuses.
            if p == 0 {
                guard !ctx.needsGrad(1) else {
                    throw TorchError.runtime(
                        "Expected a proper Tensor but got None (or an undefined Tensor in C++) for argument #0 'self'")
                }
                return [nil, nil]
            }
            let difference = try ctx.saved("self").sub(.tensor(ctx.saved("other")))
            let kept = [Int](repeating: 1, count: difference.dim)
            let grad = try Tensor.vectorNormBackward(
                ctx.grad.reshape(kept), difference, p, ctx.saved("result").reshape(kept), Array(0..<difference.dim))
            return [
                ctx.needsGrad(0) ? try grad.sumTo(selfShape) : nil,
                ctx.needsGrad(1) ? try grad.neg().sumTo(otherShape) : nil
            ]
        }
        return out
    }

    /// PyTorch's linalg_vector_norm_backward, with `grad` and `result` shaped as with keepdim.
    static func vectorNormBackward(_ grad: Tensor, _ input: Tensor, _ ord: Double, _ result: Tensor, _ dims: [Int]) throws
        -> Tensor
    {
        let zero = Tensor.scalar(0, dtype: input.dtype)
        if ord == 0 { return try input.mul(.tensor(zero)) }
        if ord == 1 { return try input.sgn().mul(.tensor(grad)) }
        if ord == 2 {
            let scaled = try maskedWhere(result.eq(.scalar(.double(0))), zero, input.div(.tensor(result)))
            return try grad.mul(.tensor(scaled))
        }
        if ord.isInfinite {
            let magnitude = try input.abs()
            let mask = try magnitude.eq(.tensor(result)).logicalOr(magnitude.isnan()).to(input.dtype)
            let count = try mask.sum(dims: dims, keepdim: true)
            return try input.sgn().mul(.tensor(grad.div(.tensor(count)).mul(.tensor(mask))))
        }
        if ord < 1 {
            let powered = try maskedWhere(input.eq(.scalar(.double(0))), zero, input.abs().pow(ord - 1))
            return try input.sgn().mul(.tensor(powered)).mul(.tensor(grad)).mul(.tensor(result.pow(1 - ord)))
        }
        let scale = try maskedWhere(result.eq(.scalar(.double(0))), zero, grad.div(.tensor(result.pow(ord - 1))))
        return try input.sgn().mul(.tensor(input.abs().pow(ord - 1))).mul(.tensor(scale))
    }

    /// `linalg.matrix_norm(ord, dim, keepdim)` over the two `dims`: 'fro' is the vector 2-norm,
    /// ±1 and ±inf the largest or smallest column or row sum of absolute values (AmaxBackward0,
    /// AminBackward0), ±2 the largest or smallest singular value.
    public func matrixNorm(ord: MatrixNormOrder, dims: [Int] = [-2, -1], keepdim: Bool = false, dtype: DType? = nil) throws
        -> Tensor
    {
        guard self.dim >= 2 else {
            throw TorchError.runtime("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
        }
        guard dims.count == 2 else {
            throw TorchError.runtime(
                "linalg.matrix_norm: dim must be a 2-tuple. Got \(dims.map(String.init).joined(separator: " "))")
        }
        var d = try dims.map { try normalizeDim($0, rank: self.dim) }
        guard d[0] != d[1] else {
            throw TorchError.runtime("linalg.matrix_norm: dims must be different. Got (\(dims[0]), \(dims[1]))")
        }
        switch ord {
        case .named("fro"):
            return try vectorNorm(ord: 2, dims: d, keepdim: keepdim, dtype: dtype)
        case .named(let name):
            throw TorchError.runtime("linalg.matrix_norm: Order \(name) not supported.")
        case .number(let p) where Swift.abs(p) == 2:
            return try spectralNorm(largest: p > 0, dims: d, keepdim: keepdim)
        case .number(let p) where Swift.abs(p) == 1 || p.isInfinite:
            if p.isInfinite { d.swapAt(0, 1) }
            if !keepdim && d[0] < d[1] { d[1] -= 1 }
            let sums = try vectorNorm(ord: 1, dims: [d[0]], keepdim: keepdim, dtype: dtype)
            return p > 0 ? try sums.amax(dims: [d[1]], keepdim: keepdim) : try sums.amin(dims: [d[1]], keepdim: keepdim)
        case .number(let p):
            throw TorchError.runtime(
                "linalg.matrix_norm: Order \(p) not supported.")
        }
    }

    /// `linalg.norm`: a vector norm unless `ord` is given with no dim on a 2-D input, or `dim`
    /// names two dims, which make it a matrix norm.
    public func linalgNorm(ord: MatrixNormOrder?, dims: [Int]?, keepdim: Bool = false, dtype: DType? = nil) throws -> Tensor {
        if let dims, dims.count == 2 {
            return try matrixNorm(ord: ord ?? .named("fro"), dims: dims, keepdim: keepdim, dtype: dtype)
        }
        if let ord, dims == nil {
            guard self.dim == 1 || self.dim == 2 else {
                throw TorchError.runtime(
                    "linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got \(self.dim)D.")
            }
            if self.dim == 2 { return try matrixNorm(ord: ord, dims: [-2, -1], keepdim: keepdim, dtype: dtype) }
        }
        switch ord {
        case .named(let name)?:
            throw TorchError.runtime("linalg.vector_norm: Order \(name) not supported.")
        case .number(let p)?:
            return try vectorNorm(ord: p, dims: dims, keepdim: keepdim, dtype: dtype)
        case nil:
            return try vectorNorm(ord: 2, dims: dims, keepdim: keepdim, dtype: dtype)
        }
    }

    /// The largest or smallest singular value of each matrix over `dims` (no gradient), from
    /// LAPACK's `?gesdd` without vectors as PyTorch's `linalg.svdvals` computes them.
    private func spectralNorm(largest: Bool, dims: [Int], keepdim: Bool) throws -> Tensor {
        if requiresGrad && GradMode.isEnabled {
            throw TorchError.unsupportedOperation("linalg.matrix_norm with ord=2 or -2 does not compute gradients in GradScope")
        }
        let (rows, columns) = (shape[dims[0]], shape[dims[1]])
        // A singular value decomposition takes at least rows * columns * min(rows, columns) steps;
        // the values are copied as Doubles, then per matrix, then column-major for LAPACK.
        let count = rows * columns == 0 ? 0 : numel / (rows * columns)
        try WorkBudget.reserveProducts(batch: count, m: rows, k: columns, n: Swift.min(rows, columns))
        try MemoryBudget.reserve(numel, itemSize: 3 * DType.float64.itemSize, shape: shape)
        let slices = Slices(self, dims: dims)
        let matrices = Tensor.fromValues(
            (0..<slices.count).flatMap { slices.slice($0) }, shape: [slices.count, rows, columns], dtype: dtype)
        let k = Swift.min(rows, columns)
        let singular = try Tensor.singularValues(ColumnMajorBatch(matrices), vectors: .none, batched: true, dtype: dtype).s
        let values = (0..<slices.count).map { b in
            k == 0 ? 0 : (largest ? singular[b * k] : singular[b * k + k - 1])
        }
        let outShape = reducedShape(dims, keepdim: keepdim)
        let out = Tensor.fromValues(values, shape: outShape, dtype: dtype)
        reportNonDifferentiable("linalg_matrix_norm", inputs: [self], outputs: [out])
        return out
    }

    /// The largest value over `dims` (all when empty) (AmaxBackward0); the gradient is shared
    /// evenly among the elements equal to it.
    public func amax(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor {
        try extremeOver(dims, keepdim: keepdim, largest: true)
    }

    /// The smallest value over `dims` (AminBackward0).
    public func amin(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor {
        try extremeOver(dims, keepdim: keepdim, largest: false)
    }

    private func extremeOver(_ requested: [Int], keepdim: Bool, largest: Bool) throws -> Tensor {
        let op = largest ? "amax" : "amin"
        let normalized = try reductionDims(requested)
        let dims = self.dim == 0 ? [] : (normalized.isEmpty ? Array(0..<self.dim) : normalized)
        if normalized.isEmpty && numel == 0 {
            throw TorchError.runtime(
                "\(op)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."
            )
        }
        if let empty = dims.first(where: { shape[$0] == 0 }) {
            throw TorchError.index("\(op)(): Expected reduction dim \(empty) to have non-zero size.")
        }
        let values = Slices(self, dims: dims).reduced { slice in
            if let nan = slice.first(where: \.isNaN) { return nan }
            return (largest ? slice.max() : slice.min()) ?? 0
        }
        let out = Tensor.fromValues(values, shape: reducedShape(dims, keepdim: keepdim), dtype: dtype)
        let kept = reducedShape(dims, keepdim: true)
        record(
            op, largest ? .amaxBackward0 : .aminBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            let input = try ctx.saved(0)
            let mask = try ctx.saved(1).reshape(kept).eq(.tensor(input)).to(input.dtype)
            let count = try mask.sum(dims: dims, keepdim: true)
            return [try ctx.grad.reshape(kept).div(.tensor(count)).mul(.tensor(mask))]
        }
        return out
    }
}

extension NodeKind {
    static let amaxBackward0 = NodeKind("AmaxBackward0")
    static let aminBackward0 = NodeKind("AminBackward0")
    static let distBackward0 = NodeKind("DistBackward0")
    static let linalgVectorNormBackward0 = NodeKind("LinalgVectorNormBackward0")
}
