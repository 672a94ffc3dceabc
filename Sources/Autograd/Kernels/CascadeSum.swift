/// Floating-point sums in the order PyTorch's CPU kernel adds, so that results agree bit for bit.
///
/// PyTorch (aten/src/ATen/native/cpu/SumKernel.cpp, `cascade_sum`) sums float32 in float32 and
/// float64 in float64 — not in a wider type — and in a fixed order: TensorIterator first orders
/// the dimensions fastest-first with the reduced ones in front and merges adjacent ones
/// (aten/src/ATen/TensorIterator.cpp, `reorder_dimensions`, `coalesce_dimensions`), then each
/// two-dimensional block is summed by one of four loops (contiguous inner, contiguous outer,
/// strided inner, strided outer) built on a cascade of partial sums (`multi_row_sum`,
/// `row_sum`). The vector loops are reproduced lane by lane with 32-byte vectors (8 floats,
/// 4 doubles: the width PyTorch 2.15's CPU sum was measured to use on this project's
/// machines), with one compute thread (the reduction is then serial).

/// How TensorIterator walks a reduction: dimensions fastest-first after reordering and
/// coalescing, with the input's and the output's strides (in elements; the output's stride is
/// 0 along reduced dimensions).
struct ReductionWalk: Equatable {
    var shape: [Int]
    var inputStrides: [Int]
    var outputStrides: [Int]

    /// The walk for `shape` (in the tensor's dimension order) with the given strides.
    init(shape: [Int], inputStrides: [Int], outputStrides: [Int]) {
        let order = Self.fastestFirstOrder(shape: shape, inputStrides: inputStrides, outputStrides: outputStrides)
        self.shape = order.map { shape[$0] }
        self.inputStrides = order.map { inputStrides[$0] }
        self.outputStrides = order.map { outputStrides[$0] }
        coalesce()
    }

    /// `reorder_dimensions`: an insertion sort starting from the reversed dimensions, putting
    /// reduced dimensions first and otherwise ordering by the output's, then the input's,
    /// strides (ties broken by size).
    private static func fastestFirstOrder(shape: [Int], inputStrides: [Int], outputStrides: [Int]) -> [Int] {
        reorderDimensions(count: shape.count) { d0, d1 in
            // Reduced dimensions (output stride 0) first.
            let (o0, o1) = (outputStrides[d0], outputStrides[d1])
            if (o0 == 0) != (o1 == 0) { return o1 == 0 ? 1 : -1 }
            return strideVerdict(outputStrides, shape: shape, d0, d1) ?? strideVerdict(inputStrides, shape: shape, d0, d1) ?? 0
        }
    }

    /// `coalesce_dimensions`: merges neighbours that are one dimension in both operands.
    private mutating func coalesce() {
        guard shape.count > 1 else { return }
        func canMerge(_ d0: Int, _ d1: Int) -> Bool {
            if shape[d0] == 1 || shape[d1] == 1 { return true }
            return shape[d0] * inputStrides[d0] == inputStrides[d1] && shape[d0] * outputStrides[d0] == outputStrides[d1]
        }
        func takeStrides(_ d0: Int, from d1: Int) {
            inputStrides[d0] = inputStrides[d1]
            outputStrides[d0] = outputStrides[d1]
        }
        var previous = 0
        for d in 1..<shape.count {
            if canMerge(previous, d) {
                if shape[previous] == 1 { takeStrides(previous, from: d) }
                shape[previous] *= shape[d]
            } else {
                previous += 1
                if previous != d {
                    takeStrides(previous, from: d)
                    shape[previous] = shape[d]
                }
            }
        }
        shape.removeLast(shape.count - previous - 1)
        inputStrides.removeLast(inputStrides.count - previous - 1)
        outputStrides.removeLast(outputStrides.count - previous - 1)
    }
}

