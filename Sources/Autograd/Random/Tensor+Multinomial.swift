/// `torch.multinomial`, after aten/src/ATen/native/Distributions.cpp (`multinomial`) and
/// aten/src/ATen/native/cpu/MultinomialKernel.cpp.
extension Tensor {
    /// Indices of `count` categories drawn from each row of this tensor of weights (one
    /// distribution, or one per row of a matrix). Without replacement, or for a single draw,
    /// PyTorch's Gumbel trick: the top `count` of `weights / q` with `q ~ Exp(1)` (one
    /// exponential per weight); with replacement, one double uniform per draw searched in the
    /// row's normalised cumulative sums.
    public func multinomial(_ count: Int, replacement: Bool = false, generator: Generator? = nil) throws -> Tensor {
        guard dim == 1 || dim == 2 else { throw TorchError.runtime("prob_dist must be 1 or 2 dim") }
        guard isFloatingPoint else {
            throw TorchError.runtime("multinomial only supports floating-point dtypes for input, got: \(dtype.scalarTypeName)")
        }
        guard count > 0 else { throw TorchError.runtime("cannot sample n_sample <= 0 samples") }
        let categories = shape[dim - 1]
        let rows = dim == 2 ? shape[0] : 1
        guard replacement || count <= categories else {
            throw TorchError.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        guard categories <= 1 << 24 else { throw TorchError.runtime("number of categories cannot exceed 2^24") }
        let outShape = dim == 2 ? [rows, count] : [count]
        if rows * count == 0 { return Tensor.zeros(outShape, dtype: .int64) }
        let weights = doubles()
        let g = Generator.resolve(generator)
        var picks: [Int]
        if !replacement || count == 1 {
            guard weights.allSatisfy({ $0 >= 0 && $0 < .infinity }) else {
                throw TorchError.runtime("probability tensor contains either `inf`, `nan` or element < 0")
            }
            for r in 0..<rows where !weights[r * categories..<(r + 1) * categories].contains(where: { $0 != 0 }) {
                throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)")
            }
            let q = try Tensor.empty(shape, dtype: dtype)
            try q.drawExponential(lambda: 1, g)
            // `weights / q` in the weights' dtype: a float quotient is the double one rounded.
            let ratios = zip(weights, q.doubles()).map { dtype == .float32 ? Double(Float($0 / $1)) : $0 / $1 }
            picks = []
            for r in 0..<rows {
                let row = Array(ratios[r * categories..<(r + 1) * categories])
                picks += (0..<categories).sorted { row[$0] > row[$1] }.prefix(count)
            }
        } else {
            picks =
                dtype == .float32
                ? try sampleWithReplacement(weights.map { Float($0) }, rows: rows, count: count, generator: g)
                : try sampleWithReplacement(weights, rows: rows, count: count, generator: g)
        }
        return Tensor.fromValues(picks.map(Double.init), shape: outShape, dtype: .int64)
    }
}

/// The with-replacement kernel: cumulative sums in the weights' own precision, divided by the
/// total, the last one forced to 1, then a binary search for the first sum not below each
/// double uniform.
private func sampleWithReplacement<T: BinaryFloatingPoint>(_ weights: [T], rows: Int, count: Int, generator: Generator) throws
    -> [Int]
{
    let categories = weights.count / rows
    var picks: [Int] = []
    picks.reserveCapacity(rows * count)
    for r in 0..<rows {
        var sum: T = 0
        var cumulative = [T](repeating: 0, count: categories)
        for j in 0..<categories {
            let w = weights[r * categories + j]
            guard w >= 0 else {
                throw TorchError.runtime("invalid multinomial distribution (encountering probability entry < 0)")
            }
            guard w.isFinite else {
                throw TorchError.runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
            }
            sum += w
            cumulative[j] = sum
        }
        guard sum > 0 else { throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
        for j in 0..<categories { cumulative[j] /= sum }
        cumulative[categories - 1] = 1
        for _ in 0..<count {
            let u = generator.uniformDouble()
            var left = 0
            var right = categories
            while right > left {
                let mid = left + (right - left) / 2
                if Double(cumulative[mid]) < u { left = mid + 1 } else { right = mid }
            }
            picks.append(left)
        }
    }
    return picks
}
