import Autograd
import Python

/// `F.adaptive_max_pool1d` / `adaptive_max_pool2d` / `adaptive_max_pool3d` and their
/// `_with_indices` forms, as torch/nn/functional.py wraps the ATen ops: `return_indices=` picks
/// the values or the (values, indices) pair, and a 2-D or 3-D output size may leave a dim as
/// `None` (the input's).
enum AdaptiveMaxPoolBindings {
    /// The functions, by name.
    static func members() -> [String: Value] {
        var m = [String: Value]()
        for dims in [1, 2, 3] {
            let name = "adaptive_max_pool\(dims)d"
            m[name] = function(name, dims: dims, alwaysIndices: false)
            m[name + "_with_indices"] = function(name + "_with_indices", dims: dims, alwaysIndices: true)
        }
        return m
    }

    /// A 2-D or 3-D output size: one int stands for every dim (ATen's `int[2]`, `int[3]`), a
    /// sequence may leave a dim as `None`.
    private static func outputSize(
        _ size: Value, dims: Int, _ input: Tensor, _ interp: Interpreter, _ name: String
    ) throws -> [Int] {
        if case .int(let n) = size { return Array(repeating: n, count: dims) }
        return try FunctionalBindings.listWithDefault(size, input.shape, interp, name: name)
    }

    private static func function(_ name: String, dims: Int, alwaysIndices: Bool) -> Value {
        .object(
            BuiltinFunction(name) { args, interp in
                try args.check(name, maxPositional: 3, allowed: ["input", "output_size", "return_indices"])
                let input = try interp.tensorValue(args.value(0, "input"), name, "input")
                guard let size = args.value(1, "output_size") else {
                    throw PyException.type("\(name)() missing 1 required positional argument: 'output_size'")
                }
                let pooled =
                    switch dims {
                    case 1: try input.adaptiveMaxPool1d(outputSize: interp.intList(size, name, "output_size"))
                    case 2: try input.adaptiveMaxPool2d(outputSize: outputSize(size, dims: 2, input, interp, name))
                    default: try input.adaptiveMaxPool3d(outputSize: outputSize(size, dims: 3, input, interp, name))
                    }
                let returnIndices = try alwaysIndices || interp.boolValue(args.value(2, "return_indices"), default: false)
                guard returnIndices else {
                    return .tensor(pooled.values)
                }
                return .tuple([.tensor(pooled.values), .tensor(pooled.indices)])
            })
    }
}
