import Autograd
import Foundation
import Python

/// The functions of the `torch`, `torch.autograd` and `torch.nn.functional` modules that the op
/// registry does not bind (see `RegistryBindings`): factories, grad-mode switches, dtypes and
/// constants, `where`, `torch.autograd`, the tensor methods `torch.X` shares with `TensorMethods`,
/// the class-index losses, and the `F` functions with behaviour beyond their op
/// (`RegistryBindings.keptByHand`).
enum TorchFunctions {
    typealias Body = (Arguments, Interpreter) throws -> Value

    private static func function(_ name: String, _ body: @escaping Body) -> Value {
        .object(BuiltinFunction(name, body))
    }

    /// A factory function: its `device=` (else the default device) must be the CPU.
    static func factory(_ name: String, _ body: @escaping Body) -> Value {
        function(name) { args, interp in
            try interp.requireCPU(args.keyword("device"))
            return try body(args, interp)
        }
    }

    /// A `*_like` factory: the device defaults to the input's, the CPU.
    private static func likeFactory(_ name: String, _ body: @escaping Body) -> Value {
        function(name) { args, interp in
            if let device = args.keyword("device"), !interp.isNone(device) { try interp.requireCPU(device) }
            return try body(args, interp)
        }
    }

    /// `torch.NAME(t, ...)` calling the tensor method NAME with the remaining arguments.
    private static func delegating(_ name: String) -> Value {
        function(name) { args, interp in
            var rest = args
            let t: Tensor
            if let first = rest.positional.first {
                t = try interp.tensorValue(first, name, "input")
                rest.positional.removeFirst()
            } else if let i = rest.keywords.firstIndex(where: { $0.name == "input" }) {
                t = try interp.tensorValue(rest.keywords[i].value, name, "input")
                rest.keywords.remove(at: i)
            } else {
                throw PyException.type("\(name)() missing 1 required positional arguments: \"input\"")
            }
            guard let method = TensorMethods.table[name] else {
                throw PyException.attribute("module 'torch' has no attribute '\(name)'")
            }
            return try method(t, rest, interp)
        }
    }

    /// Applies `requires_grad=` and `dtype=` to a factory's result.
    static func finish(_ op: String, _ t: Tensor, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        .tensor(try Tensor.factory(op, t, requiresGrad: try interp.boolValue(args.keyword("requires_grad"), default: false)))
    }

    /// A branch of `torch.where` / `Tensor.where`: a tensor, or a Python number as a 0-dim
    /// tensor of its kind.
    static func whereBranch(_ value: Value?, position: Int, name: String) throws -> Tensor {
        let v = value ?? .none
        switch v {
        case .object(let t as Tensor): return t
        case .int(let n): return Tensor.scalar(Double(n), dtype: .int64)
        case .float(let d): return Tensor.scalar(d, dtype: .float32)
        case .bool(let b): return Tensor.scalar(b ? 1 : 0, dtype: .bool)
        default:
            throw PyException.type(
                "where(): argument '\(name)' (position \(position)) must be Tensor, not \(Formatting.typeName(v))")
        }
    }

