/// `torch.kron` and `torch.tensordot`, composed as aten composes them
/// (aten/src/ATen/native/LinearAlgebra.cpp): kron multiplies interleaved unsafe views of both
/// operands (UnsafeViewBackward0 over MulBackward0); tensordot permutes and reshapes both to
/// matrices, multiplies them with `mm` and reshapes the product (ViewBackward0 over MmBackward0).
enum ContractionOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "kron(Tensor self, Tensor other) -> Tensor", gradFn: "UnsafeViewBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").kron($0.tensor("other")) }),
        OpDeclaration(
            "tensordot(Tensor self, Tensor other, int[] dims_self, int[] dims_other) -> Tensor", gradFn: "ViewBackward0",
            exposure: [],
            samples: OpSamples(
                shapes: ["self": [2, 3], "other": [3, 4]], arguments: ["dims_self": .intList([1]), "dims_other": .intList([0])]),
            forward: {
                try Tensor.tensordot(
                    $0.tensor("self"), $0.tensor("other"), dimsA: $0.intList("dims_self"), dimsB: $0.intList("dims_other"))
            })
    ]
}

extension Tensor {
    /// `torch.kron(self, other)`: the Kronecker product.
    public func kron(_ other: Tensor) throws -> Tensor {
        let rank = Swift.max(dim, other.dim)
        let selfShape = Array(repeating: 1, count: rank - dim) + shape
        let otherShape = Array(repeating: 1, count: rank - other.dim) + other.shape
        let a = try contiguous().unsafeView(selfShape.flatMap { [$0, 1] })
        let b = try other.contiguous().unsafeView(otherShape.flatMap { [1, $0] })
        return try a.mul(.tensor(b)).unsafeView(zip(selfShape, otherShape).map { $0 * $1 })
    }

    /// `torch.tensordot(a, b, dims=(dimsA, dimsB))`: sums the products over the paired dims.
    public static func tensordot(_ a: Tensor, _ b: Tensor, dimsA: [Int], dimsB: [Int]) throws -> Tensor {
        guard dimsA.count == dimsB.count else { throw TorchError.runtime("both dimension lists should have same length") }
        guard a.dtype == b.dtype else { throw TorchError.runtime("both inputs should have same dtype") }
        let da = try dimsA.map { try normalizeDim($0, rank: a.dim) }
        let db = try dimsB.map { try normalizeDim($0, rank: b.dim) }
        var (t1, t2) = (a, b)
        var contracted = 1
        for k in da.indices {
            let (i, j) = (da[k], db[k])
            let (s1, s2) = (a.shape[i], b.shape[j])
            if s2 == 1 {
                t1 = try t1.sum(dims: [i], keepdim: true)
            } else if s1 == 1 {
                t2 = try t2.sum(dims: [j], keepdim: true)
            } else {
                guard s1 == s2 else {
                    throw TorchError.runtime(
                        "contracted dimensions need to match, but first has size \(s1) in dim \(dimsA[k]) and second has size \(s2) in dim \(dimsB[k])"
                    )
                }
                contracted *= s1
            }
        }
        let freeA = (0..<a.dim).filter { !da.contains($0) }
        let freeB = (0..<b.dim).filter { !db.contains($0) }
        let rows = freeA.map { t1.shape[$0] }
        let columns = freeB.map { t2.shape[$0] }
        let left = try t1.permute(freeA + da).reshape([rows.reduce(1, *), contracted])
        let right = try t2.permute(db + freeB).reshape([contracted, columns.reduce(1, *)])
        return try left.mm(right).reshape(rows + columns)
    }
}
