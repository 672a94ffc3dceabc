/// `torch.trapezoid` / `torch.trapz` and `torch.cumulative_trapezoid`: the trapezoid rule along
/// `dim`, composed of recorded ops as aten/src/ATen/native/Integration.cpp composes them, so the
/// graph has PyTorch's nodes: with sample points `x`, `((left + right) * dx).sum(dim) / 2.`
/// (DivBackward1; `cumsum` for the cumulative rule); with a constant spacing,
/// `(y.sum(dim) - (y[0] + y[-1]) * 0.5) * dx` (MulBackward1; `(dx / 2. * (left + right)).cumsum(dim)`).
enum TrapezoidOps {
    private static let points = OpSamples.Constant([0, 0.5, 2], shape: [3], dtype: .float64)

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "trapezoid.x(Tensor y, Tensor x, *, int dim=-1) -> Tensor", gradFn: "DivBackward1", exposure: [.torch],
            samples: OpSamples(constants: ["x": points]),
            forward: { try Tensor.trapezoid($0.tensor("y"), x: $0.tensor("x"), dim: $0.int("dim")) }),
        OpDeclaration(
            "trapezoid.dx(Tensor y, *, Scalar dx=1, int dim=-1) -> Tensor", gradFn: "MulBackward1", exposure: [.torch],
            forward: { try Tensor.trapezoid($0.tensor("y"), dx: $0.scalar("dx"), dim: $0.int("dim")) }),
        OpDeclaration(
            "trapz.x(Tensor y, Tensor x, *, int dim=-1) -> Tensor", gradFn: "DivBackward1", exposure: [.torch],
            samples: OpSamples(constants: ["x": points]),
            forward: { try Tensor.trapezoid($0.tensor("y"), x: $0.tensor("x"), dim: $0.int("dim")) }),
        OpDeclaration(
            "trapz.dx(Tensor y, *, float dx=1.0, int dim=-1) -> Tensor", gradFn: "MulBackward1", exposure: [.torch],
            forward: { try Tensor.trapezoid($0.tensor("y"), dx: .double($0.double("dx")), dim: $0.int("dim")) }),
        OpDeclaration(
            "cumulative_trapezoid.x(Tensor y, Tensor x, *, int dim=-1) -> Tensor", gradFn: "DivBackward1",
            exposure: [.torch], samples: OpSamples(constants: ["x": points]),
            forward: { try Tensor.trapezoid($0.tensor("y"), x: $0.tensor("x"), dim: $0.int("dim"), cumulative: true) }),
        OpDeclaration(
            "cumulative_trapezoid.dx(Tensor y, *, Scalar dx=1, int dim=-1) -> Tensor", gradFn: "CumsumBackward0",
            exposure: [.torch],
            forward: { try Tensor.trapezoid($0.tensor("y"), dx: $0.scalar("dx"), dim: $0.int("dim"), cumulative: true) })
    ]
}

extension Tensor {
    /// `torch.trapezoid(y, x, dim=)` (or `cumulative_trapezoid` when `cumulative`): `x` holds
    /// the sample points, 1-D along `dim` or broadcasting against `y`.
    public static func trapezoid(_ y: Tensor, x: Tensor, dim: Int = -1, cumulative: Bool = false) throws -> Tensor {
        let op = cumulative ? "cumulative_trapezoid" : "trapezoid"
        let d = try normalizeDim(dim, rank: y.dim)
        let size = y.dim == 0 ? 1 : y.shape[d]
        if !cumulative && size == 0 { return try zerosExcept(y, d) }
        guard y.dtype != .bool && x.dtype != .bool else {
            throw TorchError.runtime("\(op): received a bool input for `x` or `y`, but bool is not supported")
        }
        var viewed = x
        if x.dim == 1 {
            guard x.shape[0] == size else {
                throw TorchError.runtime("\(op): There must be one `x` value for each sample point")
            }
            var sizes = [Int](repeating: 1, count: y.dim)
            sizes[d] = x.shape[0]
            viewed = try x.view(sizes)
        } else if x.dim < y.dim {
            viewed = try x.view([Int](repeating: 1, count: y.dim - x.dim) + x.shape)
        }
        let spacing = try viewed.slice(d, start: 1).sub(.tensor(viewed.slice(d, start: 0, end: -1)))
        let pairs = try y.slice(d, start: 0, end: -1).add(.tensor(y.slice(d, start: 1))).mul(.tensor(spacing))
        return try (cumulative ? pairs.cumsum(dim: d) : pairs.sum(dims: [d])).divScalar(2)
    }

    /// `torch.trapezoid(y, dx=, dim=)` (or `cumulative_trapezoid`): evenly spaced samples.
    public static func trapezoid(_ y: Tensor, dx: ScalarValue, dim: Int = -1, cumulative: Bool = false) throws -> Tensor {
        let op = cumulative ? "cumulative_trapezoid" : "trapezoid"
        let d = try normalizeDim(dim, rank: y.dim)
        if !cumulative && (y.dim == 0 ? 1 : y.shape[d]) == 0 { return try zerosExcept(y, d) }
        guard y.dtype != .bool else {
            throw TorchError.runtime("\(op): received a bool input for `y`, but bool is not supported")
        }
        if case .bool = dx { throw TorchError.runtime("\(op): Currently, we only support dx as a real number.") }
        let spacing = dx.doubleValue
        if cumulative {
            let pairs = try y.slice(d, start: 0, end: -1).add(.tensor(y.slice(d, start: 1)))
            return try pairs.mulScalar(spacing / 2).cumsum(dim: d)
        }
        let ends = try y.select(d, 0).add(.tensor(y.select(d, -1))).mulScalar(0.5)
        return try y.sum(dims: [d]).sub(.tensor(ends)).mulScalar(spacing)
    }

    /// `zeros_like_except(y, dim)`: zeros of y's shape without `dim`, in its dtype.
    private static func zerosExcept(_ y: Tensor, _ d: Int) throws -> Tensor {
        var sizes = y.shape
        sizes.remove(at: d)
        return Tensor.zeros(sizes, dtype: y.dtype)
    }
}
