import Autograd
import Python

/// The random-sampling surface scripts call, over the engine's PyTorch-exact stream
/// (Sources/Autograd/Random): the in-place samplers `Tensor.uniform_`, `normal_`, `random_`,
/// `bernoulli_`, `exponential_`, `cauchy_` (what `torch.nn.init` and layer initialisation call),
/// `Tensor.bernoulli`/`multinomial`, and `torch.rand`, `randn`, `randint`, `randperm`,
/// `normal` (its four overloads), `bernoulli`, `multinomial`, `seed`, `initial_seed`; each
/// sampler takes `generator=` (a `torch.Generator`, or None for the default one).
enum RandomSamplingBindings {
    /// Tensor methods, merged into `TensorMethods.table`.
    static let methods: [String: TensorMethod] = [
        "uniform_": { t, a, i in
            try a.check("uniform_", maxPositional: 2, allowed: ["from", "to", "generator"])
            return .tensor(
                try t.uniform_(
                    from: try i.doubleValue(a.value(0, "from") ?? .float(0), "uniform_", "from"),
                    to: try i.doubleValue(a.value(1, "to") ?? .float(1), "uniform_", "to"),
                    generator: try i.generatorArgument(a, "uniform_")))
        },
        "normal_": { t, a, i in
            try a.check("normal_", maxPositional: 2, allowed: ["mean", "std", "generator"])
            return .tensor(
                try t.normal_(
                    mean: try i.doubleValue(a.value(0, "mean") ?? .float(0), "normal_", "mean"),
                    std: try i.doubleValue(a.value(1, "std") ?? .float(1), "normal_", "std"),
                    generator: try i.generatorArgument(a, "normal_")))
        },
        "random_": { t, a, i in
            try a.check("random_", maxPositional: 2, allowed: ["from", "to", "generator"])
            let g = try i.generatorArgument(a, "random_")
            guard let first = a.value(0, "from") else { return .tensor(try t.random_(generator: g)) }
            if let to = a.value(1, "to") {
                return .tensor(
                    try t.random_(
                        from: Int64(try i.intValue(first, "random_", "from")),
                        to: Int64(try i.intValue(to, "random_", "to")), generator: g))
            }
            return .tensor(try t.random_(from: 0, to: Int64(try i.intValue(first, "random_", "to")), generator: g))
        },
        "bernoulli_": { t, a, i in
            try a.check("bernoulli_", maxPositional: 1, allowed: ["p", "generator"])
            let g = try i.generatorArgument(a, "bernoulli_")
            let p = a.value(0, "p") ?? .float(0.5)
            if case .object(let o) = p, let probabilities = o as? Tensor {
                return .tensor(try t.bernoulli_(probabilities: probabilities, generator: g))
            }
            return .tensor(try t.bernoulli_(p: try i.doubleValue(p, "bernoulli_", "p"), generator: g))
        },
        "exponential_": { t, a, i in
            try a.check("exponential_", maxPositional: 1, allowed: ["lambd", "generator"])
            return .tensor(
                try t.exponential_(
                    lambda: try i.doubleValue(a.value(0, "lambd") ?? .float(1), "exponential_", "lambd"),
                    generator: try i.generatorArgument(a, "exponential_")))
        },
        "cauchy_": { t, a, i in
            try a.check("cauchy_", maxPositional: 2, allowed: ["median", "sigma", "generator"])
            return .tensor(
                try t.cauchy_(
                    median: try i.doubleValue(a.value(0, "median") ?? .float(0), "cauchy_", "median"),
                    sigma: try i.doubleValue(a.value(1, "sigma") ?? .float(1), "cauchy_", "sigma"),
                    generator: try i.generatorArgument(a, "cauchy_")))
        },
        "bernoulli": { t, a, i in
            try a.check("bernoulli", maxPositional: 1, allowed: ["p", "generator"])
            return .tensor(try bernoulli(t, p: a.value(0, "p"), try i.generatorArgument(a, "bernoulli"), i))
        },
        "multinomial": { t, a, i in
            try a.check("multinomial", maxPositional: 2, allowed: ["num_samples", "replacement", "generator"])
            return .tensor(
                try t.multinomial(
                    try i.intValue(a.value(0, "num_samples"), "multinomial", "num_samples"),
                    replacement: try i.boolValue(a.value(1, "replacement"), default: false),
                    generator: try i.generatorArgument(a, "multinomial")))
        }
    ]

