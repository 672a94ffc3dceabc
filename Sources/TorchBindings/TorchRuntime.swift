import Autograd
import Python

/// The `torch` module family installed in one interpreter, and the state it keeps there.
package final class TorchRuntime {
    /// Where torch-specific events (grad-mode regions, `.grad` reads) go; nil for nowhere.
    package weak var observer: TorchObserver?
    /// One Python object per live autograd node, so `fn is fn` and dict keys work.
    var gradFnCache: [Int: WeakGradFn] = [:]
    /// Set while `torch.autograd.graph.disable_saved_tensors_hooks(message)` is active: the error
    /// installing saved-tensor hooks raises.
    var savedTensorHooksDisabledMessage: String?
    /// The stand-in addresses and Python objects of storages (`data_ptr()`, `untyped_storage()`).
    let storageAddresses = StorageAddresses()
    /// The Python prelude's modules (torch.nn, torch.optim, ...), loaded on first use.
    private(set) var prelude: PreludeRegistry?
    /// The device factories use when not given one (`torch.set_default_device`).
    var defaultDevice = DeviceObject.cpu
    /// The dtype of floating factories (`torch.set_default_dtype`): float32 or float64.
    var defaultDType: DType {
        get { printOptions.options.defaultDType }
        set { printOptions.options.defaultDType = newValue }
    }
    /// Thread count, determinism and matmul precision as the script set them.
    let settings = RuntimeSettings()
    /// `torch.set_printoptions` state, reset at the start of each run.
    let printOptions = PrintOptionsBox()

    private init() {}

    /// Makes `torch`, `torch.autograd`, `torch.nn.functional`, `torch.linalg`, `numpy`, the Python prelude's modules
    /// (`torch.nn`, `torch.optim`, ..., run on first use) and its host module `_gradscope`
    /// importable in `interp`; while it runs, tensor storage counts against its memory limit, engine warnings
    /// print as Python warnings and anomaly mode reports its call stacks.
    @discardableResult
    package static func install(into interp: Interpreter) -> TorchRuntime {
        let runtime = of(interp)
        let functional = ModuleObject(
            name: "torch.nn.functional",
            members: RegistryBindings.adding(
                .functional, to: TorchFunctions.functional(interp).merging(FunctionalPreludeMembers.members()) { $1 }))
        let linalg = ModuleObject(
            name: "torch.linalg",
            members: RegistryBindings.adding(.linalg, to: ["LinAlgError": .object(TorchRuntime.linAlgError)]))
        let gradscope = ModuleObject(name: "_gradscope", members: GradScopeHostModule.members(interp))
        let prelude = PreludeRegistry(hostMembers: ["torch.nn": ["functional": .object(functional)]])
        runtime.prelude = prelude
        let autograd = ModuleObject(
            name: "torch.autograd", members: TorchFunctions.autograd(interp).merging(preludeMembersOfAutograd(prelude)) { $1 })
        var torchMembers = RegistryBindings.adding(.torch, to: TorchFunctions.torch(interp))
        torchMembers["nn"] = prelude.modules["torch.nn"].map { .object($0) }
        torchMembers["optim"] = prelude.modules["torch.optim"].map { .object($0) }
        torchMembers["utils"] = prelude.modules["torch.utils"].map { .object($0) }
        torchMembers["distributions"] = prelude.modules["torch.distributions"].map { .object($0) }
        torchMembers["special"] = prelude.modules["torch.special"].map { .object($0) }
        torchMembers["serialization"] = prelude.modules["torch.serialization"].map { .object($0) }
        torchMembers["amp"] = prelude.modules["torch.amp"].map { .object($0) }
        torchMembers.merge(delegates(["autocast"], to: "torch.amp", prelude)) { $1 }
        torchMembers.merge(
            delegates(["is_autocast_enabled", "get_autocast_dtype"], to: "torch.amp.autocast_mode", prelude)
        ) { $1 }
        torchMembers.merge(delegates(["save", "load"], to: "torch.serialization", prelude)) { $1 }
        torchMembers.merge(delegates(["rms_norm"], to: "torch.nn._functional_normalization", prelude)) { $1 }
        torchMembers.merge(delegates(["norm_except_dim", "_weight_norm"], to: "torch.nn._weight_norm_functions", prelude)) { $1 }
        torchMembers.merge(delegates(["typename"], to: "torch._typename", prelude)) { $1 }
        torchMembers.merge(NumPyBridge.torchMembers(interp)) { $1 }
        torchMembers = OpAliases.adding(to: torchMembers)
        torchMembers["autograd"] = .object(autograd)
        torchMembers["linalg"] = .object(linalg)
        let cuda = DeviceBindings.cudaModule(amp: prelude.modules["torch.cuda.amp"])
        let backends = DeviceBindings.backendsModule(matmul: CuBLASFlagsObject(runtime.settings))
        torchMembers["cuda"] = .object(cuda)
        torchMembers["backends"] = .object(backends)
        let torch = ModuleObject(name: "torch", members: torchMembers)
        for module in [torch, autograd, functional, linalg, cuda, backends] {
            interp.registerModule(module.name, .object(module))
        }
        prelude.register(into: interp)
        NumPyModule.install(into: interp)
        interp.registerModule(gradscope.name, .object(gradscope))
        interp.classAttributeHook = { cls, name in
            guard name == "apply", cls.derives(from: FunctionBaseObject.shared) else { return nil }
            return .object(BuiltinFunction("apply") { args, interp in try interp.applyCustomFunction(cls, args) })
        }
        interp.hostSubclassConstructor = TensorSubclassInstance.construct
        interp.memoryCheck = { shape, itemSize in
            try MemoryBudget.reserve(try MemoryBudget.checkedNumel(shape), itemSize: itemSize, shape: shape)
        }
        interp.runScopes.append { interp in
            let previousLimit = MemoryBudget.limit
            MemoryBudget.limit = interp.limits.maxMemory
            return { MemoryBudget.limit = previousLimit }
        }
        interp.runScopes.append { _ in
            let previousCheck = WorkBudget.check
            WorkBudget.check = { multiplyAdds in
                try RunWatchdog.current?.refuseWork(taking: multiplyAdds / WorkBudget.fastestRate)
            }
            return { WorkBudget.check = previousCheck }
        }
        interp.runScopes.append { interp in
            let previousHandler = Diagnostics.warningHandler
            Diagnostics.warningHandler = { [unowned interp] message in interp.warn(message, category: "UserWarning") }
            return { Diagnostics.warningHandler = previousHandler }
        }
        interp.runScopes.append(AnomalyReporting.enter)
        interp.runScopes.append(PrintOptionsBox.enter)
        return runtime
    }

    /// `torch.autograd.graph`, `.functional`, `.function` and the `gradcheck`/`gradgradcheck` functions, which the
    /// prelude writes in Python (the functions run their module's source on first call).
    private static func preludeMembersOfAutograd(_ prelude: PreludeRegistry) -> [String: Value] {
        var members = [String: Value]()
        for name in ["graph", "functional", "function"] {
            if let module = prelude.modules["torch.autograd." + name] { members[name] = .object(module) }
        }
        return members.merging(delegates(["gradcheck", "gradgradcheck"], to: "torch.autograd.gradcheck", prelude)) { $1 }
    }

    /// Functions that call the prelude module `moduleName`'s functions of the same names, so that
    /// the module runs only when one is first called (`torch.save` is `torch.serialization.save`).
    private static func delegates(_ names: [String], to moduleName: String, _ prelude: PreludeRegistry) -> [String: Value] {
        guard let module = prelude.modules[moduleName] else { return [:] }
        var members = [String: Value]()
        for name in names {
            members[name] = .object(
                BuiltinFunction(name) { [unowned module] args, interp in
                    guard let function = try module.attribute(name, interp) else {
                        throw PyException.attribute("module '\(moduleName)' has no attribute '\(name)'")
                    }
                    return try interp.call(function, args)
                })
        }
        return members
    }

    /// `torch.linalg.LinAlgError` (`torch._C._LinAlgError`): a `RuntimeError` for a matrix
    /// that cannot be factored (singular, not positive-definite).
    static let linAlgError = ExceptionClass("_LinAlgError", base: .runtimeError, module: "torch._C")

    /// The runtime of `interp`.
    static func of(_ interp: Interpreter) -> TorchRuntime { interp.hostState(TorchRuntime.init) }
}

extension Interpreter {
    /// Where torch-specific events of this run go.
    var torchObserver: TorchObserver? { TorchRuntime.of(self).observer }
}

/// Engine errors reach scripts as the Python exceptions PyTorch raises.
extension TorchError: PyExceptionConvertible {
    package var pyException: PyException {
        let cls: ExceptionClass
        switch self {
        case .runtime: cls = .runtimeError
        case .type: cls = .typeError
        case .index: cls = .indexError
        case .value: cls = .valueError
        case .unsupportedOperation: cls = .notImplementedError
        case .memory: cls = .memoryError
        case .linalg: cls = TorchRuntime.linAlgError
        }
        return PyException(cls, message)
    }
}

/// A script's exception that left a hook inside backward is recorded under its Python name.
extension PyException: PythonDescribedError {
    package var pythonType: String { typeName }
}