    static func torch(_ interp: Interpreter) -> [String: Value] {
        var m = MeshgridBinding.members().merging(TensordotBinding.members()) { _, new in new }
            .merging(TriangleIndicesBinding.members()) { _, new in new }
            .merging(EinsumBinding.members()) { _, new in new }
            .merging(CTCLossBinding.torchMembers()) { _, new in new }
            .merging(CompileBinding.members()) { _, new in new }
            .merging(BroadcastTensorsBinding.members()) { _, new in new }
            .merging(TypeInfoBindings.members()) { _, new in new }
            .merging(TypePromotionBindings.members()) { _, new in new }
            .merging(VariadicTensorBindings.members()) { _, new in new }
        for name in [
            "square", "true_divide", "allclose", "equal", "clone", "detach", "numel", "isclose", "unique", "nonzero", "split",
            "chunk", "unbind", "tensor_split", "ravel", "is_complex", "is_nonzero", "is_same_size", "qr"
        ] {
            m[name] = delegating(name)
        }
        m["tensor"] = factory("tensor") { args, interp in
            try args.check("tensor", maxPositional: 1, allowed: ["dtype", "requires_grad", "device", "pin_memory"])
            guard let data = args.positional.first else {
                throw PyException.type("tensor() missing 1 required positional arguments: \"data\"")
            }
            if case .object(let a as NDArray) = data { // an ndarray keeps its dtype
                return try finish(
                    "tensor", try a.tensor.to(try interp.dtypeArgument(args) ?? a.tensor.dtype, copy: true), args, interp)
            }
            let requested = try interp.dtypeArgument(args)
            let d = try interp.nestedData(data, storingAs: requested)
            let inferred = d.dtype == .float32 ? interp.defaultFloatDType : d.dtype
            let t = try Tensor(d.values, shape: d.shape, dtype: requested ?? inferred)
            return try finish("tensor", t, args, interp)
        }
        func shaped(_ name: String, _ make: @escaping ([Int], DType) throws -> Tensor) {
            m[name] = factory(name) { args, interp in
                let shape = try interp.shapeArgument(args, name)
                let dtype = try interp.floatDTypeArgument(args)
                try MemoryBudget.checkedNumel(shape, allocating: dtype)
                return try finish(name, try make(shape, dtype), args, interp)
            }
        }
        shaped("ones") { s, d in Tensor.ones(s, dtype: d) }
        shaped("zeros") { s, d in Tensor.zeros(s, dtype: d) }
        shaped("empty") { s, d in Tensor.zeros(s, dtype: d) }
        func like(_ name: String, _ make: @escaping (Tensor, DType) throws -> Tensor) {
            m[name] = likeFactory(name) { args, interp in
                let t = try interp.tensorValue(args.value(0, "input"), name, "input")
                let dtype = try interp.dtypeArgument(args) ?? t.dtype
                try MemoryBudget.checkedNumel(t.shape, allocating: dtype)
                return try finish(name, try make(t, dtype), args, interp)
            }
        }
        like("ones_like") { t, d in Tensor.onesLike(t, dtype: d) }
        like("zeros_like") { t, d in Tensor.zerosLike(t, dtype: d) }
        like("empty_like") { t, d in Tensor.zerosLike(t, dtype: d) }
        m["full"] = factory("full") { args, interp in
            let shape = try interp.intList(args.value(0, "size") ?? .none, "full", "size")
            let fill = args.value(1, "fill_value") ?? .none
            let dtype =
                try interp.dtypeArgument(args)
                ?? {
                    if case .int = fill { return .int64 }
                    if case .bool = fill { return .bool }
                    return interp.defaultFloatDType
                }()
            try MemoryBudget.checkedNumel(shape, allocating: dtype)
            return try finish(
                "full", Tensor.full(shape, try interp.fillValue(fill, for: dtype, "full", "fill_value"), dtype: dtype), args,
                interp)
        }
        m["full_like"] = likeFactory("full_like") { args, interp in
            let t = try interp.tensorValue(args.value(0, "input"), "full_like", "input")
            let dtype = try interp.dtypeArgument(args) ?? t.dtype
            try MemoryBudget.checkedNumel(t.shape, allocating: dtype)
            return try finish(
                "full_like",
                Tensor.full(
                    t.shape, try interp.fillValue(args.value(1, "fill_value"), for: dtype, "full_like", "fill_value"),
                    dtype: dtype
                ).inLayout(of: t), args, interp)
        }
        m["arange"] = factory("arange") { args, interp in
            let nums = args.positional
            let allInts = nums.allSatisfy {
                if case .int = $0 { return true }
                return false
            }
            let values = try nums.map { try interp.doubleValue($0, "arange", "end") }
            let (start, end, step): (Double, Double, Double)
            switch values.count {
            case 1: (start, end, step) = (0, values[0], 1)
            case 2: (start, end, step) = (values[0], values[1], 1)
            case 3: (start, end, step) = (values[0], values[1], values[2])
            default: throw PyException.type("arange() received an invalid combination of arguments")
            }
            let dtype = try interp.dtypeArgument(args) ?? (allInts ? .int64 : interp.defaultFloatDType)
            return try finish("arange", try Tensor.arange(start: start, end: end, step: step, dtype: dtype), args, interp)
        }
        m["range"] = factory("range") { args, interp in
            let values = try args.positional.map { try interp.doubleValue($0, "range", "end") }
            guard values.count >= 2 else { throw PyException.type("range() missing required argument 'end'") }
            let t = try Tensor.range(
                start: values[0], end: values[1], step: values.count > 2 ? values[2] : 1,
                dtype: try interp.floatDTypeArgument(args))
            return try finish("range", t, args, interp)
        }
        m["linspace"] = factory("linspace") { args, interp in
            let t = try Tensor.linspace(
                try interp.doubleValue(args.value(0, "start"), "linspace", "start"),
                try interp.doubleValue(args.value(1, "end"), "linspace", "end"),
                steps: try interp.intValue(args.value(2, "steps"), "linspace", "steps"),
                dtype: try interp.floatDTypeArgument(args))
            return try finish("linspace", t, args, interp)
        }
        m["logspace"] = factory("logspace") { args, interp in
            let t = try Tensor.logspace(
                try interp.doubleValue(args.value(0, "start"), "logspace", "start"),
                try interp.doubleValue(args.value(1, "end"), "logspace", "end"),
                steps: try interp.intValue(args.value(2, "steps"), "logspace", "steps"),
                base: try interp.doubleValue(args.value(3, "base") ?? .float(10), "logspace", "base"),
                dtype: try interp.floatDTypeArgument(args))
            return try finish("logspace", t, args, interp)
        }
        m["eye"] = factory("eye") { args, interp in
            let n = try interp.intValue(args.value(0, "n"), "eye", "n")
            let cols = try args.value(1, "m").map { try interp.intValue($0, "eye", "m") }
            guard n >= 0 else { throw PyException.runtime("n must be greater or equal to 0, got \(n)") }
            if let cols, cols < 0 { throw PyException.runtime("m must be greater or equal to 0, got \(cols)") }
            try MemoryBudget.checkedNumel([n, cols ?? n], allocating: try interp.floatDTypeArgument(args))
            return try finish("eye", Tensor.eye(n, cols, dtype: try interp.floatDTypeArgument(args)), args, interp)
        }
        m["where"] = function("where") { args, interp in
            let condition = try interp.tensorValue(args.value(0, "condition"), "where", "condition")
            if args.count == 1 { return .tuple(condition.nonzeroTuple().map(Value.tensor)) }
            guard condition.dtype == .bool else {
                throw PyException.runtime(
                    "where expected condition to be a boolean tensor, but got a tensor with dtype \(condition.dtype.legacyTypeName.replacingOccurrences(of: "torch.", with: "").replacingOccurrences(of: "Tensor", with: ""))"
                )
            }
            return .tensor(
                try Tensor.maskedWhere(
                    condition, try whereBranch(args.value(1, "input"), position: 2, name: "input"),
                    try whereBranch(args.value(2, "other"), position: 3, name: "other")))
        }
        m["is_floating_point"] = function("is_floating_point") { args, _ in
            guard case .object(let t as Tensor) = args.positional.first ?? .none else {
                throw PyException.type(
                    "is_floating_point(): argument 'input' (position 1) must be Tensor, not "
                        + Formatting.typeName(args.positional.first ?? .none))
            }
            return .bool(t.dtype.isFloatingPoint)
        }
        m["is_tensor"] = function("is_tensor") { args, _ in
            if case .object(is Tensor) = args.positional.first ?? .none { return .bool(true) }
            return .bool(false)
        }
        m["no_grad"] = function("no_grad") { _, _ in .object(GradModeContext(kind: .noGrad, enabled: false)) }
        m["enable_grad"] = function("enable_grad") { _, _ in .object(GradModeContext(kind: .enableGrad, enabled: true)) }
        m["inference_mode"] = function("inference_mode") { args, interp in
            let on = try interp.boolValue(args.value(0, "mode"), default: true)
            return .object(
                on
                    ? GradModeContext(kind: .inferenceMode, enabled: false)
                    : GradModeContext(kind: .enableGrad, enabled: GradMode.isEnabled))
        }
        m["set_grad_enabled"] = function("set_grad_enabled") { args, interp in
            let on = try interp.truthy(args.value(0, "mode") ?? .none)
            let context = GradModeContext(kind: .setGradEnabled, enabled: on)
            if GradMode.isEnabled != on {
                if on {
                    interp.torchObserver?.regionExited(line: interp.scriptLine)
                } else {
                    interp.torchObserver?.regionEntered(.gradDisabled, line: interp.scriptLine)
                }
            }
            GradMode.isEnabled = on
            return .object(context)
        }
        m["is_grad_enabled"] = function("is_grad_enabled") { _, _ in .bool(GradMode.isEnabled) }
        m["is_inference_mode_enabled"] = function("is_inference_mode_enabled") { _, _ in .bool(GradMode.isInferenceMode) }
        for (name, dtype) in [
            ("float32", DType.float32), ("float", .float32), ("float64", .float64), ("double", .float64),
            ("int64", .int64), ("long", .int64), ("bool", .bool), ("int32", .int32), ("int", .int32),
            ("int16", .int16), ("short", .int16), ("int8", .int8), ("uint8", .uint8)
        ] {
            m[name] = .object(DTypeObject.of(dtype))
        }
        m.merge(HalfPrecisionDTypeObject.torchMembers) { hand, _ in hand }
        m["Tensor"] = .object(TorchTypes.tensor)
        for (name, type) in TorchTypes.legacyTensors { m[name] = .object(type) }
        m["Size"] = .object(TorchTypes.size)
        m["dtype"] = .object(TorchTypes.dtype)
        m["pi"] = .float(Double.pi)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["e"] = .float(M_E)
        m.merge(RandomSamplingBindings.functions()) { hand, _ in hand }
        m.merge(DistributionSamplingBindings.functions()) { hand, _ in hand }
        m.merge(GeneratorObject.torchMembers()) { hand, _ in hand }
        m.merge(DeviceBindings.torchMembers()) { hand, _ in hand }
        m.merge(RuntimeSettingsBindings.torchMembers(TorchRuntime.of(interp).settings)) { hand, _ in hand }
        m.merge(PrintOptionsBox.torchMembers()) { hand, _ in hand }
        return m
    }

