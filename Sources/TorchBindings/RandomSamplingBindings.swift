import Autograd
import Python

/// The random-sampling surface scripts call, over the engine's PyTorch-exact stream
/// (Sources/Autograd/Random): the in-place samplers `Tensor.uniform_`, `normal_`, `random_`,
/// `bernoulli_`, `exponential_` (what `torch.nn.init` and layer initialisation call),
/// `Tensor.bernoulli`/`multinomial`, and `torch.randperm`, `normal`, `bernoulli`, `multinomial`,
/// `seed`, `initial_seed`. Generator objects (`generator=`) are not bound yet.
enum RandomSamplingBindings {
    /// Tensor methods, merged into `TensorMethods.table`.
    static let methods: [String: TensorMethod] = [
        "uniform_": { t, a, i in
            try a.check("uniform_", maxPositional: 2, allowed: ["from", "to", "generator"])
            try defaultGeneratorOnly(a, "uniform_")
            return .tensor(
                try t.uniform_(
                    from: try i.doubleValue(a.value(0, "from") ?? .float(0), "uniform_", "from"),
                    to: try i.doubleValue(a.value(1, "to") ?? .float(1), "uniform_", "to")))
        },
        "normal_": { t, a, i in
            try a.check("normal_", maxPositional: 2, allowed: ["mean", "std", "generator"])
            try defaultGeneratorOnly(a, "normal_")
            return .tensor(
                try t.normal_(
                    mean: try i.doubleValue(a.value(0, "mean") ?? .float(0), "normal_", "mean"),
                    std: try i.doubleValue(a.value(1, "std") ?? .float(1), "normal_", "std")))
        },
        "random_": { t, a, i in
            try a.check("random_", maxPositional: 2, allowed: ["from", "to", "generator"])
            try defaultGeneratorOnly(a, "random_")
            guard let first = a.value(0, "from") else { return .tensor(try t.random_()) }
            if let to = a.value(1, "to") {
                return .tensor(
                    try t.random_(
                        from: Int64(try i.intValue(first, "random_", "from")),
                        to: Int64(try i.intValue(to, "random_", "to"))))
            }
            return .tensor(try t.random_(from: 0, to: Int64(try i.intValue(first, "random_", "to"))))
        },
        "bernoulli_": { t, a, i in
            try a.check("bernoulli_", maxPositional: 1, allowed: ["p", "generator"])
            try defaultGeneratorOnly(a, "bernoulli_")
            let p = a.value(0, "p") ?? .float(0.5)
            if case .object(let o) = p, let probabilities = o as? Tensor {
                return .tensor(try t.bernoulli_(probabilities: probabilities))
            }
            return .tensor(try t.bernoulli_(p: try i.doubleValue(p, "bernoulli_", "p")))
        },
        "exponential_": { t, a, i in
            try a.check("exponential_", maxPositional: 1, allowed: ["lambd", "generator"])
            try defaultGeneratorOnly(a, "exponential_")
            return .tensor(
                try t.exponential_(lambda: try i.doubleValue(a.value(0, "lambd") ?? .float(1), "exponential_", "lambd")))
        },
        "bernoulli": { t, a, _ in
            try a.check("bernoulli", maxPositional: 0, allowed: [])
            return .tensor(try t.bernoulli())
        },
        "multinomial": { t, a, i in
            try a.check("multinomial", maxPositional: 2, allowed: ["num_samples", "replacement"])
            return .tensor(
                try t.multinomial(
                    try i.intValue(a.value(0, "num_samples"), "multinomial", "num_samples"),
                    replacement: try i.boolValue(a.value(1, "replacement"), default: false)))
        }
    ]

    /// Accepts `generator=None` (the default generator, what torch.nn.init passes); generator
    /// objects are not bound yet and say so.
    private static func defaultGeneratorOnly(_ a: Arguments, _ function: String) throws {
        guard let g = a.keyword("generator") else { return }
        if case .none = g { return }
        throw PyException(
            .notImplementedError, "\(function)(generator=...): GradScope does not support torch.Generator objects yet")
    }

    /// `torch.*` functions, merged into the torch module's members.
    static func functions() -> [String: Value] {
        [
            "randperm": .object(
                BuiltinFunction("randperm") { a, i in
                    let n = try i.intValue(a.value(0, "n"), "randperm", "n")
                    let t = try Tensor.randperm(n, dtype: try i.dtypeArgument(a) ?? .int64)
                    return .tensor(
                        try Tensor.factory(
                            "randperm", t,
                            requiresGrad: try i.boolValue(a.keyword("requires_grad"), default: false)))
                }),
            "normal": .object(
                BuiltinFunction("normal") { a, i in
                    let mean = try i.tensorValue(a.value(0, "mean"), "normal", "mean")
                    let std = try i.tensorValue(a.value(1, "std"), "normal", "std")
                    return .tensor(try Tensor.normal(mean: mean, std: std))
                }),
            "bernoulli": .object(
                BuiltinFunction("bernoulli") { a, i in
                    .tensor(try i.tensorValue(a.value(0, "input"), "bernoulli", "input").bernoulli())
                }),
            "multinomial": .object(
                BuiltinFunction("multinomial") { a, i in
                    let t = try i.tensorValue(a.value(0, "input"), "multinomial", "input")
                    return .tensor(
                        try t.multinomial(
                            try i.intValue(a.value(1, "num_samples"), "multinomial", "num_samples"),
                            replacement: try i.boolValue(a.value(2, "replacement"), default: false)))
                }),
            "seed": .object(BuiltinFunction("seed") { _, _ in .int(Int(truncatingIfNeeded: Generator.default.seed())) }),
            "initial_seed": .object(
                BuiltinFunction("initial_seed") { _, _ in
                    .int(Int(truncatingIfNeeded: Generator.default.initialSeed))
                })
        ]
    }
}
