import Foundation

/// Running reductions along a dim (`cumsum`, `cumprod`, `logcumsumexp`) and `logsumexp`, the
/// last value of `logcumsumexp` over several dims.
enum ScanOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "cumsum(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor", gradFn: "CumsumBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").cumsum(dim: $0.int("dim"), dtype: $0.optionalDType("dtype")) }),
        OpDeclaration(
            "cumprod(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor", gradFn: "CumprodBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").cumprod(dim: $0.int("dim"), dtype: $0.optionalDType("dtype")) }),
        OpDeclaration(
            "logcumsumexp(Tensor self, int dim) -> Tensor", gradFn: "LogcumsumexpBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").logcumsumexp(dim: $0.int("dim")) }),
        OpDeclaration(
            "logsumexp(Tensor self, int[1] dim, bool keepdim=False) -> Tensor", gradFn: "LogsumexpBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").logsumexp(dims: $0.intList("dim"), keepdim: $0.bool("keepdim")) })
    ]
}

extension Tensor {
    /// Running sums along `dim` (CumsumBackward0); integers and bools sum to int64 unless
    /// `dtype` says otherwise, which converts inside the op.
    public func cumsum(dim: Int, dtype requested: DType? = nil) throws -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        let outType = requested ?? (dtype.isFloatingPoint ? dtype : .int64)
        let out = scanned(d, dtype: outType) { values in
            var total = 0.0
            return values.map { v in
                total += v
                return total
            }
        }
        let inputType = dtype
        record("cumsum", .cumsumBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.reverseCumsum(d).to(inputType)]
        }
        return out
    }

    /// Running products along `dim` (CumprodBackward0), exact when the input holds zeros.
    public func cumprod(dim: Int, dtype requested: DType? = nil) throws -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        let outType = requested ?? (dtype.isFloatingPoint ? dtype : .int64)
        let out = scanned(d, dtype: outType) { values in
            var total = 1.0
            return values.map { v in
                total *= v
                return total
            }
        }
        record(
            "cumprod", .cumprodBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            let (input, result) = (try ctx.saved(0), try ctx.saved(1))
            guard !input.doubles().contains(0) else {
                return [try Tensor.cumprodBackwardWithZeros(ctx.grad, input, d)]
            }
            return [try ctx.grad.mul(.tensor(result)).reverseCumsum(d).div(.tensor(input))]
        }
        return out
    }

    /// `log(cumsum(exp(self)))` along `dim`, computed stably (LogcumsumexpBackward0).
    public func logcumsumexp(dim: Int) throws -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime(
                "logcumsumexp(): expected input to have floating point dtype but got \(dtype.scalarTypeName)")
        }
        let out = scanned(d, dtype: dtype) { values in
            var total = -Double.infinity
            return values.map { (v: Double) -> Double in
                let high = Swift.max(total, v)
                if high > -Double.infinity {
                    let sum: Double = Foundation.exp(total - high) + Foundation.exp(v - high)
                    total = high + Foundation.log(sum)
                }
                return total
            }
        }
        record(
            "logcumsumexp", .logcumsumexpBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            let (input, result) = (try ctx.saved(0), try ctx.saved(1))
            return [try ctx.grad.mul(.tensor(result.neg().exp())).reverseCumsum(d).mul(.tensor(input.exp()))]
        }
        return out
    }

    /// `log(sum(exp(self)))` over `dims` (every dim when empty), computed stably
    /// (LogsumexpBackward0); integers give float32.
    public func logsumexp(dims requested: [Int], keepdim: Bool = false) throws -> Tensor {
        let normalized = try reductionDims(requested)
        let dims = self.dim == 0 ? [] : (normalized.isEmpty ? Array(0..<self.dim) : normalized)
        let values = Slices(self, dims: dims).reduced { slice in
            let high = slice.max() ?? -.infinity
            guard high.isFinite else { return high }
            return high + Foundation.log(slice.reduce(0) { $0 + Foundation.exp($1 - high) })
        }
        let out = Tensor.fromValues(
            values, shape: reducedShape(dims, keepdim: keepdim), dtype: dtype.isFloatingPoint ? dtype : .float32)
        let kept = reducedShape(dims, keepdim: true)
        record(
            "logsumexp", .logsumexpBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            let (input, result) = (try ctx.saved(0), try ctx.saved(1).reshape(kept))
            return [try ctx.grad.reshape(kept).mul(.tensor(input.sub(.tensor(result)).exp()))]
        }
        return out
    }

    /// Each slice along `d` replaced by `scan` of its values, as a tensor of `dtype`.
    private func scanned(_ d: Int, dtype outType: DType, _ scan: ([Double]) -> [Double]) -> Tensor {
        let slices = Slices(self, dims: shape.isEmpty ? [] : [d])
        return Tensor.fromValues(slices.transformed(scan), shape: shape, dtype: outType)
    }

    /// Sums from each position to the end of its slice along `d` (cumsum's backward: the
    /// flipped cumsum of the flipped gradient); recorded as a cumsum, whose backward it is.
    func reverseCumsum(_ d: Int) throws -> Tensor {
        let out = scanned(d, dtype: dtype) { values in
            var total = 0.0
            return values.reversed().map { v in
                total += v
                return total
            }.reversed()
        }
        record("cumsum", .cumsumBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.cumsum(dim: d)]
        }
        return out
    }

    /// cumprod's gradient when the input has zeros: for each position k, the sum over j >= k
    /// of `grad[j]` times the product of the inputs up to j except k.
    static func cumprodBackwardWithZeros(_ grad: Tensor, _ input: Tensor, _ d: Int) throws -> Tensor {
        let dims = input.shape.isEmpty ? [] : [d]
        let gradSlices = Slices(grad, dims: dims)
        let inputSlices = Slices(input, dims: dims)
        var out = [Double](repeating: 0, count: input.numel)
        for i in 0..<inputSlices.count {
            let (x, g) = (inputSlices.slice(i), gradSlices.slice(i))
            for k in x.indices {
                var total = 0.0
                var product = 1.0
                for j in x.indices {
                    if j != k { product *= x[j] }
                    if j >= k { total += g[j] * product }
                }
                out[inputSlices.starts[i] + inputSlices.steps[k]] = total
            }
        }
        return fromValues(out, shape: input.shape, dtype: grad.dtype)
    }
}

extension NodeKind {
    static let cumprodBackward0 = NodeKind("CumprodBackward0")
    static let cumsumBackward0 = NodeKind("CumsumBackward0")
    static let logcumsumexpBackward0 = NodeKind("LogcumsumexpBackward0")
    static let logsumexpBackward0 = NodeKind("LogsumexpBackward0")
}