    /// `bernoulli(p)` with this tensor's values as probabilities, or with a float `p` for every element.
    private static func bernoulli(_ t: Tensor, p: Value?, _ g: Generator?, _ i: Interpreter) throws -> Tensor {
        guard let p, !i.isNone(p) else { return try t.bernoulli(generator: g) }
        return try Tensor.zeros(t.shape, dtype: t.dtype).bernoulli_(p: try i.doubleValue(p, "bernoulli", "p"), generator: g)
    }

    /// `torch.*` functions, merged into the torch module's members.
    static func functions() -> [String: Value] {
        [
            "rand": TorchFunctions.factory("rand") { a, i in
                let shape = try i.shapeArgument(a, "rand")
                let t = try Tensor.rand(
                    shape, dtype: try i.floatDTypeArgument(a), generator: try i.generatorArgument(a, "rand"))
                return try TorchFunctions.finish("rand", t, a, i)
            },
            "randn": TorchFunctions.factory("randn") { a, i in
                let shape = try i.shapeArgument(a, "randn")
                let t = try Tensor.randn(
                    shape, dtype: try i.floatDTypeArgument(a), generator: try i.generatorArgument(a, "randn"))
                return try TorchFunctions.finish("randn", t, a, i)
            },
            "randint": TorchFunctions.factory("randint", randint),
            "rand_like": TorchFunctions.factory("rand_like") { a, i in
                let (t, dtype) = try likeArguments(a, i, "rand_like")
                let r = try Tensor.randLike(t, dtype: dtype, generator: try i.generatorArgument(a, "rand_like"))
                return try TorchFunctions.finish("rand_like", r, a, i)
            },
            "randn_like": TorchFunctions.factory("randn_like") { a, i in
                let (t, dtype) = try likeArguments(a, i, "randn_like")
                let r = try Tensor.randnLike(t, dtype: dtype, generator: try i.generatorArgument(a, "randn_like"))
                return try TorchFunctions.finish("randn_like", r, a, i)
            },
            "randint_like": TorchFunctions.factory("randint_like", randintLike),
            "randperm": TorchFunctions.factory("randperm") { a, i in
                let n = try i.intValue(a.value(0, "n"), "randperm", "n")
                let t = try Tensor.randperm(
                    n, dtype: try i.dtypeArgument(a) ?? .int64, generator: try i.generatorArgument(a, "randperm"))
                return try TorchFunctions.finish("randperm", t, a, i)
            },
            "normal": .object(BuiltinFunction("normal", normal)),
            "bernoulli": .object(
                BuiltinFunction("bernoulli") { a, i in
                    try a.check("bernoulli", maxPositional: 2, allowed: ["input", "p", "generator", "out"])
                    let t = try i.tensorValue(a.value(0, "input"), "bernoulli", "input")
                    return .tensor(try bernoulli(t, p: a.value(1, "p"), try i.generatorArgument(a, "bernoulli"), i))
                }),
            "multinomial": .object(
                BuiltinFunction("multinomial") { a, i in
                    let t = try i.tensorValue(a.value(0, "input"), "multinomial", "input")
                    return .tensor(
                        try t.multinomial(
                            try i.intValue(a.value(1, "num_samples"), "multinomial", "num_samples"),
                            replacement: try i.boolValue(a.value(2, "replacement"), default: false),
                            generator: try i.generatorArgument(a, "multinomial")))
                }),
            "seed": .object(BuiltinFunction("seed") { _, _ in .int(Int(truncatingIfNeeded: Generator.default.seed())) }),
            "initial_seed": .object(
                BuiltinFunction("initial_seed") { _, _ in
                    .int(Int(truncatingIfNeeded: Generator.default.initialSeed))
                })
        ]
    }

    /// `torch.randint(high, size)` / `randint(low, high, size)`, `size=` allowed by keyword.
    private static func randint(_ a: Arguments, _ i: Interpreter) throws -> Value {
        var p = a.positional
        if let high = a.keyword("high") {
            if p.isEmpty, let low = a.keyword("low") { p.append(low) }
            p.insert(high, at: min(p.count, 1))
        }
        if let size = a.keyword("size") { p.append(size) }
        guard p.count == 2 || p.count == 3 else {
            throw PyException.type("randint() received an invalid combination of arguments")
        }
        let low = p.count == 3 ? try i.intValue(p[0], "randint", "low") : 0
        let high = try i.intValue(p[p.count - 2], "randint", "high")
        let t = try Tensor.randint(
            low: low, high: high, try i.intList(p[p.count - 1], "randint", "size"),
            dtype: try i.dtypeArgument(a) ?? .int64, generator: try i.generatorArgument(a, "randint"))
        return try TorchFunctions.finish("randint", t, a, i)
    }

