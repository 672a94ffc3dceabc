/// `torch.linalg.matrix_rank`: how many singular values (absolute eigenvalues with
/// `hermitian=True`) exceed `max(atol, rtol * largest)`, as ATen's `matrix_rank_impl` counts
/// them; `rtol` defaults to the dtype's epsilon times the larger matrix dimension (0 when only
/// `atol` is given and positive). Not differentiable (an int64 result).
enum MatrixRankOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_matrix_rank.atol_rtol_float(Tensor self, *, float? atol=None, float? rtol=None, bool hermitian=False) -> Tensor",
            gradFn: nil, exposure: [.linalg],
            forward: {
                try $0.tensor("self").matrixRank(
                    atol: $0.optionalDouble("atol"), rtol: $0.optionalDouble("rtol"), hermitian: $0.bool("hermitian"))
            }),
        OpDeclaration(
            "linalg_matrix_rank(Tensor self, float tol, bool hermitian=False) -> Tensor", gradFn: nil, exposure: [.linalg],
            forward: { try $0.tensor("self").matrixRank(atol: $0.double("tol"), rtol: 0, hermitian: $0.bool("hermitian")) })
    ]
}

extension Tensor {
    /// `torch.linalg.matrix_rank(self, atol=, rtol=, hermitian=)`: int64, one count per matrix.
    public func matrixRank(atol: Double? = nil, rtol: Double? = nil, hermitian: Bool = false) throws -> Tensor {
        guard dim >= 2 else {
            throw TorchError.runtime("torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("This function doesn't handle types other than float and double")
        }
        let outShape = Array(shape.dropLast(2))
        if numel == 0 { return Tensor.zeros(outShape, dtype: .int64) }
        let epsilon = dtype == .float64 ? Double.ulpOfOne : Double(Float.ulpOfOne)
        let relative = rtol ?? ((atol ?? 0) > 0 ? 0 : epsilon * Double(Swift.max(shape[dim - 1], shape[dim - 2])))
        let values = try GradMode.noGrad { try hermitian ? eigvalsh().abs() : svdvals() }.doubles()
        let count = values.count / Swift.max(outShape.reduce(1, *), 1)
        let ranks = (0..<(values.count / Swift.max(count, 1))).map { m -> Double in
            let row = values[(m * count)..<((m + 1) * count)]
            let tolerance = Swift.max(atol ?? 0, relative * (row.max() ?? 0))
            return Double(row.filter { $0 > tolerance }.count)
        }
        return Tensor.internalTensor(ranks, shape: outShape, dtype: .int64)
    }
}
