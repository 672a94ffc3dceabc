/// Running maxima and minima along a dim, with the index where each was reached: `cummax`,
/// `cummin` (ReduceOps.cpp's cummax_cummin_helper).
enum CumulativeExtremeOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "cummax(Tensor self, int dim) -> (Tensor values, Tensor indices)", gradFn: "CummaxBackward0",
            exposure: [.torch, .method],
            returningTuple: {
                let r = try $0.tensor("self").cumulativeExtreme(dim: $0.int("dim"), maximum: true)
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "cummin(Tensor self, int dim) -> (Tensor values, Tensor indices)", gradFn: "CumminBackward0",
            exposure: [.torch, .method],
            returningTuple: {
                let r = try $0.tensor("self").cumulativeExtreme(dim: $0.int("dim"), maximum: false)
                return [r.values, r.indices]
            })
    ]
}

extension Tensor {
    /// The running maximum (or minimum) along `dim` and the index of the element it came from
    /// (CummaxBackward0 / CumminBackward0). As PyTorch's kernel does, a later equal element
    /// takes over the index, and NaN propagates from where it first appears (each later NaN
    /// takes over too).
    public func cumulativeExtreme(dim: Int, maximum: Bool) throws -> (values: Tensor, indices: Tensor) {
        let d = try normalizeDim(dim, rank: self.dim)
        let slices = Slices(self, dims: shape.isEmpty ? [] : [d])
        let values = slices.transformed { Tensor.runningExtreme($0, maximum: maximum).values }
        let indices = slices.transformed { Tensor.runningExtreme($0, maximum: maximum).indices }
        let valuesOut = Tensor.fromValues(values, shape: shape, dtype: dtype)
        let indicesOut = Tensor.fromValues(indices, shape: shape, dtype: .int64)
        let (op, backward) = maximum ? ("cummax", NodeKind.cummaxBackward0) : ("cummin", NodeKind.cumminBackward0)
        let inputShape = shape
        record(op, backward, inputs: [self], outputs: [valuesOut, indicesOut], saving: [.output("indices", 1)]) { ctx in
            if inputShape.isEmpty { return [ctx.grad] }
            return [try ctx.grad.scatterIntoZeros(inputShape, dim: d, index: ctx.saved(0), accumulate: true)]
        }
        return (valuesOut, indicesOut)
    }

    /// One slice's running extreme and the index it came from.
    private static func runningExtreme(_ slice: [Double], maximum: Bool) -> (values: [Double], indices: [Double]) {
        var best = slice.first ?? 0
        var bestIndex = 0
        var values = [Double](repeating: 0, count: slice.count)
        var indices = [Double](repeating: 0, count: slice.count)
        for (i, x) in slice.enumerated() {
            let takesOver = maximum ? x >= best : x <= best
            if x.isNaN || (!best.isNaN && takesOver) {
                best = x
                bestIndex = i
            }
            values[i] = best
            indices[i] = Double(bestIndex)
        }
        return (values, indices)
    }
}

extension NodeKind {
    static let cummaxBackward0 = NodeKind("CummaxBackward0")
    static let cumminBackward0 = NodeKind("CumminBackward0")
}
