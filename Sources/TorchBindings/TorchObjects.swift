import Autograd
import Python

/// `torch.float32` and friends.
final class DTypeObject: PyObject, Sendable {
    let dtype: DType
    private init(_ dtype: DType) { self.dtype = dtype }
    static let all: [DType: DTypeObject] = Dictionary(uniqueKeysWithValues: DType.allCases.map { ($0, DTypeObject($0)) })
    static func of(_ d: DType) -> DTypeObject { all[d]! }

    var typeName: String { "dtype" }
    func pythonType(_ interp: Interpreter) -> Value? { .object(TorchTypes.dtype) }
    func repr() -> String { dtype.name }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "is_floating_point": return .bool(dtype.isFloatingPoint)
        case "itemsize": return .int(dtype.itemSize)
        default: return nil
        }
    }
}

/// `torch.Size`: a tuple of ints that prints as `torch.Size([2, 3])`.
final class SizeObject: PyObject {
    let shape: [Int]
    init(_ shape: [Int]) { self.shape = shape }

    var typeName: String { "Size" }
    func pythonType(_ interp: Interpreter) -> Value? { .object(TorchTypes.size) }
    func repr() -> String { "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])" }
    func iterate(_ interp: Interpreter) throws -> [Value]? { shape.map { .int($0) } }
    func isInstance(of className: String) -> Bool { className == "tuple" }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        let items: [Value] = shape.map { .int($0) }
        let picked = try interp.subscriptValue(.tuple(items), key)
        if case .tuple(let t) = picked {
            return .object(
                SizeObject(
                    t.map {
                        if case .int(let i) = $0 { return i }
                        return 0
                    }))
        }
        return picked
    }
    func equals(_ other: Value) -> Bool? {
        switch other {
        case .object(let s as SizeObject): return s.shape == shape
        case .tuple(let t):
            return t.count == shape.count
                && zip(t, shape).allSatisfy {
                    if case .int(let i) = $0.0 { return i == $0.1 }
                    return false
                }
        default: return false
        }
    }
    /// `size + tuple`, `tuple + size` and `size * n` give a Size, as torch.Size (a tuple subclass)
    /// does; anything else is left to the tuple operators.
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        switch (op, other) {
        case (.add, .object(let s as SizeObject)):
            return .object(SizeObject(reflected ? s.shape + shape : shape + s.shape))
        case (.add, .tuple(let items)):
            let dims = items.compactMap { v -> Int? in if case .int(let i) = v { return i } else { return nil } }
            guard dims.count == items.count else { return nil }
            return .object(SizeObject(reflected ? dims + shape : shape + dims))
        case (.add, _) where !reflected:
            throw PyException.type("can only concatenate tuple (not \(Formatting.typeName(other))) to torch.Size")
        case (.mul, .int(let n)):
            return .object(SizeObject(Array([[Int]](repeating: shape, count: Swift.max(n, 0)).joined())))
        default: return nil
        }
    }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "numel": return .object(BuiltinFunction("numel") { [shape] _, _ in .int(try MemoryBudget.checkedNumel(shape)) })
        default: return nil
        }
    }
}

/// The handle `register_hook` returns.
final class HookHandleObject: PyObject {
    let handle: HookHandle
    init(_ handle: HookHandle) { self.handle = handle }
    var typeName: String { "RemovableHandle" }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        guard name == "remove" else { return nil }
        return .object(
            BuiltinFunction("remove") { [handle] _, _ in
                handle.remove()
                return .none
            })
    }
}

/// `torch.no_grad()`, `enable_grad()`, `set_grad_enabled(b)`, `inference_mode()`: context managers
/// (and decorators) that set grad mode for their body.
final class GradModeContext: PyObject, ContextManager {
    enum Kind: String {
        case noGrad = "no_grad", enableGrad = "enable_grad", setGradEnabled = "set_grad_enabled", inferenceMode = "inference_mode"
    }
    let kind: Kind
    let enabled: Bool
    /// For set_grad_enabled, which acts when called: the mode before the call.
    private let modeBeforeCall: Bool
    private var saved: [(Bool, Bool)] = []

