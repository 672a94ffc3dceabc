/// `torch.diff`: n-th forward differences along a dim, a composite of narrow and sub as
/// ReduceOps.cpp's diff_helper computes it (so its grad_fn is SubBackward0).
enum DifferenceOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "diff(Tensor self, int n=1, int dim=-1, Tensor? prepend=None, Tensor? append=None) -> Tensor",
            gradFn: "SubBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").diff(
                    n: $0.int("n"), dim: $0.int("dim"), prepend: $0.optionalTensor("prepend"),
                    append: $0.optionalTensor("append"))
            })
    ]
}

extension Tensor {
    /// The `n`-th differences along `dim`, after joining `prepend` and `append` (of the input's
    /// rank and shape except along `dim`) to the input along it; bools differ by exclusive or.
    public func diff(n: Int = 1, dim: Int = -1, prepend: Tensor? = nil, append: Tensor? = nil) throws -> Tensor {
        guard self.dim >= 1 else { throw TorchError.runtime("diff expects input to be at least one-dimensional") }
        guard n >= 0 else { throw TorchError.runtime("order must be non-negative but got \(n)") }
        let d = try normalizeDim(dim, rank: self.dim)
        for other in [prepend, append].compactMap({ $0 }) { try checkJoinable(other, along: d) }
        if n == 0 { return try Tensor.zerosLike(self).copy_(self) }
        var result = self
        if prepend != nil || append != nil { result = try Tensor.cat([prepend, self, append].compactMap { $0 }, dim: d) }
        var length = result.shape[d] - 1
        for _ in 0..<Swift.min(n, result.shape[d]) {
            let later = try result.narrow(d, start: 1, length: length)
            let earlier = try result.narrow(d, start: 0, length: length)
            result = dtype == .bool ? try later.ne(.tensor(earlier)) : try later.sub(.tensor(earlier))
            length -= 1
        }
        return result
    }

    /// ReduceOps.cpp's diff_check_compatible_shape for a tensor to prepend or append.
    private func checkJoinable(_ other: Tensor, along d: Int) throws {
        guard other.dim == dim else {
            throw TorchError.runtime("diff expects prepend or append to be the same dimension as input")
        }
        for i in 0..<dim where i != d && other.shape[i] != shape[i] {
            throw TorchError.runtime(
                "diff expects the shape of tensor to prepend or append to match that of input except along the "
                    + "differencing dimension; input.size(\(i)) = \(shape[i]), but got tensor.size(\(i)) = \(other.shape[i])")
        }
    }
}
