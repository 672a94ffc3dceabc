import Foundation

/// Variance and standard deviation (`var`, `std`, `var_mean`, `std_mean`): over all elements
/// or along dims, with Bessel's `unbiased` flag or an explicit `correction`.
enum StatisticsOps {
    private static func dims(_ a: OpArguments) throws -> [Int]? { try a.optionalIntList("dim") }
    private static func unbiased(_ a: OpArguments) throws -> Double { try a.bool("unbiased") ? 1 : 0 }
    private static func correction(_ a: OpArguments) throws -> Double { try a.optionalScalar("correction")?.doubleValue ?? 1 }

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "var(Tensor self, bool unbiased=True) -> Tensor", gradFn: "VarBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").variance(correction: unbiased($0)) }),
        OpDeclaration(
            "var.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor", gradFn: "VarBackward0",
            exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").variance(dims: dims($0), correction: unbiased($0), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "var.correction(Tensor self, int[1]? dim=None, *, Scalar? correction=None, bool keepdim=False) -> Tensor",
            gradFn: "VarBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").variance(dims: dims($0), correction: correction($0), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "std(Tensor self, bool unbiased=True) -> Tensor", gradFn: "StdBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").std(correction: unbiased($0)) }),
        OpDeclaration(
            "std.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor", gradFn: "StdBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").std(dims: dims($0), correction: unbiased($0), keepdim: $0.bool("keepdim")) }),
        OpDeclaration(
            "std.correction(Tensor self, int[1]? dim=None, *, Scalar? correction=None, bool keepdim=False) -> Tensor",
            gradFn: "StdBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").std(dims: dims($0), correction: correction($0), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "var_mean(Tensor self, bool unbiased=True) -> (Tensor, Tensor)", gradFn: "VarMeanBackward0",
            exposure: [.torch],
            returningTuple: { try $0.tensor("self").varianceAndMean(std: false, dims: nil, correction: unbiased($0)) }),
        OpDeclaration(
            "var_mean.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> (Tensor, Tensor)",
            gradFn: "VarMeanBackward0", exposure: [.torch],
            returningTuple: {
                try $0.tensor("self").varianceAndMean(
                    std: false, dims: dims($0), correction: unbiased($0), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "var_mean.correction(Tensor self, int[1]? dim=None, *, Scalar? correction=None, bool keepdim=False) -> (Tensor, Tensor)",
            gradFn: "VarMeanBackward0", exposure: [.torch],
            returningTuple: {
                try $0.tensor("self").varianceAndMean(
                    std: false, dims: dims($0), correction: correction($0), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "std_mean(Tensor self, bool unbiased=True) -> (Tensor, Tensor)", gradFn: "StdMeanBackward0",
            exposure: [.torch],
            returningTuple: { try $0.tensor("self").varianceAndMean(std: true, dims: nil, correction: unbiased($0)) }),
        OpDeclaration(
            "std_mean.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> (Tensor, Tensor)",
            gradFn: "StdMeanBackward0", exposure: [.torch],
            returningTuple: {
                try $0.tensor("self").varianceAndMean(
                    std: true, dims: dims($0), correction: unbiased($0), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "std_mean.correction(Tensor self, int[1]? dim=None, *, Scalar? correction=None, bool keepdim=False) -> (Tensor, Tensor)",
            gradFn: "StdMeanBackward0", exposure: [.torch],
            returningTuple: {
                try $0.tensor("self").varianceAndMean(
                    std: true, dims: dims($0), correction: correction($0), keepdim: $0.bool("keepdim"))
            })
    ]
}

extension Tensor {
    /// The variance over `dims` (every dim when nil or empty) with `correction` subtracted from
    /// the count (VarBackward0); PyTorch's warning when no degree of freedom is left.
    public func variance(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        let m = try moments("var", dims: dims, correction: correction, keepdim: keepdim)
        let out = Tensor.fromValues(m.variances, shape: m.shape, dtype: dtype)
        record("var", .varBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try Tensor.varianceBackward(ctx.grad, ctx.saved(0), m.dims, correction, keepdim)]
        }
        return out
    }

    /// The standard deviation over `dims` (StdBackward0); see `variance`.
    public func std(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        let m = try moments("std", dims: dims, correction: correction, keepdim: keepdim)
        let out = Tensor.fromValues(m.variances.map { $0.squareRoot() }, shape: m.shape, dtype: dtype)
        record(
            "std", .stdBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            [try Tensor.varianceBackward(Tensor.stdGrad(ctx.grad, ctx.saved(1)), ctx.saved(0), m.dims, correction, keepdim)]
        }
        return out
    }

    /// `var_mean`/`std_mean`: the variance (or standard deviation) and the mean over `dims`, as
    /// one node (VarMeanBackward0, StdMeanBackward0) that both outputs share.
    public func varianceAndMean(std: Bool, dims: [Int]?, correction: Double = 1, keepdim: Bool = false) throws -> [Tensor] {
        let name = std ? "std_mean" : "var_mean"
        let m = try moments(std ? "std" : "var", dims: dims, correction: correction, keepdim: keepdim)
        let spread = Tensor.fromValues(std ? m.variances.map { $0.squareRoot() } : m.variances, shape: m.shape, dtype: dtype)
        let mean = Tensor.fromValues(m.means, shape: m.shape, dtype: dtype)
        let count = Double(m.count)
        let (old, kept) = (shape, reducedShape(m.dims, keepdim: true))
        record(
            name, std ? .stdMeanBackward0 : .varMeanBackward0, inputs: [self], outputs: [spread, mean],
            saving: [.input("self", self)] + (std ? [.output("result0", 0)] : [])
        ) { ctx in
            let g = std ? try Tensor.stdGrad(ctx.grads[0], ctx.saved(1)) : ctx.grads[0]
            let fromSpread = try Tensor.varianceBackward(g, ctx.saved(0), m.dims, correction, keepdim)
            let fromMean = try (keepdim ? ctx.grads[1] : ctx.grads[1].reshape(kept)).expand(old).divScalar(count)
            return [try fromSpread.add(.tensor(fromMean))]
        }
        return [spread, mean]
    }

    /// What a variance-like reduction needs: the reduced dims, output shape, per-slice means
    /// and variances (sum of squared deviations over the degrees of freedom, at least 0).
    private struct Moments {
        let dims: [Int]
        let shape: [Int]
        let count: Int
        let means: [Double]
        let variances: [Double]
    }

    private func moments(_ op: String, dims requested: [Int]?, correction: Double, keepdim: Bool) throws -> Moments {
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("std and var only support floating point and complex dtypes")
        }
        let normalized = try reductionDims(requested ?? [])
        let dims = dim == 0 ? [] : (normalized.isEmpty ? Array(0..<dim) : normalized)
        let slices = Slices(self, dims: dims)
        let freedom = Double(slices.length) - correction
        if freedom <= 0 {
            Diagnostics.warn(
                "\(op)(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor (input numel divided by output numel). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/ReduceOps.cpp:1927.)"
            )
        }
        var means = [Double]()
        var variances = [Double]()
        for i in 0..<slices.count {
            let values = slices.slice(i)
            let mean = values.reduce(0, +) / Double(values.count)
            means.append(mean)
            variances.append(values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Swift.max(0, freedom))
        }
        let outShape = requested?.isEmpty == false || keepdim ? reducedShape(dims, keepdim: keepdim) : []
        return Moments(dims: dims, shape: outShape, count: slices.length, means: means, variances: variances)
    }

    /// PyTorch's std backward input to var_backward: `grad / (2 * result)`, zero where the result is 0.
    static func stdGrad(_ grad: Tensor, _ result: Tensor) throws -> Tensor {
        let scaled = try grad.div(.tensor(result.mul(.scalar(.double(2)))))
        return try maskedWhere(result.eq(.scalar(.double(0))), Tensor.scalar(0, dtype: scaled.dtype), scaled)
    }

    /// PyTorch's var_backward: `2 / (n - correction) * grad * (self - self.mean(dims, keepdim=True))`.
    static func varianceBackward(_ grad: Tensor, _ input: Tensor, _ dims: [Int], _ correction: Double, _ keepdim: Bool) throws
        -> Tensor
    {
        let kept = input.reducedShape(dims, keepdim: true)
        let n = input.shape.isEmpty ? 1 : dims.reduce(1) { $0 * input.shape[$1] }
        let g = keepdim || input.dim == 0 ? grad : try grad.reshape(kept)
        let centered = try input.sub(.tensor(input.mean(dims: dims, keepdim: true)))
        return try g.mul(.scalar(.double(2 / (Double(n) - correction)))).mul(.tensor(centered))
    }
}

extension NodeKind {
    static let stdBackward0 = NodeKind("StdBackward0")
    static let stdMeanBackward0 = NodeKind("StdMeanBackward0")
    static let varBackward0 = NodeKind("VarBackward0")
    static let varMeanBackward0 = NodeKind("VarMeanBackward0")
}