    static func autograd(_ interp: Interpreter) -> [String: Value] {
        var m = [String: Value]()
        m["grad"] = function("grad") { args, interp in
            try args.check(
                "grad", maxPositional: 7,
                allowed: [
                    "outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "allow_unused", "only_inputs",
                    "is_grads_batched", "materialize_grads"
                ])
            let outputs = try interp.tensorSequence(args.value(0, "outputs"), "grad", "outputs")
            let inputs = try interp.tensorSequence(args.value(1, "inputs"), "grad", "inputs")
            let gradOutputs = try interp.optionalTensorSequence(args.value(2, "grad_outputs"))
            let retain = try args.value(3, "retain_graph").flatMap { interp.isNone($0) ? nil : try interp.truthy($0) }
            let result = try Autograd.grad(
                outputs: outputs, inputs: inputs, gradOutputs: gradOutputs, retainGraph: retain,
                createGraph: try interp.boolValue(args.value(4, "create_graph"), default: false),
                allowUnused: try interp.boolValue(args.value(6, "allow_unused"), default: false))
            return .tuple(result.map { $0.map(Value.tensor) ?? .none })
        }
        m["backward"] = function("backward") { args, interp in
            let tensors = try interp.tensorSequence(args.value(0, "tensors"), "backward", "tensors")
            let grads = try interp.optionalTensorSequence(args.value(1, "grad_tensors"))
            let retain = try args.value(2, "retain_graph").flatMap { interp.isNone($0) ? nil : try interp.truthy($0) }
            try interp.runBackward(
                tensors, gradients: grads, retainGraph: retain,
                createGraph: try interp.boolValue(args.value(3, "create_graph"), default: false),
                inputs: args.value(5, "inputs"))
            return .none
        }
        m["Variable"] = function("Variable") { args, interp in
            let data = args.value(0, "data") ?? .none
            guard case .object(let t as Tensor) = data else {
                throw PyException.type(AutogradMessages.variableData(Formatting.typeName(data)))
            }
            let v = t.detach()
            try v.setRequiresGrad(try interp.boolValue(args.value(1, "requires_grad"), default: false))
            return .tensor(v)
        }
        m["Function"] = .object(FunctionBaseObject.shared)
        m["set_detect_anomaly"] = function("set_detect_anomaly") { args, interp in
            GradMode.anomalyDetection = try interp.truthy(args.value(0, "mode") ?? .bool(true))
            return .none
        }
        m["detect_anomaly"] = function("detect_anomaly") { _, interp in
            interp.warn(AnomalyReporting.enabledWarning, category: "UserWarning")
            return .object(AnomalyContext())
        }
        // Whether a reentrant checkpoint may run its own backward here (torch/utils/checkpoint.py).
        m["_is_checkpoint_valid"] = function("_is_checkpoint_valid") { _, _ in
            .bool(GraphTask.current?.canCheckpoint ?? true)
        }
        return m
    }

