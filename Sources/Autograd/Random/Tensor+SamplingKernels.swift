#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sampling kernels: argument checks with PyTorch's messages, then one generated value per
/// element, consuming the generator exactly as PyTorch's CPU kernels do
/// (aten/src/ATen/native/cpu/DistributionTemplates.h, DistributionKernels.cpp). No autograd
/// bookkeeping: callers add it.
extension Tensor {
    /// `uniform_kernel`: one 32-bit draw per float32 element, one 64-bit draw per float64
    /// element, in memory order.
    func drawUniform(from: Double, to: Double, _ g: Generator) throws {
        guard isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard from <= to else {
            throw TorchError.runtime(
                "uniform_ expects to return a [from, to) range, but found from=\(cppNumber(from)) > to=\(cppNumber(to))")
        }
        let limit = dtype == .float32 ? Double(Float.greatestFiniteMagnitude) : Double.greatestFiniteMagnitude
        guard to - from <= limit else {
            throw TorchError.runtime(
                "uniform_ expects to-from <= std::numeric_limits<\(dtype.scalarTypeName)>::max(), but found to=\(cppNumber(to)) and from=\(cppNumber(from)) which result in to-from to exceed the limit"
            )
        }
        if dtype == .float32 {
            let (f, t) = (Float(from), Float(to))
            fillSerially(Float.self) { g.uniformFloat(from: f, to: t) }
        } else {
            fillSerially(Double.self) { g.uniformDouble(from: from, to: to) }
        }
    }

    /// `normal_kernel`: contiguous tensors of 16 or more elements take the vectorised
    /// Box–Muller fill (`normalFill`), smaller or strided ones the scalar transform with its
    /// cached second value.
    func drawNormal(mean: Double, std: Double, _ g: Generator) throws {
        guard isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard std >= 0 else { throw TorchError.runtime("normal expects std >= 0.0, but found std \(cppNumber(std))") }
        switch (dtype, numel >= 16 && isContiguous) {
        case (.float32, true):
            normalFill(storage.pointer(Float.self) + offset, count: numel, mean: Float(mean), std: Float(std), generator: g)
        case (.float32, false): fillSerially(Float.self) { Float(g.normalDouble(mean: mean, std: std)) }
        case (_, true): normalFill(storage.pointer(Double.self) + offset, count: numel, mean: mean, std: std, generator: g)
        case (_, false): fillSerially(Double.self) { g.normalDouble(mean: mean, std: std) }
        }
    }

    /// `random_from_to_kernel`: `draw % (to - from) + from`, with 64-bit draws only for ranges
    /// of 2^32 or more on int64 and floating tensors.
    func drawIntegers(from: Int64, to: Int64, _ g: Generator) throws {
        guard from < to else {
            throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(from) >= to=\(to)")
        }
        let range = UInt64(bitPattern: to &- from)
        switch dtype {
        case .int64: fillSerially(Int64.self) { g.integer(range: range, base: from) }
        case .float32: fillSerially(Float.self) { Float(g.integer(range: range, base: from)) }
        case .float64: fillSerially(Double.self) { Double(g.integer(range: range, base: from)) }
        case .bool: fillSerially(Bool.self) { g.integer(range: range, base: from) != 0 }
        case .uint8, .int8, .int16, .int32: fillNarrowSerially { g.integer(range: range, base: from) }
        }
    }

    /// `random_kernel` (`random_()` with no bounds): int64 takes a 64-bit draw modulo 2^63,
    /// float64 a 64-bit draw modulo 2^53 + 1, float32 a 32-bit draw modulo 2^24 + 1, bool the
    /// low bit of a 32-bit draw, narrower integers a 32-bit draw modulo their maximum + 1.
    func drawIntegers(_ g: Generator) {
        switch dtype {
        case .int64: fillSerially(Int64.self) { Int64(g.random64() % (UInt64(Int64.max) + 1)) }
        case .float64: fillSerially(Double.self) { Double(g.random64() % (1 << 53 + 1)) }
        case .float32: fillSerially(Float.self) { Float(g.random32() % (1 << 24 + 1)) }
        case .bool: fillSerially(Bool.self) { g.random32() & 1 == 1 }
        case .uint8, .int8, .int16, .int32:
            let modulus = UInt32(dtype == .uint8 ? 256 : 1 << (dtype.itemSize * 8 - 1))
            fillNarrowSerially { Int64(g.random32() % modulus) }
        }
    }

