import CSleef

/// `sigmoid` as PyTorch 2.15's sigmoid_kernel computes it (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp,
/// registered for AVX-512): `1 / (1 + exp(-x))` with SLEEF's `exp_u10` on the elements the
/// vector op computes (`VectorisedSplit`: whole blocks of two 64-byte vectors, 32 floats or 16
/// doubles, of each row) and the C library's `exp` on the rest (a permuted dense tensor is
/// walked in memory order, as TensorIterator walks it). Integer inputs are promoted to float32 first.
func sigmoidValues(_ t: Tensor) -> Tensor { mapVectorised(Sigmoid(), t) }

private struct Sigmoid: VectorisedUnaryFunction {
    func vector(_ x: Float) -> Float { 1 / (1 + Sleef_expf1_u10purecfma(-x)) }
    func scalar(_ x: Float) -> Float { 1 / (1 + Float.exp(-x)) }
    func vector(_ x: Double) -> Double { 1 / (1 + Sleef_expd1_u10purecfma(-x)) }
    func scalar(_ x: Double) -> Double { 1 / (1 + Double.exp(-x)) }
}
