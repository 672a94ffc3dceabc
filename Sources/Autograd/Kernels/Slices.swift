/// A tensor's values grouped into the slices an op over some dims reads whole (std, norms,
/// sort, cumsum, median): one slice per element of the kept dims, in row-major order, each
/// slice in row-major order over the reduced dims. Values are read as Doubles.
struct Slices {
    /// The row-major values of the whole tensor.
    let values: [Double]
    /// Where each slice's first value sits in `values`.
    let starts: [Int]
    /// Where a slice's values sit relative to its start.
    let steps: [Int]

    /// Groups `tensor`'s values by `dims` (normalized; a 0-dim tensor has one slice of one value).
    init(_ tensor: Tensor, dims: [Int]) {
        let shape = tensor.shape
        let strides = contiguousStrides(shape)
        let kept = shape.indices.filter { !dims.contains($0) }
        values = tensor.doubles()
        starts = Slices.offsets(kept.map { shape[$0] }, kept.map { strides[$0] })
        steps = Slices.offsets(dims.map { shape[$0] }, dims.map { strides[$0] })
    }

    /// The number of slices.
    var count: Int { starts.count }
    /// The number of values in each slice.
    var length: Int { steps.count }

    /// The values of slice `i`.
    func slice(_ i: Int) -> [Double] { steps.map { values[starts[i] + $0] } }

    /// One value per slice, through `reduce`.
    func reduced(_ reduce: ([Double]) -> Double) -> [Double] { (0..<count).map { reduce(slice($0)) } }

    /// The whole tensor's values after replacing each slice by what `transform` makes of it
    /// (as many values as the slice), in row-major order.
    func transformed(_ transform: ([Double]) -> [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        for i in 0..<count {
            for (step, v) in zip(steps, transform(slice(i))) { out[starts[i] + step] = v }
        }
        return out
    }

    /// Row-major offsets of every index of `sizes` with the given strides.
    private static func offsets(_ sizes: [Int], _ strides: [Int]) -> [Int] {
        var result = [0]
        for (size, stride) in zip(sizes, strides) {
            var next = [Int]()
            next.reserveCapacity(result.count * size)
            for base in result {
                for k in 0..<size { next.append(base + k * stride) }
            }
            result = next
        }
        return result
    }
}

extension Tensor {
    /// A tensor holding `values` in row-major order, made inside an op (not reported as created).
    static func fromValues(_ values: [Double], shape: [Int], dtype: DType) -> Tensor {
        let storage = Storage.uninitialized(dtype, count: values.count)
        dtype.dispatch(FillFromDoubles(values: values, storage: storage))
        return Tensor(storage: storage, shape: shape)
    }
}
