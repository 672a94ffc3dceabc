import Python

/// torch's process-wide settings that leave what GradScope computes unchanged, kept per run so
/// that the lines scripts start with for speed or reproducibility run and read back what they
/// set. GradScope computes on one thread (PyTorch's count under `OMP_NUM_THREADS=1`), its kernels
/// are deterministic and its float32 products are full precision.
final class RuntimeSettings {
    /// `torch.get_num_threads()`.
    fileprivate(set) var threads = 1
    /// `torch.are_deterministic_algorithms_enabled()`.
    fileprivate(set) var deterministic = false
    /// `torch.is_deterministic_algorithms_warn_only_enabled()`.
    fileprivate(set) var deterministicWarnOnly = false
    /// `torch.get_float32_matmul_precision()`: "highest", "high" or "medium".
    fileprivate(set) var matmulPrecision = "highest"
    /// `torch.backends.cuda.matmul.allow_fp16_reduced_precision_reduction`.
    fileprivate var allowFP16ReducedPrecision = true
}

enum RuntimeSettingsBindings {
    /// The `torch` functions reading and setting `settings`.
    static func torchMembers(_ settings: RuntimeSettings) -> [String: Value] {
        [
            "set_num_threads": .object(BuiltinFunction("set_num_threads") { a, _ in try setThreads(a, settings) }),
            "get_num_threads": .object(BuiltinFunction("get_num_threads") { _, _ in .int(settings.threads) }),
            "use_deterministic_algorithms": .object(
                BuiltinFunction("use_deterministic_algorithms") { a, _ in try setDeterministic(a, settings) }),
            "are_deterministic_algorithms_enabled": .object(
                BuiltinFunction("are_deterministic_algorithms_enabled") { _, _ in .bool(settings.deterministic) }),
            "is_deterministic_algorithms_warn_only_enabled": .object(
                BuiltinFunction("is_deterministic_algorithms_warn_only_enabled") { _, _ in
                    .bool(settings.deterministicWarnOnly)
                }),
            "set_float32_matmul_precision": .object(
                BuiltinFunction("set_float32_matmul_precision") { a, i in try setMatmulPrecision(a, i, settings) }),
            "get_float32_matmul_precision": .object(
                BuiltinFunction("get_float32_matmul_precision") { _, _ in .string(settings.matmulPrecision) })
        ]
    }

    private static func setThreads(_ a: Arguments, _ settings: RuntimeSettings) throws -> Value {
        try a.check("set_num_threads", maxPositional: 1, allowed: [])
        guard case .int(let n)? = a.positional.first else {
            let got = a.positional.first.map(Formatting.typeName) ?? "nothing"
            throw PyException.runtime("set_num_threads expects an int, but got \(got)")
        }
        guard n > 0 else { throw PyException.runtime("set_num_threads expects a positive integer") }
        settings.threads = n
        return .none
    }

    private static func setDeterministic(_ a: Arguments, _ settings: RuntimeSettings) throws -> Value {
        try a.check("use_deterministic_algorithms", maxPositional: 1, allowed: ["mode", "warn_only"])
        let mode = a.value(0, "mode") ?? .none
        let warnOnly = a.keyword("warn_only") ?? .bool(false)
        for (name, value) in [("'mode' (position 1)", mode), ("'warn_only'", warnOnly)] {
            guard case .bool = value else {
                throw PyException.type(
                    "_set_deterministic_algorithms(): argument \(name) must be bool, not \(Formatting.typeName(value))")
            }
        }
        if case .bool(let on) = mode { settings.deterministic = on }
        if case .bool(let on) = warnOnly { settings.deterministicWarnOnly = on }
        return .none
    }

    private static func setMatmulPrecision(_ a: Arguments, _ interp: Interpreter, _ settings: RuntimeSettings) throws
        -> Value
    {
        try a.check("set_float32_matmul_precision", maxPositional: 1, allowed: ["precision"])
        let precision = try interp.optionalString(a.value(0, "precision") ?? .none) ?? ""
        guard ["highest", "high", "medium"].contains(precision) else {
            interp.warn(
                "\(precision) is not one of 'highest', 'high', or 'medium'; the currentsetFloat32MatmulPrecision call has no effect. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/Context.cpp:511.)",
                category: "UserWarning")
            return .none
        }
        settings.matmulPrecision = precision
        return .none
    }
}

/// `torch.backends.cuda.matmul`: as in PyTorch, `allow_tf32` reads the float32 matmul precision
/// (True unless "highest"); setting it sets the precision ("high" or "highest"), where PyTorch
/// 2.15 would then refuse `get_float32_matmul_precision()` for mixing the two APIs.
final class CuBLASFlagsObject: PyObject {
    private let settings: RuntimeSettings

    init(_ settings: RuntimeSettings) { self.settings = settings }

    var typeName: String { "cuBLASModule" }
    func repr() -> String { "<torch.backends.cuda.cuBLASModule object>" }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "allow_tf32": return .bool(settings.matmulPrecision != "highest")
        case "allow_fp16_reduced_precision_reduction": return .bool(settings.allowFP16ReducedPrecision)
        default: throw PyException.attribute("Unknown attribute \(name)")
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        switch name {
        case "allow_tf32": settings.matmulPrecision = try interp.truthy(value) ? "high" : "highest"
        case "allow_fp16_reduced_precision_reduction": settings.allowFP16ReducedPrecision = try interp.truthy(value)
        default: throw PyException.attribute("Unknown attribute \(name)")
        }
        return true
    }
}