    static func functional(_ interp: Interpreter) -> [String: Value] {
        var m = FunctionalBindings.members()
        m["relu"] = function("relu") { args, interp in
            try args.check("relu", maxPositional: 2, allowed: ["input", "inplace"])
            let t = try interp.tensorValue(args.value(0, "input"), "relu", "input")
            return .tensor(try interp.boolValue(args.value(1, "inplace"), default: false) ? try t.relu_() : try t.relu())
        }
        for (name, isLog) in [("softmax", false), ("log_softmax", true)] {
            m[name] = function(name) { args, interp in
                try args.check(name, maxPositional: 4, allowed: ["input", "dim", "_stacklevel", "dtype"])
                var t = try interp.tensorValue(args.value(0, "input"), name, "input")
                let dim: Int
                if let d = args.value(1, "dim"), !interp.isNone(d) {
                    dim = try interp.intValue(d, name, "dim")
                } else {
                    interp.warn(
                        "Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument.",
                        category: "UserWarning")
                    dim = [0, 1, 3].contains(t.dim) ? 0 : 1
                }
                if let dtype = try interp.dtypeArgument(args) { t = try t.to(dtype) }
                return .tensor(isLog ? try t.logSoftmax(dim: dim) : try t.softmax(dim: dim))
            }
        }
        // nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
        // reduction="mean") and cross_entropy(..., label_smoothing=0.0).
        func classLoss(_ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Tensor {
            let crossEntropy = name == "cross_entropy"
            var allowed = ["input", "target", "weight", "size_average", "ignore_index", "reduce", "reduction"]
            if crossEntropy { allowed.append("label_smoothing") }
            try args.check(name, maxPositional: allowed.count, allowed: allowed)
            let input = try interp.tensorValue(args.value(0, "input"), name, "input")
            let target = try interp.tensorValue(args.value(1, "target"), name, "target")
            let weight = try args.value(2, "weight").flatMap {
                interp.isNone($0) ? nil : try interp.tensorValue($0, name, "weight")
            }
            let ignoreIndex = try args.value(4, "ignore_index").map { try interp.intValue($0, name, "ignore_index") } ?? -100
            let reduction = try LegacyReduction.reduction(args, sizeAverageAt: 3, reduceAt: 5, reductionAt: 6, interp)
            guard ["mean", "sum", "none"].contains(reduction) else {
                throw PyException.value("\(reduction) is not a valid value for reduction")
            }
            let smoothing = try args.value(7, "label_smoothing").map { try interp.doubleValue($0, name, "label_smoothing") } ?? 0
            return crossEntropy
                ? try Tensor.crossEntropy(
                    input, target: target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex,
                    labelSmoothing: smoothing)
                : try Tensor.nllLoss(input, target: target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        }
        for name in ["nll_loss", "cross_entropy"] {
            m[name] = function(name) { args, interp in .tensor(try classLoss(name, args, interp)) }
        }
        return m
    }
}

extension Interpreter {
    /// A tensor or a sequence of tensors, as a list.
    func tensorSequence(_ v: Value?, _ function: String, _ name: String) throws -> [Tensor] {
        guard let v else { throw PyException.type("\(function)() missing required argument '\(name)'") }
        if case .object(let t as Tensor) = v { return [t] }
        return try iterate(v).map { try tensorValue($0, function, name) }
    }

    func optionalTensorSequence(_ v: Value?) throws -> [Tensor?] {
        guard let v, !isNone(v) else { return [] }
        if case .object(let t as Tensor) = v { return [t] }
        return try iterate(v).map { item in
            if case .object(let t as Tensor) = item { return t }
            return nil
        }
    }
}
