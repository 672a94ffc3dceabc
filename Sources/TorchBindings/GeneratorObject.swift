import Autograd
import Python

/// `torch.Generator`: a CPU generator a script seeds and passes as `generator=`, over the
/// engine's PyTorch-exact stream. Its state is PyTorch's 5056 bytes, as a uint8 tensor.
final class GeneratorObject: PyObject {
    let generator: Generator
    init(_ generator: Generator) { self.generator = generator }

    var typeName: String { "Generator" }
    func pythonType(_ interp: Interpreter) -> Value? { .object(GeneratorObject.type) }
    func repr() -> String {
        "<torch._C.Generator object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue) & 0xffff_ffff_ffff, radix: 16))>"
    }

    /// `torch.Generator(device='cpu')`.
    static let type = TypeObject("Generator", qualifiedName: "torch._C.Generator") { args, interp in
        try args.check("Generator", maxPositional: 1, allowed: ["device"])
        if let device = args.value(0, "device"), !interp.isNone(device) { try interp.requireCPU(try interp.deviceValue(device)) }
        return .object(GeneratorObject(Generator()))
    }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        let g = generator
        switch name {
        case "device": return .object(DeviceObject.cpu)
        case "manual_seed":
            return .object(
                BuiltinFunction("manual_seed") { [self] a, i in
                    try a.check("manual_seed", maxPositional: 1, allowed: ["seed"])
                    g.manualSeed(try i.seedValue(a.value(0, "seed")))
                    return .object(self)
                })
        case "seed": return .object(BuiltinFunction("seed") { _, _ in .int(Int(truncatingIfNeeded: g.seed())) })
        case "initial_seed":
            return .object(BuiltinFunction("initial_seed") { _, _ in .int(Int(truncatingIfNeeded: g.initialSeed)) })
        case "get_state": return .object(BuiltinFunction("get_state") { _, _ in .tensor(try GeneratorObject.stateTensor(g)) })
        case "set_state":
            return .object(
                BuiltinFunction("set_state") { [self] a, i in
                    try GeneratorObject.restore(g, from: a.value(0, "new_state"), i)
                    return .object(self)
                })
        default: return nil
        }
    }

    /// The generator's state bytes as a 1-D tensor.
    static func stateTensor(_ g: Generator) throws -> Tensor {
        let bytes = g.getState()
        return try Tensor(bytes.map(Double.init), shape: [bytes.count], dtype: .uint8)
    }

    /// `set_state(new_state)` / `torch.set_rng_state(new_state)`.
    static func restore(_ g: Generator, from value: Value?, _ interp: Interpreter) throws {
        guard case .object(let t as Tensor)? = value else {
            throw PyException.type(
                "expected a torch.ByteTensor, but got \(value.map { Formatting.typeName($0) } ?? "nothing")")
        }
        guard t.dtype == .uint8 else { throw PyException.type("RNG state must be a torch.ByteTensor") }
        try g.setState(t.doubles().map { UInt8($0) })
    }

    /// `torch.Generator`, `torch.get_rng_state`, `torch.set_rng_state`, `torch.manual_seed`
    /// (which returns the default generator) and `torch.default_generator`.
    static func torchMembers() -> [String: Value] {
        [
            "Generator": .object(type),
            "get_rng_state": .object(BuiltinFunction("get_rng_state") { _, _ in .tensor(try stateTensor(.default)) }),
            "set_rng_state": .object(
                BuiltinFunction("set_rng_state") { a, i in
                    try restore(.default, from: a.value(0, "new_state"), i)
                    return .none
                }),
            "manual_seed": .object(
                BuiltinFunction("manual_seed") { a, i in
                    try a.check("manual_seed", maxPositional: 1, allowed: ["seed"])
                    Generator.default.manualSeed(try i.seedValue(a.value(0, "seed")))
                    return .object(GeneratorObject(.default))
                })
        ]
    }
}

extension Interpreter {
    /// A `generator=` argument: nil for None or absent (the default generator).
    func generatorArgument(_ a: Arguments, _ function: String) throws -> Generator? {
        guard let v = a.keyword("generator") else { return nil }
        switch v {
        case .none: return nil
        case .object(let g as GeneratorObject): return g.generator
        default:
            throw PyException.type(
                "\(function)(): argument 'generator' must be torch.Generator, not \(Formatting.typeName(v))")
        }
    }

    /// A seed as `manual_seed` takes it: an int, negative ones by their 64-bit pattern.
    func seedValue(_ v: Value?) throws -> UInt64 {
        UInt64(bitPattern: Int64(try intValue(v, "manual_seed", "seed")))
    }
}