    init(kind: Kind, enabled: Bool) {
        self.kind = kind
        self.enabled = enabled
        modeBeforeCall = GradMode.isEnabled
    }

    var typeName: String { kind.rawValue }

    /// The region kind the graph model records.
    var regionKind: RegionKind {
        switch kind {
        case .noGrad: return .noGrad
        case .enableGrad: return .enableGrad
        case .setGradEnabled: return enabled ? .gradEnabled : .gradDisabled
        case .inferenceMode: return .inferenceMode
        }
    }

    func enter(_ interp: Interpreter) throws -> Value {
        if kind == .setGradEnabled {
            // The call already switched the mode (and opened its region); leaving restores it.
            saved.append((modeBeforeCall, GradMode.isInferenceMode))
            return .none
        }
        saved.append((GradMode.isEnabled, GradMode.isInferenceMode))
        GradMode.isEnabled = enabled
        if kind == .inferenceMode { GradMode.isInferenceMode = true }
        interp.torchObserver?.regionEntered(regionKind, line: interp.scriptLine)
        return .none
    }

    func exit(_ interp: Interpreter) throws {
        guard let (grad, inference) = saved.popLast() else { return }
        let changed = GradMode.isEnabled != grad
        GradMode.isEnabled = grad
        GradMode.isInferenceMode = inference
        if kind != .setGradEnabled || changed { interp.torchObserver?.regionExited(line: interp.scriptLine) }
    }

    /// Used as a decorator: `@torch.no_grad()` wraps a function.
    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        guard args.positional.count == 1 else { return nil }
        let function = args.positional[0]
        return .object(
            BuiltinFunction("wrapped") { [self] inner, interp in
                _ = try self.enter(interp)
                defer { try? self.exit(interp) }
                return try interp.call(function, inner)
            })
    }
}

/// `torch.autograd.detect_anomaly()`.
final class AnomalyContext: PyObject, ContextManager {
    private var saved: [Bool] = []
    var typeName: String { "detect_anomaly" }
    func enter(_ interp: Interpreter) throws -> Value {
        saved.append(GradMode.anomalyDetection)
        GradMode.anomalyDetection = true
        return .none
    }
    func exit(_ interp: Interpreter) throws {
        GradMode.anomalyDetection = saved.popLast() ?? false
    }
}

/// `torch.autograd.Function`: the base class of custom Functions.
final class FunctionBaseObject: PyObject, Sendable {
    static let shared = FunctionBaseObject()
    var typeName: String { "type" }
    func repr() -> String { "<class 'torch.autograd.function.Function'>" }
}

/// The `ctx` passed to a custom Function's forward and backward.
final class FunctionCtxObject: PyObject {
    let context: FunctionContext
    private var attributes: [String: Value] = [:]
    init(_ context: FunctionContext) { self.context = context }

    var typeName: String { "BackwardCFunction" }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "save_for_backward":
            return .object(
                BuiltinFunction("save_for_backward") { [context] args, _ in
                    context.saveForBackward(
                        try args.positional.map { v -> Tensor? in
                            switch v {
                            case .object(let t as Tensor): return t
                            case .none: return nil
                            default:
                                throw PyException.type(
                                    "save_for_backward can only save variables, but argument 0 is of type \(Formatting.typeName(v))"
                                )
                            }
                        })
                    return .none
                })
        case "saved_tensors", "saved_variables":
            if name == "saved_variables" {
                interp.warn("'saved_variables' is deprecated; use 'saved_tensors'", category: "DeprecationWarning")
            }
            return .tuple(try context.savedTensors().map { $0.map(Value.tensor) ?? .none })
        case "needs_input_grad":
            return .tuple(context.needsInputGrad.map { .bool($0) })
        default:
            return attributes[name]
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        attributes[name] = value
        return true
    }
}
