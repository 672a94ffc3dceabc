import Autograd
import Python

/// The `torch.nn.functional` activations whose Python wrapper in torch/nn/functional.py takes
/// `inplace=` and then calls the op's in-place variant: `F.elu(x, inplace=True)` is
/// `torch._C._nn.elu_(x)`, with the in-place op's own grad_fn (EluBackward1, saving the result).
enum InPlaceActivationBindings {
    /// One wrapper: the number parameters between `input` and `inplace` with their defaults (nil
    /// for a required one),
    /// and the out-of-place and in-place ops given their values.
    struct Wrapper: Sendable {
        typealias Op = @Sendable (Tensor, [Double]) throws -> Tensor
        let name: String
        /// The name of the Python function functional.py defines (`_threshold` for `threshold`).
        let definedAs: String
        let parameters: [(name: String, default: Double?)]
        let outOfPlace: Op
        let inPlace: Op

        init(
            _ name: String, _ parameters: [(name: String, default: Double?)], _ outOfPlace: @escaping Op,
            _ inPlace: @escaping Op, definedAs: String? = nil
        ) {
            self.name = name
            self.definedAs = definedAs ?? name
            self.parameters = parameters
            self.outOfPlace = outOfPlace
            self.inPlace = inPlace
        }
    }

    /// The wrappers, in functional.py's order.
    static let wrappers: [Wrapper] = [
        Wrapper(
            "hardtanh", [("min_val", -1), ("max_val", 1)],
            { try $0.hardtanh(min: checkedBounds($1)[0], max: $1[1]) },
            { try $0.hardtanh_(min: checkedBounds($1)[0], max: $1[1]) }),
        Wrapper("relu6", [], { x, _ in try x.hardtanh(min: 0, max: 6) }, { x, _ in try x.hardtanh_(min: 0, max: 6) }),
        Wrapper("elu", [("alpha", 1)], { try $0.elu(alpha: $1[0]) }, { try $0.elu_(alpha: $1[0]) }),
        Wrapper("selu", [], { x, _ in try x.selu() }, { x, _ in try x.selu_() }),
        Wrapper("celu", [("alpha", 1)], { try $0.celu(alpha: $1[0]) }, { try $0.celu_(alpha: $1[0]) }),
        Wrapper(
            "leaky_relu", [("negative_slope", 0.01)],
            { try $0.leakyRelu(negativeSlope: $1[0]) }, { try $0.leakyRelu_(negativeSlope: $1[0]) }),
        Wrapper(
            "rrelu", [("lower", 1.0 / 8), ("upper", 1.0 / 3), ("training", 0)],
            { try $0.rrelu(lower: $1[0], upper: $1[1], training: $1[2] != 0) },
            { try $0.rrelu_(lower: $1[0], upper: $1[1], training: $1[2] != 0) }),
        Wrapper("silu", [], { x, _ in try x.silu() }, { x, _ in try x.silu_() }),
        Wrapper("mish", [], { x, _ in try x.mish() }, { x, _ in try x.mish_() }),
        Wrapper("hardswish", [], { x, _ in try x.hardswish() }, { x, _ in try x.hardswish_() }),
        Wrapper("hardsigmoid", [], { x, _ in try x.hardsigmoid() }, { x, _ in try x.hardsigmoid_() }),
        Wrapper(
            "threshold", [("threshold", nil), ("value", nil)], { try $0.threshold($1[0], $1[1]) },
            { try $0.threshold_($1[0], $1[1]) }, definedAs: "_threshold")
    ]

    /// The names these wrappers bind (the registry declares them too, without `inplace=`).
    static var names: [String] { wrappers.map(\.name) }

    /// `hardtanh`'s bounds, after functional.py's check.
    private static func checkedBounds(_ values: [Double]) throws -> [Double] {
        if values[0] > values[1] { throw PyException.value("min_val cannot be greater than max_val") }
        return values
    }

    /// The wrappers functional.py also exports as an in-place function of their own
    /// (`F.elu_(input, alpha)`, the `torch._C._nn` op itself; `hardtanh_` and `relu_` are bound elsewhere).
    private static let inPlaceFunctions: Set = ["elu", "selu", "celu", "leaky_relu", "threshold"]

    /// The functions, by name.
    static func members() -> [String: Value] {
        var m = [String: Value]()
        for wrapper in wrappers {
            m[wrapper.name] = .object(BuiltinFunction(wrapper.name) { args, interp in try call(wrapper, args, interp) })
            guard inPlaceFunctions.contains(wrapper.name) else { continue }
            let name = wrapper.name + "_"
            m[name] = .object(BuiltinFunction(name) { args, interp in try call(wrapper, args, interp, inPlaceAs: name) })
        }
        return m
    }

    /// `F.X(input, *parameters, inplace=False)`, or with `inPlaceAs` the in-place function
    /// `F.X_(input, *parameters)`.
    private static func call(
        _ wrapper: Wrapper, _ args: Arguments, _ interp: Interpreter, inPlaceAs inPlaceName: String? = nil
    ) throws -> Value {
        let names = wrapper.parameters.map(\.name)
        let name = inPlaceName ?? wrapper.name
        let flag = inPlaceName == nil ? ["inplace"] : []
        try args.check(name, maxPositional: names.count + 1 + flag.count, allowed: ["input"] + names + flag)
        let input = try interp.tensorValue(args.value(0, "input"), name, "input")
        let missing = wrapper.parameters.enumerated().filter { i, parameter in
            parameter.default == nil && args.value(i + 1, parameter.name) == nil
        }.map { "'\($0.element.name)'" }
        if !missing.isEmpty {
            let listed = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            throw PyException.type(
                "\(wrapper.definedAs)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(listed)"
            )
        }
        let values = try wrapper.parameters.enumerated().map { i, parameter in
            if let v = args.value(i + 1, parameter.name) { return try interp.doubleValue(v, name, parameter.name) }
            return parameter.default ?? .nan
        }
        let inPlace = try inPlaceName != nil || interp.boolValue(args.value(names.count + 1, "inplace"), default: false)
        return .tensor(try (inPlace ? wrapper.inPlace : wrapper.outOfPlace)(input, values))
    }
}