    /// `bernoulli_kernel(self, double p)`: one double uniform (64-bit draw) per element,
    /// compared with `p`. (The MKL variant in DistributionKernels.cpp is not what the 2.15
    /// wheel runs: its draws and values are these.)
    func drawBernoulli(p: Double, _ g: Generator) throws {
        guard p >= 0, p <= 1 else { throw TorchError.runtime("bernoulli_ expects p to be in [0, 1], but got p=\(cppNumber(p))") }
        fillMask { g.uniformDouble() < p }
    }

    /// `bernoulli_kernel(self, p_tensor)`: float64 probabilities compare a double uniform
    /// (64-bit draw), float32 ones a float uniform (32-bit draw).
    func drawBernoulli(probabilities p: Tensor, _ g: Generator) throws {
        guard p.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"bernoulli_tensor_cpu_p_\" not implemented for '\(p.dtype.scalarTypeName)'")
        }
        let expanded = try p.expand(shape)
        if p.dtype == .float64 {
            fillMask(reading: expanded, as: Double.self) { g.uniformDouble() < $0 }
        } else {
            fillMask(reading: expanded, as: Float.self) { g.uniformFloat() < $0 }
        }
    }

    /// `exponential_kernel`: `-1/lambda * log1p(-u)` with one double uniform (64-bit draw)
    /// per element.
    func drawExponential(lambda: Double, _ g: Generator) throws {
        guard isFloatingPoint else {
            throw TorchError.runtime(
                "Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(dtype.scalarTypeName)"
            )
        }
        guard lambda > 0 else {
            throw TorchError.runtime("exponential_ expects lambda > 0.0, but found lambda=\(cppNumber(lambda))")
        }
        if dtype == .float32 {
            fillSerially(Float.self) { Float(g.exponential(lambda: lambda)) }
        } else {
            fillSerially(Double.self) { g.exponential(lambda: lambda) }
        }
    }

    /// `cauchy_kernel`: one double uniform (64-bit draw) per element through
    /// `cauchy_distribution<double>`, rounded to the element type.
    func drawCauchy(median: Double, sigma: Double, _ g: Generator) throws {
        guard isFloatingPoint else {
            throw TorchError.runtime(
                "Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified \(dtype.cppTypeName)"
            )
        }
        guard sigma > 0 else {
            throw TorchError.runtime("cauchy_ expects sigma > 0.0, but found sigma=\(cppNumber(sigma))")
        }
        if dtype == .float32 {
            fillSerially(Float.self) { Float(g.cauchy(median: median, sigma: sigma)) }
        } else {
            fillSerially(Double.self) { g.cauchy(median: median, sigma: sigma) }
        }
    }

    private func fillMask(_ sample: () -> Bool) {
        switch dtype {
        case .float32: fillSerially(Float.self) { sample() ? 1 : 0 }
        case .float64: fillSerially(Double.self) { sample() ? 1 : 0 }
        case .int64: fillSerially(Int64.self) { sample() ? 1 : 0 }
        case .bool: fillSerially(Bool.self) { sample() }
        case .uint8, .int8, .int16, .int32: fillNarrowSerially { sample() ? 1 : 0 }
        }
    }

    private func fillMask<P: TensorElement>(reading p: Tensor, as _: P.Type, _ sample: (P) -> Bool) {
        switch dtype {
        case .float32: fillSerially(Float.self, reading: p, as: P.self) { sample($0) ? 1 : 0 }
        case .float64: fillSerially(Double.self, reading: p, as: P.self) { sample($0) ? 1 : 0 }
        case .int64: fillSerially(Int64.self, reading: p, as: P.self) { sample($0) ? 1 : 0 }
        case .bool: fillSerially(Bool.self, reading: p, as: P.self) { sample($0) }
        case .uint8, .int8, .int16, .int32: fillNarrowSerially(reading: p, as: P.self) { sample($0) ? 1 : 0 }
        }
    }
}

/// A double as C++'s `operator<<` prints it in PyTorch's messages (`%g`).
func cppNumber(_ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    let length = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
    return String(decoding: buffer.prefix(Int(max(0, min(length, 31)))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
