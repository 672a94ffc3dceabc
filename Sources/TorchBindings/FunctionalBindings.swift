import Autograd
import Python

/// The `torch.nn.functional` functions that are Python wrappers in PyTorch and draw random
/// numbers, check arguments or pick an overload before calling an ATen op: the dropouts
/// (torch/nn/functional.py `dropout`, `alpha_dropout`, `dropout1d/2d/3d`, with their warnings), `embedding`
/// (padding_idx checks), `binary_cross_entropy`, `max_pool2d` with `return_indices=`,
/// `adaptive_avg_pool2d` with `None` in `output_size`, and the
/// 1-D poolings, which run the 2-D ones on `input.unsqueeze(-2)` as aten does.
enum FunctionalBindings {
    typealias Body = (Arguments, Interpreter) throws -> Value

    private static func function(_ name: String, _ body: @escaping Body) -> Value {
        .object(BuiltinFunction(name, body))
    }

    /// The functions, by name.
    static func members() -> [String: Value] {
        var m = InPlaceActivationBindings.members().merging(InterpolateBinding.members()) { _, new in new }
        m.merge(AdaptiveMaxPoolBindings.members()) { _, new in new }
        m.merge(FoldBindings.members()) { _, new in new }
        m.merge(VolumetricPoolBindings.members()) { _, new in new }
        m.merge(CTCLossBinding.functionalMembers()) { _, new in new }
        m["dropout"] = function("dropout") { args, interp in
            let (input, p, training, inPlace) = try dropoutArguments("dropout", args, interp)
            return .tensor(try Tensor.dropout(input, p: p, training: training, inPlace: inPlace))
        }
        m["alpha_dropout"] = function("alpha_dropout") { args, interp in
            let (input, p, training, inPlace) = try dropoutArguments("alpha_dropout", args, interp, training: false)
            return .tensor(try Tensor.alphaDropout(input, p: p, training: training, inPlace: inPlace))
        }
        m["dropout1d"] = function("dropout1d") { args, interp in
            let (input, p, training, inPlace) = try dropoutArguments("dropout1d", args, interp)
            guard [2, 3].contains(input.dim) else {
                throw PyException.runtime(
                    "dropout1d: Expected 2D or 3D input, but received a \(input.dim)D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs)."
                )
            }
            return .tensor(try unbatchedFeatureDropout(input, batched: input.dim == 3, p, training, inPlace))
        }
        m["dropout2d"] = function("dropout2d") { args, interp in
            let (input, p, training, inPlace) = try dropoutArguments("dropout2d", args, interp)
            if ![3, 4].contains(input.dim) {
                interp.warn(deprecatedRank("dropout2d", input.dim, spatial: 2, ranks: "3D or 4D"), category: "UserWarning")
            }
            if input.dim == 3 {
                interp.warn(
                    "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.",
                    category: "UserWarning")
            }
            return .tensor(try Tensor.featureDropout(input, p: p, training: training, inPlace: inPlace))
        }
        m["dropout3d"] = function("dropout3d") { args, interp in
            let (input, p, training, inPlace) = try dropoutArguments("dropout3d", args, interp)
            if ![4, 5].contains(input.dim) {
                interp.warn(deprecatedRank("dropout3d", input.dim, spatial: 3, ranks: "4D or 5D"), category: "UserWarning")
            }
            return .tensor(try unbatchedFeatureDropout(input, batched: input.dim == 5, p, training, inPlace))
        }
        m["embedding"] = function("embedding") { args, interp in
            try args.check(
                "embedding", maxPositional: 7,
                allowed: ["input", "weight", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"])
            let input = try interp.tensorValue(args.value(0, "input"), "embedding", "input")
            let weight = try interp.tensorValue(args.value(1, "weight"), "embedding", "weight")
            if let maxNorm = args.value(3, "max_norm"), !interp.isNone(maxNorm) {
                throw PyException.runtime("GradScope does not support F.embedding(max_norm=)")
            }
            var padding: Int? = nil
            if let v = args.value(2, "padding_idx"), !interp.isNone(v) {
                let index = try interp.intValue(v, "embedding", "padding_idx")
                let rows = weight.dim > 0 ? weight.shape[0] : 0
                guard index < rows && index >= -rows else {
                    throw PyException(
                        instance: ExceptionInstance(.assertionError, [.string("Padding_idx must be within num_embeddings")]))
                }
                padding = index
            }
            return .tensor(try Tensor.embedding(input, weight, paddingIdx: padding))
        }
        m["binary_cross_entropy"] = function("binary_cross_entropy") { args, interp in
            try args.check(
                "binary_cross_entropy", maxPositional: 6,
                allowed: ["input", "target", "weight", "size_average", "reduce", "reduction"])
            let input = try interp.tensorValue(args.value(0, "input"), "binary_cross_entropy", "input")
            let target = try interp.tensorValue(args.value(1, "target"), "binary_cross_entropy", "target")
            let weight = try args.value(2, "weight").flatMap {
                interp.isNone($0) ? nil : try interp.tensorValue($0, "binary_cross_entropy", "weight")
            }
            let reduction = try LegacyReduction.reduction(args, sizeAverageAt: 3, reduceAt: 4, reductionAt: 5, interp)
            guard ["mean", "sum", "none"].contains(reduction) else {
                throw PyException.value("\(reduction) is not a valid value for reduction")
            }
            return .tensor(try Tensor.binaryCrossEntropy(input, target, weight: weight, reduction: reduction))
        }
        m["adaptive_avg_pool2d"] = function("adaptive_avg_pool2d") { args, interp in
            try args.check("adaptive_avg_pool2d", maxPositional: 2, allowed: ["input", "output_size"])
            let input = try interp.tensorValue(args.value(0, "input"), "adaptive_avg_pool2d", "input")
            guard let size = args.value(1, "output_size") else {
                throw PyException.type("adaptive_avg_pool2d() missing 1 required positional argument: 'output_size'")
            }
            return .tensor(try input.adaptiveAvgPool2d(outputSize: try listWithDefault(size, input.shape, interp)))
        }
        m["max_pool2d"] = function("max_pool2d") { args, interp in
            let (input, window) = try maxPoolArguments("max_pool2d", args, interp)
            let pooled = try input.maxPool2dWithIndices(
                kernelSize: window.kernel, stride: window.stride, padding: window.padding, dilation: window.dilation,
                ceilMode: window.ceilMode)
            guard try interp.boolValue(args.value(6, "return_indices"), default: false) else { return .tensor(pooled.values) }
            return .tuple([.tensor(pooled.values), .tensor(pooled.indices)])
        }
        m["max_pool2d_with_indices"] = function("max_pool2d_with_indices") { args, interp in
            let (input, window) = try maxPoolArguments("max_pool2d_with_indices", args, interp)
            let pooled = try input.maxPool2dWithIndices(
                kernelSize: window.kernel, stride: window.stride, padding: window.padding, dilation: window.dilation,
                ceilMode: window.ceilMode)
            return .tuple([.tensor(pooled.values), .tensor(pooled.indices)])
        }
        m["max_pool1d"] = function("max_pool1d") { args, interp in
            let (input, window) = try maxPoolArguments("max_pool1d", args, interp)
            guard [2, 3].contains(input.dim) else {
                throw PyException.runtime(
                    "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:\(input.shape)"
                )
            }
            func one(_ list: [Int], _ fallback: Int) -> [Int] { [1, list.first ?? fallback] }
            let pooled = try input.unsqueeze(-2).maxPool2dWithIndices(
                kernelSize: one(window.kernel, 1), stride: window.stride.isEmpty ? [] : one(window.stride, 1),
                padding: [0, window.padding.first ?? 0], dilation: one(window.dilation, 1), ceilMode: window.ceilMode)
            let values = try pooled.values.squeeze(-2)
            guard try interp.boolValue(args.value(6, "return_indices"), default: false) else { return .tensor(values) }
            return .tuple([.tensor(values), .tensor(try pooled.indices.squeeze(-2))])
        }
        m["avg_pool1d"] = function("avg_pool1d") { args, interp in
            try args.check(
                "avg_pool1d", maxPositional: 6,
                allowed: ["input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"])
            let input = try interp.tensorValue(args.value(0, "input"), "avg_pool1d", "input")
            guard [2, 3].contains(input.dim) else {
                throw PyException.runtime(
                    "Expected 2 to 3 dimensions, but got \(input.dim)-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)"
                )
            }
            guard let kernelValue = args.value(1, "kernel_size") else {
                throw PyException.type("avg_pool1d() missing required argument 'kernel_size'")
            }
            let kernel = try interp.intList(kernelValue, "avg_pool1d", "kernel_size")
            let stride = try args.value(2, "stride").flatMap {
                interp.isNone($0) ? nil : try interp.intList($0, "avg_pool1d", "stride")
            }
            let padding = try args.value(3, "padding").map { try interp.intList($0, "avg_pool1d", "padding") } ?? [0]
            let pooled = try input.unsqueeze(-2).avgPool2d(
                kernelSize: [1, kernel.first ?? 1], stride: [1, (stride ?? kernel).first ?? 1], padding: [0, padding.first ?? 0],
                ceilMode: try interp.boolValue(args.value(4, "ceil_mode"), default: false),
                countIncludePad: try interp.boolValue(args.value(5, "count_include_pad"), default: true))
            return .tensor(try pooled.squeeze(-2))
        }
        return m
    }

    /// `input, p=0.5, training=True, inplace=False`, with the probability check of functional.py.
    private static func dropoutArguments(
        _ name: String, _ args: Arguments, _ interp: Interpreter, training defaultTraining: Bool = true
    ) throws -> (Tensor, Double, Bool, Bool) {
        try args.check(name, maxPositional: 4, allowed: ["input", "p", "training", "inplace"])
        let input = try interp.tensorValue(args.value(0, "input"), name, "input")
        let p = try args.value(1, "p").map { try interp.doubleValue($0, name, "p") } ?? 0.5
        guard p >= 0 && p <= 1 else {
            throw PyException.value(
                "dropout probability has to be between 0 and 1, but got \(Formatting.repr(args.value(1, "p")!))")
        }
        return (
            input, p, try interp.boolValue(args.value(2, "training"), default: defaultTraining),
            try interp.boolValue(args.value(3, "inplace"), default: false)
        )
    }

    /// functional.py's `_list_with_default`: an output size whose `None` entries take the
    /// input's trailing sizes (`name` is the function, for argument errors).
    static func listWithDefault(
        _ size: Value, _ defaults: [Int], _ interp: Interpreter, name: String = "adaptive_avg_pool2d"
    ) throws -> [Int] {
        if case .int(let n) = size { return [n] }
        let entries = try interp.iterate(size)
        guard defaults.count > entries.count else {
            throw PyException.value("Input dimension should be at least \(entries.count + 1)")
        }
        return try zip(entries, defaults.suffix(entries.count)).map { v, d in
            interp.isNone(v) ? d : try interp.intValue(v, name, "output_size")
        }
    }

    /// The deprecation warning of `dropout2d`/`dropout3d` for an input of another rank.
    private static func deprecatedRank(_ name: String, _ rank: Int, spatial: Int, ranks: String) -> String {
        "\(name): Received a \(rank)-D input to \(name), which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that \(name) exists to provide channel-wise dropout on inputs with \(spatial) spatial dimensions, a channel dimension, and an optional batch dimension (i.e. \(ranks) inputs)."
    }

    /// `feature_dropout` of `dropout1d`/`dropout3d`: an unbatched input gets a batch dim of one
    /// around the call (unsqueeze(0) … squeeze(0) out of place; in place, one draw per channel).
    private static func unbatchedFeatureDropout(
        _ input: Tensor, batched: Bool, _ p: Double, _ training: Bool, _ inPlace: Bool
    ) throws -> Tensor {
        if batched || inPlace {
            return try Tensor.featureDropout(input, p: p, training: training, inPlace: inPlace, batched: batched)
        }
        return try Tensor.featureDropout(input.unsqueeze(0), p: p, training: training).squeeze(0)
    }

    /// A max-pooling window as `F.max_pool2d` takes it.
    struct Window {
        let kernel: [Int], stride: [Int], padding: [Int], dilation: [Int], ceilMode: Bool
    }

    /// `input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False`.
    static func maxPoolArguments(
        _ name: String, _ args: Arguments, _ interp: Interpreter
    ) throws -> (Tensor, Window) {
        try args.check(
            name, maxPositional: 7,
            allowed: ["input", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"])
        let input = try interp.tensorValue(args.value(0, "input"), name, "input")
        guard let kernel = args.value(1, "kernel_size") else {
            throw PyException.type("\(name)() missing 1 required positional argument: 'kernel_size'")
        }
        func list(_ v: Value?, _ parameter: String, _ fallback: [Int]) throws -> [Int] {
            guard let v, !interp.isNone(v) else { return fallback }
            return try interp.intList(v, name, parameter)
        }
        let window = Window(
            kernel: try interp.intList(kernel, name, "kernel_size"),
            stride: try list(args.value(2, "stride"), "stride", []),
            padding: try list(args.value(3, "padding"), "padding", [0]),
            dilation: try list(args.value(4, "dilation"), "dilation", [1]),
            ceilMode: try interp.boolValue(args.value(5, "ceil_mode"), default: false))
        return (input, window)
    }
}
