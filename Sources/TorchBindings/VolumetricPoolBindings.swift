import Autograd
import Python

/// `F.max_pool3d` (with `return_indices=`), `F.max_pool3d_with_indices` and
/// `F.adaptive_avg_pool3d` (with `None` in `output_size`), as torch/nn/functional.py wraps the
/// ATen ops.
enum VolumetricPoolBindings {
    /// The functions, by name.
    static func members() -> [String: Value] {
        var m = [String: Value]()
        for (name, alwaysIndices) in [("max_pool3d", false), ("max_pool3d_with_indices", true)] {
            m[name] = .object(
                BuiltinFunction(name) { args, interp in
                    let (input, window) = try FunctionalBindings.maxPoolArguments(name, args, interp)
                    let pooled = try input.maxPool3dWithIndices(
                        kernelSize: window.kernel, stride: window.stride, padding: window.padding,
                        dilation: window.dilation, ceilMode: window.ceilMode)
                    guard try alwaysIndices || interp.boolValue(args.value(6, "return_indices"), default: false) else {
                        return .tensor(pooled.values)
                    }
                    return .tuple([.tensor(pooled.values), .tensor(pooled.indices)])
                })
        }
        m["adaptive_avg_pool3d"] = .object(
            BuiltinFunction("adaptive_avg_pool3d") { args, interp in
                try args.check("adaptive_avg_pool3d", maxPositional: 2, allowed: ["input", "output_size"])
                let input = try interp.tensorValue(args.value(0, "input"), "adaptive_avg_pool3d", "input")
                guard let size = args.value(1, "output_size") else {
                    throw PyException.type("adaptive_avg_pool3d() missing 1 required positional argument: 'output_size'")
                }
                let outputSize = try FunctionalBindings.listWithDefault(
                    size, input.shape, interp, name: "adaptive_avg_pool3d")
                return .tensor(try input.adaptiveAvgPool3d(outputSize: outputSize))
            })
        return m
    }
}
