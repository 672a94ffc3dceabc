import Autograd
import Python

/// The device surface of a CPU-only PyTorch build: `torch.device`, the default device and
/// dtype (`set_default_dtype` gives factories of floating values their dtype; type promotion
/// of Python floats with integer tensors stays float32), `torch.cuda` (no devices),
/// `torch.backends.mps` (not available), `Tensor.to`, `cpu` and `cuda`, and `torch.__version__`.
enum DeviceBindings {
    /// The version string scripts read from `torch.__version__`.
    static let version = "2.15.0"

    /// Members of the `torch` module.
    static func torchMembers() -> [String: Value] {
        [
            "device": .object(TorchTypes.device),
            "__version__": .string(version),
            "set_default_device": .object(
                BuiltinFunction("set_default_device") { a, i in
                    try a.check("set_default_device", maxPositional: 1, allowed: ["device"])
                    let v = a.value(0, "device") ?? .none
                    TorchRuntime.of(i).defaultDevice = i.isNone(v) ? .cpu : try i.deviceValue(v)
                    return .none
                }),
            "get_default_device": .object(
                BuiltinFunction("get_default_device") { _, i in .object(TorchRuntime.of(i).defaultDevice) }),
            "set_default_dtype": .object(
                BuiltinFunction("set_default_dtype") { a, i in
                    try a.check("set_default_dtype", maxPositional: 1, allowed: ["d"])
                    let v = try (a.value(0, "d") ?? .none).rejectingHalfPrecision()
                    guard case .object(let d as DTypeObject) = v else {
                        throw PyException.type(
                            "set_default_dtype(): argument 'd' (position 1) must be torch.dtype, not \(Formatting.typeName(v))")
                    }
                    guard d.dtype.isFloatingPoint else {
                        throw PyException.type("only floating-point types are supported as the default type")
                    }
                    TorchRuntime.of(i).defaultDType = d.dtype
                    return .none
                }),
            "get_default_dtype": .object(
                BuiltinFunction("get_default_dtype") { _, i in .object(DTypeObject.of(TorchRuntime.of(i).defaultDType)) })
        ]
    }

    /// `torch.cuda`: what a build without CUDA answers, with `amp` (the prelude's `torch.cuda.amp`).
    static func cudaModule(amp: PyObject?) -> ModuleObject {
        let unavailable: Body = { _, _ in throw PyException(.assertionError, "Torch not compiled with CUDA enabled") }
        let nothing: Body = { _, _ in .none }
        return ModuleObject(
            name: "torch.cuda",
            members: [
                "is_available": .object(BuiltinFunction("is_available") { _, _ in .bool(false) }),
                "device_count": .object(BuiltinFunction("device_count") { _, _ in .int(0) }),
                "is_initialized": .object(BuiltinFunction("is_initialized") { _, _ in .bool(false) }),
                // Seeding CUDA is deferred until CUDA initialises, which never happens here.
                "manual_seed": .object(BuiltinFunction("manual_seed", nothing)),
                "manual_seed_all": .object(BuiltinFunction("manual_seed_all", nothing)),
                "current_device": .object(BuiltinFunction("current_device", unavailable)),
                "synchronize": .object(BuiltinFunction("synchronize", unavailable)),
                "get_device_name": .object(BuiltinFunction("get_device_name", unavailable))
            ].merging(amp.map { ["amp": .object($0)] } ?? [:]) { $1 })
    }

    /// `torch.backends` with `mps`, `cudnn` and `cuda`, none available; the flags scripts set for
    /// reproducibility or speed (`cudnn.deterministic`, `cudnn.benchmark`, `cuda.matmul.allow_tf32`)
    /// start at PyTorch's defaults and read back what was set; `matmul` is `cuda.matmul`.
    static func backendsModule(matmul: PyObject) -> ModuleObject {
        func unavailableBackend(_ name: String, _ flags: [String: Value]) -> ModuleObject {
            ModuleObject(
                name: "torch.backends." + name,
                members: flags.merging([
                    "is_available": .object(BuiltinFunction("is_available") { _, _ in .bool(false) }),
                    "is_built": .object(BuiltinFunction("is_built") { _, _ in .bool(false) })
                ]) { $1 })
        }
        let cudnnFlags: [String: Value] = [
            "enabled": .bool(true), "deterministic": .bool(false), "benchmark": .bool(false), "allow_tf32": .bool(true)
        ]
        return ModuleObject(
            name: "torch.backends",
            members: [
                "mps": .object(unavailableBackend("mps", [:])), "cudnn": .object(unavailableBackend("cudnn", cudnnFlags)),
                "cuda": .object(unavailableBackend("cuda", ["matmul": .object(matmul)]))
            ])
    }

    typealias Body = (Arguments, Interpreter) throws -> Value

    /// `Tensor.to`, `cpu` and `cuda`, merged into `TensorMethods.table`.
    static let methods: [String: TensorMethod] = [
        "to": to,
        "cpu": { t, a, _ in
            try a.check("cpu", maxPositional: 0, allowed: ["memory_format"])
            return .tensor(t)
        },
        "cuda": { t, a, i in
            try a.check("cuda", maxPositional: 2, allowed: ["device", "non_blocking", "memory_format"])
            try i.requireCPU(DeviceObject(type: "cuda", index: nil))
            return .tensor(t)
        }
    ]

    /// `Tensor.to(dtype)`, `to(device=None, dtype=None)`, `to(other)`, each followed by
    /// `non_blocking` and `copy`: a converted copy when the dtype changes or `copy=True`.
    private static func to(_ t: Tensor, _ a: Arguments, _ i: Interpreter) throws -> Value {
        try a.check("to", maxPositional: 4, allowed: ["dtype", "device", "non_blocking", "copy", "memory_format", "other"])
        var rest = a.positional[...]
        var dtype = try i.dtypeArgument(a)
        var device: DeviceObject?
        if let first = try rest.first?.rejectingHalfPrecision() {
            rest.removeFirst()
            switch first {
            case .object(let d as DTypeObject): dtype = d.dtype
            case .object(let other as Tensor): dtype = other.dtype
            default:
                if !i.isNone(first) { device = try i.deviceValue(first) }
                if case .object(let d as DTypeObject)? = try rest.first?.rejectingHalfPrecision() {
                    dtype = d.dtype
                    rest.removeFirst()
                } else if let second = rest.first, i.isNone(second) {
                    rest.removeFirst()
                }
            }
        }
        if case .object(let other as Tensor)? = a.keyword("other") { dtype = other.dtype }
        if let d = a.keyword("device"), !i.isNone(d) { device = try i.deviceValue(d) }
        let copyValue = rest.count > 1 ? rest[rest.startIndex + 1] : a.keyword("copy")
        if let device { try i.requireCPU(device) }
        return .tensor(try t.to(dtype ?? t.dtype, copy: try i.boolValue(copyValue, default: false)))
    }
}
