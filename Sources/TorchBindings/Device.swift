import Autograd
import Python

/// `torch.device`: a device type and an optional index, as c10/core/Device.cpp parses them.
/// Any device can be named; only the CPU holds tensors (see `Interpreter.requireCPU`).
final class DeviceObject: PyObject, Sendable {
    static let cpu = DeviceObject(type: "cpu", index: nil)
    /// The device types c10 knows, in its error message's order.
    static let knownTypes = [
        "cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia", "xla", "lazy",
        "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone"
    ]

    let type: String
    let index: Int?

    init(type: String, index: Int?) {
        self.type = type
        self.index = index
    }

    var typeName: String { "device" }
    func pythonType(_ interp: Interpreter) -> Value? { .object(TorchTypes.device) }
    func repr() -> String { index.map { "device(type='\(type)', index=\($0))" } ?? "device(type='\(type)')" }
    func str() -> String { index.map { "\(type):\($0)" } ?? type }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "type": return .string(type)
        case "index": return index.map { .int($0) } ?? Value.none
        default: return nil
        }
    }
    func equals(_ other: Value) -> Bool? {
        guard case .object(let d as DeviceObject) = other else { return false }
        return d.type == type && d.index == index
    }

    /// `torch.device("cuda:0")`: a type, optionally followed by `:` and an index without
    /// leading zeros.
    static func parse(_ text: String) throws -> DeviceObject {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let type = String(parts[0])
        guard !type.isEmpty, type.allSatisfy({ $0.isLetter || $0 == "_" }), knownTypes.contains(type) else {
            if parts.count == 1 || type.allSatisfy({ $0.isLetter || $0 == "_" }) {
                throw PyException.runtime(
                    "Expected one of \(knownTypes.joined(separator: ", ")) device type at start of device string: \(text)")
            }
            throw PyException.runtime("Invalid device string: '\(text)'")
        }
        guard parts.count == 2 else { return DeviceObject(type: type, index: nil) }
        let digits = parts[1]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            digits == "0" || digits.first != "0", let index = Int(digits)
        else { throw PyException.runtime("Invalid device string: '\(text)'") }
        return DeviceObject(type: type, index: index)
    }

    /// The `torch.device(...)` constructor: `(str type, int index = -1)` or `(torch.device)`,
    /// or a bare int naming a CUDA device.
    static func construct(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let first = args.value(0, "type") ?? args.keyword("device")
        let index = args.value(1, "index")
        switch first {
        case .string(let text)?:
            let device = try parse(text)
            guard let index, !interp.isNone(index) else { return .object(device) }
            let i = try interp.intValue(index, "device", "index")
            if device.index != nil {
                throw PyException.runtime(
                    "type (string) must not include an index because index was passed explicitly: \(text)")
            }
            if i < 0 { throw PyException.runtime("Device index must not be negative") }
            return .object(DeviceObject(type: device.type, index: i))
        case .object(let d as DeviceObject)? where index == nil: return .object(d)
        case .int(let i)? where index == nil:
            if i < 0 { throw PyException.runtime("Device index must not be negative") }
            return .object(DeviceObject(type: "cuda", index: i))
        default:
            let got = args.positional.map { Formatting.typeName($0) }.joined(separator: ", ")
            throw PyException.type(
                "device() received an invalid combination of arguments - got (\(got)), but expected one of:\n"
                    + " * (torch.device device)\n * (str type, int index = -1)\n")
        }
    }
}

extension Interpreter {
    /// A `device=` argument (a `torch.device`, a device string, a CUDA index or None for the
    /// default device), which must name the CPU.
    func requireCPU(_ value: Value?) throws {
        let device: DeviceObject
        switch value {
        case nil, .none?: device = TorchRuntime.of(self).defaultDevice
        case let v?: device = try deviceValue(v)
        }
        try requireCPU(device)
    }

    /// Raises what a CPU-only PyTorch build raises for a device other than the CPU.
    func requireCPU(_ device: DeviceObject) throws {
        switch device.type {
        case "cpu": return
        case "cuda": throw PyException(.assertionError, "Torch not compiled with CUDA enabled")
        default: throw PyException.runtime("GradScope runs on the CPU only; there is no '\(device.type)' device")
        }
    }

    /// A device named by a `torch.device`, a string or a CUDA index.
    func deviceValue(_ v: Value) throws -> DeviceObject {
        switch v {
        case .object(let d as DeviceObject): return d
        case .string(let text): return try DeviceObject.parse(text)
        case .int(let i): return DeviceObject(type: "cuda", index: i)
        default: throw PyException.type("expected a torch.device, not \(Formatting.typeName(v))")
        }
    }
}
