/// `torch.quantile` and `torch.nanquantile` (tensor and float `q`), composed as PyTorch 2.15's
/// aten/src/ATen/native/Sorting.cpp composes them, so the graph has its nodes: the reduced dim
/// moved last and reshaped to `[*rows, n]`; ranks `q * (n - 1)` in double (NaN rows ranked last
/// for quantile; nanquantile ranks among the non-NaN values); the values at the ranks below and
/// above gathered (GatherBackward0) and interpolated in place (`lerp_`, LerpBackward1); the
/// padded q dim squeezed in place (SqueezeBackward4). The gathers read a sorted copy
/// (SortBackward0) unless a row has at least k² values for the k ranks needed (one per level,
/// two when interpolating): then they read the rows themselves at positions found by
/// `std::nth_element`.
enum QuantileOps {
    private static let level = OpSamples.Constant([0.3], shape: [], dtype: .float64)

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "quantile(Tensor self, Tensor q, int? dim=None, bool keepdim=False, *, str interpolation=\"linear\") -> Tensor",
            gradFn: "SqueezeBackward4", exposure: [.torch, .method], samples: OpSamples(constants: ["q": level]),
            forward: {
                try $0.tensor("self").quantile(
                    .tensor($0.tensor("q")), dim: $0.optionalInt("dim"), keepdim: $0.bool("keepdim"),
                    interpolation: $0.string("interpolation"))
            }),
        OpDeclaration(
            "quantile.scalar(Tensor self, float q, int? dim=None, bool keepdim=False, *, str interpolation=\"linear\") -> Tensor",
            gradFn: "SqueezeBackward4", exposure: [.torch, .method], samples: OpSamples(arguments: ["q": .double(0.3)]),
            forward: {
                try $0.tensor("self").quantile(
                    .scalar(.double($0.double("q"))), dim: $0.optionalInt("dim"), keepdim: $0.bool("keepdim"),
                    interpolation: $0.string("interpolation"))
            }),
        OpDeclaration(
            "nanquantile(Tensor self, Tensor q, int? dim=None, bool keepdim=False, *, str interpolation=\"linear\") -> Tensor",
            gradFn: "SqueezeBackward4", exposure: [.torch, .method], samples: OpSamples(constants: ["q": level]),
            forward: {
                try $0.tensor("self").quantile(
                    .tensor($0.tensor("q")), dim: $0.optionalInt("dim"), keepdim: $0.bool("keepdim"),
                    interpolation: $0.string("interpolation"), ignoringNaN: true)
            }),
        OpDeclaration(
            "nanquantile.scalar(Tensor self, float q, int? dim=None, bool keepdim=False, *, str interpolation=\"linear\") -> Tensor",
            gradFn: "SqueezeBackward4", exposure: [.torch, .method], samples: OpSamples(arguments: ["q": .double(0.3)]),
            forward: {
                try $0.tensor("self").quantile(
                    .scalar(.double($0.double("q"))), dim: $0.optionalInt("dim"), keepdim: $0.bool("keepdim"),
                    interpolation: $0.string("interpolation"), ignoringNaN: true)
            })
    ]
}

/// How `quantile` picks between the two values around a rank.
private enum QuantileInterpolation: String {
    case linear, lower, higher, midpoint, nearest

    /// Whether the result mixes the values below and above (`lerp`).
    var interpolates: Bool { self == .linear || self == .midpoint }
}

