/// Vector p-norms (p finite, not 0) in the order and precision of PyTorch's CPU kernel
/// (aten/src/ATen/native/cpu/ReduceOpsKernel.cpp, `norm_kernel_tensor_iterator_impl`), so that
/// results agree bit for bit.
///
/// Every order accumulates in the tensor's own type (float32 in float32). A 2-norm whose reduced
/// dimensions coalesce into one unit-stride run at the front of TensorIterator's walk
/// (`is_reduce_lastdim`) takes the vectorised loop: each square is added to one lane of a
/// 32-byte vector (8 floats, 4 doubles, the width PyTorch 2.15 was measured to use here), the
/// lanes are added in order, then the leftover elements' squares are added one by one as
/// PyTorch's compiled loop does: squared four at a time where four remain, the last ones with a
/// fused multiply-add (measured against PyTorch 2.15). Every other reduction
/// (`binary_kernel_reduce`) adds `|x|`, `x * x` or `|x|^p` one element at a time in the walk's
/// order; the p-norm is then that sum to the power `1 / p`, computed in the tensor's type.
struct VectorNormVisitor: FloatVisitor {
    /// The norm's order: finite, not 0.
    let ord: Double
    let input: Tensor
    /// The output's strides over the input's dimensions: row-major over the kept ones, 0 along
    /// the reduced ones.
    let outputStrides: [Int]
    let outputCount: Int

    /// One norm per output element, row-major over the kept dimensions.
    func visit<T: FloatElement>(_ type: T.Type) -> [Double] {
        let values = input.storage.pointer(T.self)
        let walk = ReductionWalk(shape: input.shape, inputStrides: input.strides, outputStrides: outputStrides)
        var sums = [T](repeating: 0, count: outputCount)
        if ord == 2 && Self.reducesUnitStrideRun(walk) {
            lastDimSquares(values, walk, into: &sums)
        } else {
            let p = T(ord)
            let term: (T) -> T = ord == 2 ? { $0 * $0 } : ord == 1 ? { Swift.abs($0) } : { T.pow(Swift.abs($0), p) }
            forEachOffsetPair(
                shape: walk.shape.reversed(), stridesA: walk.inputStrides.reversed(), offsetA: input.offset,
                stridesB: walk.outputStrides.reversed(), offsetB: 0
            ) { i, o in
                sums[o] += term(values[i])
            }
        }
        switch ord {
        case 1: return sums.map { Double($0) }
        case 2: return sums.map { Double($0.squareRoot()) }
        default: return sums.map { Double(T.pow($0, 1 / T(ord))) }
        }
    }

    /// `is_reduce_lastdim`: one reduced dimension after coalescing, first in the walk, unit stride.
    private static func reducesUnitStrideRun(_ walk: ReductionWalk) -> Bool {
        guard let first = walk.outputStrides.first, first == 0, walk.inputStrides[0] == 1 else { return false }
        return walk.outputStrides.dropFirst().allSatisfy { $0 != 0 }
    }

    /// `binary_kernel_reduce_lastdim` with the 2-norm's vectorised row loop.
    private func lastDimSquares<T: FloatElement>(_ values: UnsafeMutablePointer<T>, _ walk: ReductionWalk, into sums: inout [T]) {
        let length = walk.shape[0]
        let width = 32 / MemoryLayout<T>.size
        let rows = Array(walk.shape.dropFirst())
        var lanes = [T](repeating: 0, count: width)
        forEachOffsetPair(
            shape: rows.reversed(), stridesA: walk.inputStrides.dropFirst().reversed(), offsetA: input.offset,
            stridesB: walk.outputStrides.dropFirst().reversed(), offsetB: 0
        ) { start, o in
            for lane in 0..<width { lanes[lane] = 0 }
            var d = 0
            while d < length - length % width {
                for lane in 0..<width {
                    let x = values[start + d + lane]
                    lanes[lane] += x * x
                }
                d += width
            }
            var total = lanes[0]
            for lane in 1..<width { total = total + lanes[lane] }
            let blocked = d + (length - d) / 4 * 4
            while d < length {
                let x = values[start + d]
                total = d < blocked ? total + x * x : total.addingProduct(x, x)
                d += 1
            }
            sums[o] = total
        }
    }
}