    /// A random `*_like` factory's input and the dtype of its result (the input's unless
    /// `dtype=` is given), checked against the memory budget.
    private static func likeArguments(_ a: Arguments, _ i: Interpreter, _ name: String) throws -> (Tensor, DType?) {
        let t = try i.tensorValue(a.value(0, "input"), name, "input")
        let dtype = try i.dtypeArgument(a)
        try MemoryBudget.checkedNumel(t.shape, allocating: dtype ?? t.dtype)
        return (t, dtype)
    }

    /// `torch.randint_like(input, high)` / `randint_like(input, low, high)`: the input's dtype
    /// and layout unless `dtype=` is given.
    private static func randintLike(_ a: Arguments, _ i: Interpreter) throws -> Value {
        let (t, dtype) = try likeArguments(a, i, "randint_like")
        var bounds = Array(a.positional.dropFirst())
        if let low = a.keyword("low") { bounds.insert(low, at: 0) }
        if let high = a.keyword("high") { bounds.append(high) }
        guard bounds.count == 1 || bounds.count == 2 else {
            throw PyException.type("randint_like() received an invalid combination of arguments")
        }
        let low = bounds.count == 2 ? try i.intValue(bounds[0], "randint_like", "low") : 0
        let high = try i.intValue(bounds[bounds.count - 1], "randint_like", "high")
        let r = try Tensor.randintLike(
            t, low: low, high: high, dtype: dtype, generator: try i.generatorArgument(a, "randint_like"))
        return try TorchFunctions.finish("randint_like", r, a, i)
    }

    /// `torch.normal`'s overloads: (Tensor mean, Tensor std), (Tensor mean, float std = 1),
    /// (float mean, Tensor std) and (float mean, float std, size), sampled as ATen's
    /// `normal_out_impl` does.
    private static func normal(_ a: Arguments, _ i: Interpreter) throws -> Value {
        let mean = a.value(0, "mean")
        let std = a.value(1, "std")
        let g = try i.generatorArgument(a, "normal")
        switch (mean, std) {
        case (.object(let m as Tensor)?, .object(let s as Tensor)?):
            return .tensor(try Tensor.normal(mean: m, std: s, generator: g))
        case (.object(let m as Tensor)?, _) where a.value(2, "size") == nil:
            let s = try std.map { try i.doubleValue($0, "normal", "std") } ?? 1
            return .tensor(try Tensor.normal(mean: m, std: s, generator: g))
        case (let m?, .object(let s as Tensor)?) where a.value(2, "size") == nil:
            return .tensor(try Tensor.normal(mean: try i.doubleValue(m, "normal", "mean"), std: s, generator: g))
        case (let m?, let s?):
            guard let size = a.value(2, "size"), !isTensor(m), !isTensor(s) else { throw normalMismatch(a) }
            try i.requireCPU(a.keyword("device"))
            let shape = try i.intList(size, "normal", "size")
            try MemoryBudget.checkedNumel(shape, allocating: try i.floatDTypeArgument(a))
            let (dtype, meanValue, stdValue) = (
                try i.floatDTypeArgument(a), try i.doubleValue(m, "normal", "mean"), try i.doubleValue(s, "normal", "std")
            )
            // one `normal` factory, as ATen's: the fill inside is no op of the graph
            let out = try Observation.hidden {
                try Tensor.zeros(shape, dtype: dtype).normal_(mean: meanValue, std: stdValue, generator: g)
            }
            return try TorchFunctions.finish("normal", out, a, i)
        default:
            throw normalMismatch(a)
        }
    }

    private static func isTensor(_ v: Value) -> Bool {
        if case .object(is Tensor) = v { return true }
        return false
    }

    /// PyTorch's TypeError listing `normal`'s overloads.
    private static func normalMismatch(_ a: Arguments) -> PyException {
        let got =
            a.positional.map { Formatting.typeName($0) }
            + a.keywords.map { "\($0.name)=\(Formatting.typeName($0.value))" }
        return PyException.type(
            "normal() received an invalid combination of arguments - got (\(got.joined(separator: ", "))), but expected one of:\n"
                + " * (Tensor mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)\n"
                + " * (Tensor mean, float std = 1, *, torch.Generator generator = None, Tensor out = None)\n"
                + " * (float mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)\n"
                + " * (float mean, float std, tuple of ints size, *, torch.Generator generator = None, Tensor out = None, "
                + "torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, "
                + "bool pin_memory = False, bool requires_grad = False)\n")
    }
}