extension Tensor {
    /// `torch.quantile(self, q, dim, keepdim, interpolation=)` (or `nanquantile` when
    /// `ignoringNaN`): `q` a float or a 0-dim / 1-D tensor of self's dtype in [0, 1].
    public func quantile(
        _ q: Operand, dim: Int? = nil, keepdim: Bool = false, interpolation: String = "linear", ignoringNaN: Bool = false
    ) throws -> Tensor {
        let levels: Tensor
        switch q {
        case .scalar(let s):
            let value = s.doubleValue
            guard value >= 0 && value <= 1 else {
                throw TorchError.runtime("quantile() q must be in the range [0, 1] but got \(cppNumber(value))")
            }
            levels = Tensor.scalar(value, dtype: dtype)
        case .tensor(let t): levels = t
        }
        guard numel > 0 else { throw TorchError.runtime("quantile() input tensor must be non-empty") }
        guard levels.dim <= 1 else { throw TorchError.runtime("quantile() q must be a scalar or 1D tensor") }
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.runtime("quantile() input tensor must be either float or double dtype")
        }
        guard levels.dtype == dtype else {
            throw TorchError.runtime("quantile() q tensor must be same dtype as the input tensor")
        }
        guard let mode = QuantileInterpolation(rawValue: interpolation) else {
            throw TorchError.runtime(
                "quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got \(interpolation)")
        }
        let wrapped = try normalizeDim(dim ?? 0, rank: self.dim)
        let qValues = levels.doubles()
        guard qValues.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw TorchError.runtime("quantile() q values must be in the range [0, 1]")
        }
        var outShape: [Int]
        if dim != nil && self.dim > 0 {
            outShape = shape
            if keepdim { outShape[wrapped] = 1 } else { outShape.remove(at: wrapped) }
        } else {
            outShape = keepdim ? Array(repeating: 1, count: self.dim) : []
        }
        let rows: Tensor
        if dim == nil {
            rows = try flatten()
        } else if wrapped == self.dim - 1 {
            rows = self
        } else {
            rows = try unsqueeze(-1).transpose(wrapped, -1)
        }
        let n = rows.dim == 0 ? 1 : rows.shape[rows.dim - 1]
        let levelCount = levels.dim == 0 ? 1 : qValues.count
        var reduced = try rows.reshape(outShape + [n])
        let ranks = quantileRanks(reduced.doubles(), n: n, levels: qValues, ignoringNaN: ignoringNaN, mode: mode)
        // PyTorch sorts unless a row has at least k² values for the k ranks it needs.
        let rankCount = (mode.interpolates ? 2 : 1) * levelCount
        let selects = n >= rankCount * rankCount
        let below: [Int]
        let above: [Int]
        if selects {
            reduced = try reduced.contiguous()
            (below, above) = Tensor.selectedPositions(reduced.doubles(), n: n, ranks: ranks)
        } else {
            reduced = try reduced.sort(dim: -1).values
            (below, above) = (ranks.below, ranks.above)
        }
        let indexShape = outShape + [levelCount]
        var values = try reduced.gather(
            dim: -1, index: Tensor.internalTensor(below.map(Double.init), shape: indexShape, dtype: .int64))
        if mode.interpolates {
            let weights = Tensor.internalTensor(
                mode == .midpoint ? ranks.weights.map { _ in 0.5 } : ranks.weights, shape: indexShape, dtype: dtype)
            let upper = try reduced.gather(
                dim: -1, index: Tensor.internalTensor(above.map(Double.init), shape: indexShape, dtype: .int64))
            values = try values.lerp_(upper, weight: .tensor(weights))
        }
        if levels.dim == 0 {
            return try values.squeeze_(-1)
        }
        return try values.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)
    }

    /// Each row's positions of its values of sorted rank `below` and `above` (row-major over
    /// rows then levels), as PyTorch finds them without sorting: over the row's distinct ranks
    /// in order, `std::nth_element` places the middle one, then the ranks below it are found
    /// in the part before it and those above in the part after it, recursively.
    private static func selectedPositions(_ values: [Double], n: Int, ranks: QuantileRanks) -> ([Int], [Int]) {
        var below = [Int]()
        var above = [Int]()
        for row in 0..<(values.count / n) {
            let levels = (row * ranks.perRow)..<((row + 1) * ranks.perRow)
            var sorter = LibstdcxxSort(
                items: (0..<n).map { (values[row * n + $0], $0) }, less: LibstdcxxSort.ascending)
            var found = [Int: Int]()
            func place(_ first: Int, _ last: Int, _ wanted: ArraySlice<Int>) {
                guard !wanted.isEmpty else { return }
                let middle = wanted[wanted.startIndex + wanted.count / 2]
                sorter.nthElement(first, middle, last)
                found[middle] = sorter.items[middle].index
                place(first, middle, wanted.prefix { $0 < middle })
                place(middle + 1, last, wanted.drop { $0 <= middle })
            }
            place(0, n, ArraySlice(Set(levels.flatMap { [ranks.below[$0], ranks.above[$0]] }).sorted()))
            below += levels.map { found[ranks.below[$0]]! }
            above += levels.map { found[ranks.above[$0]]! }
        }
        return (below, above)
    }
}

/// The ranks of every (row, level): the sorted positions below and above, and the weight of the
/// one above.
private struct QuantileRanks {
    var below = [Int](), above = [Int](), weights = [Double]()
    let perRow: Int
}

/// `q * (n - 1)` per row and level in double (nanquantile: `q * (non-NaN count - 1)`, 0 when
/// negative; quantile: the last position in a row holding NaN), rounded per `mode`.
private func quantileRanks(
    _ values: [Double], n: Int, levels: [Double], ignoringNaN: Bool, mode: QuantileInterpolation
) -> QuantileRanks {
    var ranks = QuantileRanks(perRow: levels.count)
    for row in 0..<(values.count / Swift.max(n, 1)) {
        let slice = values[(row * n)..<(row * n + n)]
        let valid = slice.filter { !$0.isNaN }.count
        for q in levels {
            var rank: Double
            if ignoringNaN {
                rank = Swift.max(q * Double(valid - 1), 0)
            } else {
                rank = valid < n ? Double(n - 1) : q * Double(n - 1)
            }
            switch mode {
            case .lower: rank.round(.down)
            case .higher: rank.round(.up)
            case .nearest: rank.round(.toNearestOrEven)
            case .linear, .midpoint: break
            }
            let low = Int(rank)
            ranks.below.append(low)
            ranks.above.append(Int(rank.rounded(.up)))
            ranks.weights.append(rank - Double(low))
        }
    }
    return ranks
}