/// Sums `input` (read through `walk`, starting at `inputOffset`) into `output`, which must hold
/// zeros; every element of the output receives its sum in PyTorch's order.
func cascadeSum<T: BinaryFloatingPoint>(
    _ input: UnsafePointer<T>, inputOffset: Int, walk: ReductionWalk, into output: UnsafeMutablePointer<T>
) {
    let kernel = CascadeSumKernel(input: input, output: output)
    let rank = walk.shape.count
    if rank <= 1 {
        kernel.sumBlock(
            inputBase: inputOffset, outputBase: 0,
            sizes: (rank == 0 ? 1 : walk.shape[0], 1),
            inputStrides: (rank == 0 ? 0 : walk.inputStrides[0], 0),
            outputStrides: (rank == 0 ? 0 : walk.outputStrides[0], 0))
        return
    }
    if walk.shape.contains(0) { return }
    var counter = [Int](repeating: 0, count: rank)
    var inputBase = inputOffset
    var outputBase = 0
    while true {
        kernel.sumBlock(
            inputBase: inputBase, outputBase: outputBase,
            sizes: (walk.shape[0], walk.shape[1]),
            inputStrides: (walk.inputStrides[0], walk.inputStrides[1]),
            outputStrides: (walk.outputStrides[0], walk.outputStrides[1]))
        var d = 2
        while d < rank {
            counter[d] += 1
            inputBase += walk.inputStrides[d]
            outputBase += walk.outputStrides[d]
            if counter[d] < walk.shape[d] { break }
            inputBase -= walk.inputStrides[d] * walk.shape[d]
            outputBase -= walk.outputStrides[d] * walk.shape[d]
            counter[d] = 0
            d += 1
        }
        if d == rank { return }
    }
}

/// The loops of `cascade_sum` for one two-dimensional block.
private struct CascadeSumKernel<T: BinaryFloatingPoint> {
    let input: UnsafePointer<T>
    let output: UnsafeMutablePointer<T>

    /// Lanes in one of the 32-byte vectors PyTorch's sum kernel uses for `T`.
    private var vectorWidth: Int { 32 / MemoryLayout<T>.size }

    /// `cascade_sum`'s body: moves the reduced dimension first, then picks the loop.
    func sumBlock(
        inputBase: Int, outputBase: Int, sizes: (Int, Int), inputStrides: (Int, Int), outputStrides: (Int, Int)
    ) {
        var (size0, size1) = sizes
        var (in0, in1) = inputStrides
        var (out0, out1) = outputStrides
        if out0 != 0 && out1 == 0 {
            swap(&in0, &in1)
            swap(&out0, &out1)
            swap(&size0, &size1)
        }
        if out0 != 0 && out1 != 0 {
            for j in 0..<size1 {
                for i in 0..<size0 {
                    output[outputBase + i * out0 + j * out1] += input[inputBase + i * in0 + j * in1]
                }
            }
            return
        }
        let width = vectorWidth
        if in0 == 1 && size0 >= width {
            for j in 0..<size1 {
                output[outputBase + j * out1] += contiguousRowSum(from: inputBase + j * in1, count: size0)
            }
        } else if in1 == 1 && size1 >= width {
            columnSums(
                inputBase: inputBase, outputBase: outputBase, rows: size0, columns: size1, strides: (in0, 1),
                outputStride: out1, blockColumns: 4 * width)
        } else if in0 < in1 {
            for j in 0..<size1 {
                output[outputBase + j * out1] += rowSum(from: inputBase + j * in1, stride: in0, count: size0)
            }
        } else {
            columnSums(
                inputBase: inputBase, outputBase: outputBase, rows: size0, columns: size1, strides: (in0, in1),
                outputStride: out1, blockColumns: 4)
        }
    }

    /// `vectorized_inner_sum` for one row: lane sums over whole vectors, then the tail, then
    /// the lanes in order.
    private func contiguousRowSum(from base: Int, count: Int) -> T {
        let width = vectorWidth
        let vectors = count / width
        var total: T = 0
        for k in (vectors * width)..<count { total += input[base + k] }
        for lane in 0..<width { total += rowSum(from: base + lane, stride: width, count: vectors) }
        return total
    }

