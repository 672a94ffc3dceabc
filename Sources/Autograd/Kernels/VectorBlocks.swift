/// Which elements of a unary elementwise op PyTorch's `cpu_kernel_vec` computes with the vector
/// op and which with the scalar one (aten/src/ATen/native/cpu/Loops.h, `vectorized_loop`; the
/// kernels are built for AVX-512). TensorIterator coalesces the trailing dims of the operand into
/// inner loops of `run` elements. When the operand's inner stride is 1 (or 0, a broadcast), each
/// inner loop takes the vector op on whole blocks of two 64-byte vectors and the scalar op on the
/// rest; otherwise every element takes the scalar op. A contiguous operand is one inner loop.
struct VectorBlocks {
    /// Elements per inner loop, in the row-major order of the operand as given.
    let run: Int
    /// Leading elements of each inner loop that take the vector op.
    let vectorisedPerRun: Int

    /// The split for `operand` (an `iteratorView`, read in row-major order) with elements of
    /// `itemSize` bytes.
    init(_ operand: Tensor, itemSize: Int) {
        var run = 1
        var innerStride: Int?
        for d in operand.shape.indices.reversed() where operand.shape[d] != 1 {
            guard let stride = innerStride else {
                innerStride = operand.strides[d]
                run = operand.shape[d]
                continue
            }
            guard operand.strides[d] == stride * run else { break }
            run *= operand.shape[d]
        }
        let lanes = 128 / itemSize
        self.run = run
        vectorisedPerRun = innerStride == 1 || innerStride == 0 ? run - run % lanes : 0
    }

    /// The split for a contiguous operand of `count` elements (one inner loop), as an input
    /// promoted to another dtype is: TensorIterator converts it into a new tensor first.
    init(count: Int, itemSize: Int) {
        run = Swift.max(count, 1)
        vectorisedPerRun = run - run % (128 / itemSize)
    }

    /// Calls `body` once per inner loop of the first `count` elements with the range the vector
    /// op computes and the range the scalar op computes.
    func forEachLoop(count: Int, _ body: (_ vector: Range<Int>, _ scalar: Range<Int>) -> Void) {
        var start = 0
        while start < count {
            let end = Swift.min(start + run, count)
            let split = Swift.min(start + vectorisedPerRun, end)
            body(start..<split, split..<end)
            start = end
        }
    }
}
