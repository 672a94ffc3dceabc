/// In-place sampling (`uniform_`, `normal_`, `random_`, `bernoulli_`, `exponential_`), each
/// consuming the generator exactly as PyTorch's CPU kernels do
/// (aten/src/ATen/native/cpu/DistributionTemplates.h, DistributionKernels.cpp).
extension Tensor {
    /// Uniform values in [from, to) (`uniform_`): one 32-bit draw per float32 element, one
    /// 64-bit draw per float64 element, in memory order.
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: Generator? = nil) throws -> Tensor {
        guard isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard from <= to else {
            throw TorchError.runtime("uniform_ expects to return a [from, to) range, but found from=\(cppNumber(from)) > to=\(cppNumber(to))")
        }
        let g = Generator.resolve(generator)
        try sampleInPlace("uniform_") {
            switch dtype {
            case .float32:
                let (f, t) = (Float(from), Float(to))
                fillSerially(Float.self) { g.uniformFloat(from: f, to: t) }
            default: fillSerially(Double.self) { g.uniformDouble(from: from, to: to) }
            }
        }
        return self
    }

    /// Normal values (`normal_`): contiguous tensors of 16 or more elements take PyTorch's
    /// vectorised Box–Muller fill, smaller or strided ones the scalar transform with its cache.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: Generator? = nil) throws -> Tensor {
        guard std >= 0 else { throw TorchError.runtime("normal expects std >= 0.0, but found std \(cppNumber(std))") }
        let g = Generator.resolve(generator)
        try sampleInPlace("normal_") {
            let vectorised = numel >= 16 && isContiguous
            switch dtype {
            case .float32 where vectorised:
                normalFill(storage.pointer(Float.self) + offset, count: numel, mean: Float(mean), std: Float(std), generator: g)
            case .float64 where vectorised:
                normalFill(storage.pointer(Double.self) + offset, count: numel, mean: mean, std: std, generator: g)
            case .float32: fillSerially(Float.self) { Float(g.normalDouble(mean: mean, std: std)) }
            case .float64: fillSerially(Double.self) { g.normalDouble(mean: mean, std: std) }
            case .int64, .bool: throw TorchError.unsupportedOperation("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
            }
        }
        return self
    }

    /// Integers in [from, to) (`random_(from, to)`): `draw % (to - from) + from`, with 64-bit
    /// draws only for ranges of 2^32 or more on int64 and floating tensors.
    @discardableResult
    public func random_(from: Int64, to: Int64, generator: Generator? = nil) throws -> Tensor {
        guard from < to else {
            throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(from) >= to=\(to)")
        }
        let g = Generator.resolve(generator)
        let range = UInt64(bitPattern: to &- from)
        try sampleInPlace("random_") {
            switch dtype {
            case .int64: fillSerially(Int64.self) { g.integer(range: range, base: from, wide: true) }
            case .float32: fillSerially(Float.self) { Float(g.integer(range: range, base: from, wide: true)) }
            case .float64: fillSerially(Double.self) { Double(g.integer(range: range, base: from, wide: true)) }
            case .bool: fillSerially(Bool.self) { g.integer(range: range, base: from, wide: false) != 0 }
            }
        }
        return self
    }

    /// Ones with probability `p`, else zeros (`bernoulli_(p)`): one double uniform (64-bit
    /// draw) per element, compared with `p`.
    @discardableResult
    public func bernoulli_(p: Double, generator: Generator? = nil) throws -> Tensor {
        guard p >= 0, p <= 1 else { throw TorchError.runtime("bernoulli_ expects p to be in [0, 1], but got p=\(cppNumber(p))") }
        let g = Generator.resolve(generator)
        try sampleInPlace("bernoulli_") { try fillBernoulli { g.uniformDouble() < p } }
        return self
    }

    /// Ones where a uniform draw falls below the matching probability in `p` (broadcast to
    /// this shape) (`bernoulli_(p_tensor)`): float64 probabilities compare a double uniform
    /// (64-bit draw), float32 ones a float uniform (32-bit draw).
    @discardableResult
    public func bernoulli_(probabilities p: Tensor, generator: Generator? = nil) throws -> Tensor {
        guard p.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"bernoulli_tensor_cpu_p_\" not implemented for '\(p.dtype.scalarTypeName)'")
        }
        let g = Generator.resolve(generator)
        let expanded = try p.expand(shape)
        try sampleInPlace("bernoulli_") {
            if p.dtype == .float64 {
                try fillBernoulli(reading: expanded, as: Double.self) { g.uniformDouble() < $0 }
            } else {
                try fillBernoulli(reading: expanded, as: Float.self) { g.uniformFloat() < $0 }
            }
        }
        return self
    }

    /// Exponential values with rate `lambda` (`exponential_`): `-1/lambda * log(1 - u)` with
    /// one double uniform (64-bit draw) per element.
    @discardableResult
    public func exponential_(lambda: Double = 1, generator: Generator? = nil) throws -> Tensor {
        guard lambda > 0 else {
            throw TorchError.runtime("exponential_ expects lambda > 0.0, but found lambda=\(cppNumber(lambda))")
        }
        let g = Generator.resolve(generator)
        try sampleInPlace("exponential_") {
            switch dtype {
            case .float32: fillSerially(Float.self) { Float(g.exponential(lambda: lambda)) }
            case .float64: fillSerially(Double.self) { g.exponential(lambda: lambda) }
            case .int64, .bool: throw TorchError.runtime("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(dtype.scalarTypeName)")
            }
        }
        return self
    }

    /// Runs a sampling kernel as an in-place op: the leaf check first, the version bump after.
    private func sampleInPlace(_ op: String, _ kernel: () throws -> Void) throws {
        try checkInPlace()
        try kernel()
        bumpVersion(op)
    }

    private func fillBernoulli(_ sample: () -> Bool) throws {
        switch dtype {
        case .float32: fillSerially(Float.self) { sample() ? 1 : 0 }
        case .float64: fillSerially(Double.self) { sample() ? 1 : 0 }
        case .int64: fillSerially(Int64.self) { sample() ? 1 : 0 }
        case .bool: fillSerially(Bool.self) { sample() }
        }
    }

    private func fillBernoulli<P: TensorElement>(reading p: Tensor, as _: P.Type, _ sample: (P) -> Bool) throws {
        switch dtype {
        case .float32: fillSerially(Float.self, reading: p, as: P.self) { sample($0) ? 1 : 0 }
        case .float64: fillSerially(Double.self, reading: p, as: P.self) { sample($0) ? 1 : 0 }
        case .int64: fillSerially(Int64.self, reading: p, as: P.self) { sample($0) ? 1 : 0 }
        case .bool: fillSerially(Bool.self, reading: p, as: P.self) { sample($0) }
        }
    }
}

/// A double as C++'s `operator<<` prints it in PyTorch's messages (`%g`).
func cppNumber(_ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
    return String(cString: buffer)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
