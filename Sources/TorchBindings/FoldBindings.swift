import Autograd
import Python

/// `F.unfold` and `F.fold`, as torch/nn/functional.py writes them: Python functions whose
/// `kernel_size`, `dilation`, `padding`, `stride` (and `output_size`) default to 1, 0, 1 and
/// take one int for both spatial dims, calling `im2col` and `col2im`.
enum FoldBindings {
    /// The functions, by name.
    static func members() -> [String: Value] {
        [
            "unfold": .object(
                BuiltinFunction("unfold") { args, interp in
                    try args.check("unfold", maxPositional: 5, allowed: ["input", "kernel_size", "dilation", "padding", "stride"])
                    let input = try interp.tensorValue(args.value(0, "input"), "unfold", "input")
                    let blocks = try blockArguments("unfold", args, from: 1, interp)
                    return .tensor(
                        try input.im2col(
                            kernelSize: blocks.kernel, dilation: blocks.dilation, padding: blocks.padding, stride: blocks.stride))
                }),
            "fold": .object(
                BuiltinFunction("fold") { args, interp in
                    try args.check(
                        "fold", maxPositional: 6,
                        allowed: ["input", "output_size", "kernel_size", "dilation", "padding", "stride"])
                    let input = try interp.tensorValue(args.value(0, "input"), "fold", "input")
                    guard let size = args.value(1, "output_size") else {
                        throw missing(
                            "fold", args.value(2, "kernel_size") == nil ? ["output_size", "kernel_size"] : ["output_size"])
                    }
                    let outputSize = try interp.intList(size, "fold", "output_size")
                    let blocks = try blockArguments("fold", args, from: 2, interp)
                    return .tensor(
                        try input.col2im(
                            outputSize: outputSize, kernelSize: blocks.kernel, dilation: blocks.dilation, padding: blocks.padding,
                            stride: blocks.stride))
                })
        ]
    }

    /// `kernel_size` (required) and the optional `dilation`, `padding`, `stride`, at positions
    /// `first` onwards.
    private static func blockArguments(
        _ function: String, _ args: Arguments, from first: Int, _ interp: Interpreter
    ) throws -> (kernel: [Int], dilation: [Int], padding: [Int], stride: [Int]) {
        guard let kernel = args.value(first, "kernel_size") else { throw missing(function, ["kernel_size"]) }
        func list(_ offset: Int, _ name: String, _ default: Int) throws -> [Int] {
            guard let v = args.value(first + offset, name) else { return [`default`] }
            return try interp.intList(v, function, name)
        }
        return (
            try interp.intList(kernel, function, "kernel_size"), try list(1, "dilation", 1), try list(2, "padding", 0),
            try list(3, "stride", 1)
        )
    }

    /// Python's TypeError for missing positional arguments.
    private static func missing(_ function: String, _ names: [String]) -> PyException {
        let quoted = names.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : "\(quoted.dropLast().joined(separator: ", ")) and \(quoted.last!)"
        return PyException.type(
            "\(function)() missing \(names.count) required positional argument\(names.count == 1 ? "" : "s"): \(list)")
    }
}
