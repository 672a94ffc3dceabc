import CSleef

/// `sigmoid` as PyTorch 2.15's sigmoid_kernel computes it (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp,
/// registered for AVX-512): `1 / (1 + exp(-x))` with SLEEF's `exp_u10` on whole blocks of two
/// 64-byte vectors (32 floats, 16 doubles) of a contiguous tensor and the C library's `exp` on
/// the rest and on strided tensors (a permuted dense tensor is walked in memory order, as
/// TensorIterator walks it). Integer inputs are promoted to float32 first.
func sigmoidValues(_ t: Tensor) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dtype: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let n = t.numel
        let source = operands[0].contiguousStorage(as: dtype)
        let out = Storage.uninitialized(dtype, count: n)
        let vectorised = operands[0].isContiguous ? n - n % (128 / dtype.itemSize) : 0
        if dtype == .float64 {
            let (x, y) = (source.pointer(Double.self), out.pointer(Double.self))
            for i in 0..<vectorised { y[i] = 1 / (1 + Sleef_expd1_u10purecfma(-x[i])) }
            for i in vectorised..<n { y[i] = 1 / (1 + Double.exp(-x[i])) }
        } else {
            let (x, y) = (source.pointer(Float.self), out.pointer(Float.self))
            for i in 0..<vectorised { y[i] = 1 / (1 + Sleef_expf1_u10purecfma(-x[i])) }
            for i in vectorised..<n { y[i] = 1 / (1 + Float.exp(-x[i])) }
        }
        return withExtendedLifetime(source) { Tensor(storage: out, shape: shape) }
    }
}
