import Autograd

/// Sample inputs for calling a declared op, derived from its signature and `OpSamples`: what the
/// registry's gradient check (AutogradTests) and its script walk (TorchBindingsTests) call ops with.
package enum OpSampling {
    /// Sample values: distinct, at least 0.1 away from 0, ±0.5 and ±0.1 (where relu, abs and the
    /// declared clamp bounds have kinks).
    static let base: [Double] = [-1.7, -1.1, -0.3, 0.2, 0.7, 1.3, 1.9, -0.8, 0.4, 1.6, -1.4, 0.9]

    /// A declaration that needs a sample its signature cannot provide.
    package struct MissingSample: Error, CustomStringConvertible {
        package let description: String
    }

    /// A float64 sample tensor of `shape` in `domain`; `seed` shifts the values per input.
    package static func tensor(_ shape: [Int], _ domain: OpSamples.Domain, seed: Int) throws -> Tensor {
        if domain == .positiveDefinite { return try positiveDefinite(shape, seed: seed) }
        let values = (0..<shape.reduce(1, *)).map { i -> Double in
            let v = base[(i + 5 * seed) % base.count]
            switch domain {
            case .real: return v
            case .positive: return Swift.abs(v)
            case .unitInterval: return v / 2.2
            case .aboveOne: return 1 + Swift.abs(v)
            case .positiveDefinite: return v
            }
        }
        return try Tensor(values, shape: shape, dtype: .float64)
    }

    /// `B Bᵀ + n I` for each square matrix `B` of the real samples of `shape`.
    private static func positiveDefinite(_ shape: [Int], seed: Int) throws -> Tensor {
        let n = shape.last ?? 0
        guard shape.count >= 2, shape[shape.count - 2] == n else {
            throw MissingSample(description: "positive-definite samples need square matrices, not \(shape)")
        }
        let b = try tensor(shape, .real, seed: seed)
        let identity = try Tensor((0..<n * n).map { $0 % (n + 1) == 0 ? Double(n) : 0 }, shape: [n, n], dtype: .float64)
        return try b.matmul(b.transpose(-2, -1)).add(.tensor(identity))
    }

    /// The signature's non-sampled arguments: the declared samples and constant tensors, else a
    /// value per type for required parameters (defaults otherwise).
    package static func arguments(_ declaration: OpDeclaration) throws -> [String: OpValue] {
        var values = declaration.samples.arguments.mapValues(OpValue.init)
        for (name, constant) in declaration.samples.constants { values[name] = .tensor(try constant.tensor()) }
        for p in try declaration.signature.parameters
        where ![.tensor, .tensorList].contains(p.type) && p.defaultValue == nil && values[p.name] == nil {
            switch p.type {
            case .int: values[p.name] = .int(1)
            case .intList: values[p.name] = .intList([1])
            case .scalar: values[p.name] = .scalar(.double(1.5))
            case .float: values[p.name] = .double(0.5)
            case .bool: values[p.name] = .bool(false)
            default: throw MissingSample(description: "\(declaration.signatureText): declare a sample for \(p.name)")
            }
        }
        return values
    }

    /// The sampled tensor inputs: one per `Tensor` parameter (optional ones only when the
    /// declaration gives their shape) that is not a declared constant, two per `Tensor[]` parameter.
    package static func tensorSlots(_ declaration: OpDeclaration) throws -> [(name: String, count: Int)] {
        try declaration.signature.parameters.compactMap { p in
            if declaration.samples.constants[p.name] != nil { return nil }
            switch p.type {
            case .tensor where p.defaultValue == nil || declaration.samples.shapes[p.name] != nil: return (p.name, 1)
            case .tensorList: return (p.name, 2)
            default: return nil
            }
        }
    }
}
