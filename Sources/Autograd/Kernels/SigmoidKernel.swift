import CSleef

/// `sigmoid` as PyTorch 2.15's sigmoid_kernel computes it (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp,
/// registered for AVX-512): `1 / (1 + exp(-x))` with SLEEF's `exp_u10` on the elements the
/// vector op computes (`VectorBlocks`: whole blocks of two 64-byte vectors, 32 floats or 16
/// doubles, of each inner loop) and the C library's `exp` on the rest (a permuted dense tensor is
/// walked in memory order, as TensorIterator walks it). Integer inputs are promoted to float32 first.
func sigmoidValues(_ t: Tensor) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dtype: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let n = t.numel
        let source = operands[0].contiguousStorage(as: dtype)
        let out = Storage.uninitialized(dtype, count: n)
        let blocks =
            t.dtype == dtype
            ? VectorBlocks(operands[0], itemSize: dtype.itemSize) : VectorBlocks(count: n, itemSize: dtype.itemSize)
        if dtype == .float64 {
            let (x, y) = (source.pointer(Double.self), out.pointer(Double.self))
            blocks.forEachLoop(count: n) { vector, scalar in
                for i in vector { y[i] = 1 / (1 + Sleef_expd1_u10purecfma(-x[i])) }
                for i in scalar { y[i] = 1 / (1 + Double.exp(-x[i])) }
            }
        } else {
            let (x, y) = (source.pointer(Float.self), out.pointer(Float.self))
            blocks.forEachLoop(count: n) { vector, scalar in
                for i in vector { y[i] = 1 / (1 + Sleef_expf1_u10purecfma(-x[i])) }
                for i in scalar { y[i] = 1 / (1 + Float.exp(-x[i])) }
            }
        }
        return withExtendedLifetime(source) { Tensor(storage: out, shape: shape) }
    }
}