    /// `vectorized_outer_sum` / `scalar_outer_sum`: columns in whole blocks of `blockColumns`
    /// are summed by `multi_row_sum`, the rest by `row_sum`.
    private func columnSums(
        inputBase: Int, outputBase: Int, rows: Int, columns: Int, strides: (row: Int, column: Int), outputStride: Int,
        blockColumns: Int
    ) {
        let blocked = columns / blockColumns * blockColumns
        for c in 0..<columns {
            let base = inputBase + c * strides.column
            let sum =
                c < blocked
                ? cascade(from: base, stride: strides.row, count: rows)
                : rowSum(from: base, stride: strides.row, count: rows)
            output[outputBase + c * outputStride] += sum
        }
    }

    /// `row_sum`: the row read as (-1, 4), four cascades, the leftover elements, then the
    /// four partial sums.
    private func rowSum(from base: Int, stride: Int, count: Int) -> T {
        let groups = count / 4
        var partial0 = cascade(from: base, stride: stride * 4, count: groups)
        let partial1 = cascade(from: base + stride, stride: stride * 4, count: groups)
        let partial2 = cascade(from: base + 2 * stride, stride: stride * 4, count: groups)
        let partial3 = cascade(from: base + 3 * stride, stride: stride * 4, count: groups)
        for i in (groups * 4)..<count { partial0 += input[base + i * stride] }
        partial0 += partial1
        partial0 += partial2
        partial0 += partial3
        return partial0
    }

    /// `multi_row_sum` for one column, through the concrete loop of `Float` or `Double` (the
    /// kernel's hottest, which unoptimised builds would run with a call per element).
    private func cascade(from base: Int, stride: Int, count: Int) -> T {
        let raw = UnsafeRawPointer(input)
        if T.self == Float.self {
            return unsafeBitCast(cascadeColumn(raw.assumingMemoryBound(to: Float.self), base, stride, count), to: T.self)
        }
        return unsafeBitCast(cascadeColumn(raw.assumingMemoryBound(to: Double.self), base, stride, count), to: T.self)
    }
}

/// `multi_row_sum` for one column of float32: four levels of partial sums, each level receiving
/// the level below every 2^levelPower elements.
private func cascadeColumn(_ input: UnsafePointer<Float>, _ base: Int, _ stride: Int, _ count: Int) -> Float {
    let levelPower = Swift.max(4, ceilLog2(count) / 4)
    let levelStep = 1 << levelPower
    let levelMask = levelStep - 1
    var level: (Float, Float, Float, Float) = (0, 0, 0, 0)
    var i = 0
    while i + levelStep <= count {
        let blockEnd = i + levelStep
        while i < blockEnd {
            level.0 += input[base + i * stride]
            i += 1
        }
        level.1 += level.0
        level.0 = 0
        if i & (levelMask << levelPower) != 0 { continue }
        level.2 += level.1
        level.1 = 0
        if i & (levelMask << (2 * levelPower)) != 0 { continue }
        level.3 += level.2
        level.2 = 0
    }
    while i < count {
        level.0 += input[base + i * stride]
        i += 1
    }
    level.0 += level.1
    level.0 += level.2
    level.0 += level.3
    return level.0
}

/// `multi_row_sum` for one column of float64 (as `cascadeColumn` for float32).
private func cascadeColumn(_ input: UnsafePointer<Double>, _ base: Int, _ stride: Int, _ count: Int) -> Double {
    let levelPower = Swift.max(4, ceilLog2(count) / 4)
    let levelStep = 1 << levelPower
    let levelMask = levelStep - 1
    var level: (Double, Double, Double, Double) = (0, 0, 0, 0)
    var i = 0
    while i + levelStep <= count {
        let blockEnd = i + levelStep
        while i < blockEnd {
            level.0 += input[base + i * stride]
            i += 1
        }
        level.1 += level.0
        level.0 = 0
        if i & (levelMask << levelPower) != 0 { continue }
        level.2 += level.1
        level.1 = 0
        if i & (levelMask << (2 * levelPower)) != 0 { continue }
        level.3 += level.2
        level.2 = 0
    }
    while i < count {
        level.0 += input[base + i * stride]
        i += 1
    }
    level.0 += level.1
    level.0 += level.2
    level.0 += level.3
    return level.0
}

/// `utils::CeilLog2` (aten/src/ATen/native/cpu/utils.h): 1 for 0, 1 and 2, else the bits of
/// `x - 1`.
func ceilLog2(_ x: Int) -> Int {
    x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
}
