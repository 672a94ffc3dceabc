import Autograd
import Python

/// `F.interpolate` (torch/nn/functional.py): resolves `size` / `scale_factor` /
/// `recompute_scale_factor` into an output size and scales as functional.py and aten's
/// `compute_output_size` do, then runs the mode's op: nearest and nearest-exact (3-D to 5-D input),
/// linear / bilinear / trilinear, and area on 3-D and 4-D input (adaptive average pooling).
/// Bicubic, lanczos, `antialias=True` and 5-D area raise GradScope's not-supported error.
enum InterpolateBinding {
    /// The function, by name.
    static func members() -> [String: Value] {
        ["interpolate": .object(BuiltinFunction("interpolate") { args, interp in .tensor(try interpolate(args, interp)) })]
    }

    private static func interpolate(_ args: Arguments, _ interp: Interpreter) throws -> Tensor {
        let name = "interpolate"
        try args.check(
            name, maxPositional: 7,
            allowed: ["input", "size", "scale_factor", "mode", "align_corners", "recompute_scale_factor", "antialias"])
        let input = try interp.tensorValue(args.value(0, "input"), name, "input")
        let mode = try args.value(3, "mode").flatMap { try interp.optionalString($0) } ?? "nearest"
        func given(_ v: Value?) -> Value? { v.flatMap { interp.isNone($0) ? nil : $0 } }
        if ["nearest", "area", "nearest-exact"].contains(mode), given(args.value(4, "align_corners")) != nil {
            throw PyException.value(
                "align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
        }
        let dims = input.dim - 2
        let size = given(args.value(1, "size"))
        let scale = given(args.value(2, "scale_factor"))
        var outputSize: [Int]
        var scales: [Double?] = Array(repeating: nil, count: max(dims, 0))
        switch (size, scale) {
        case (.some, .some): throw PyException.value("only one of size or scale_factor should be defined")
        case (nil, nil): throw PyException.value("either size or scale_factor should be defined")
        case (.some(let s), nil):
            outputSize = try interp.intList(s, name, "size")
            if case .int = s { outputSize = Array(repeating: outputSize[0], count: dims) }
            guard outputSize.count == dims else {
                throw PyException.value(
                    "Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [\(input.shape.dropFirst(2).map(String.init).joined(separator: ", "))] and output size of \(Formatting.repr(s)). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format."
                )
            }
            if try interp.boolValue(given(args.value(5, "recompute_scale_factor")), default: false) {
                throw PyException.value("recompute_scale_factor is not meaningful with an explicit size.")
            }
        case (nil, .some(let f)):
            var factors: [Double]
            switch f {
            case .list, .tuple: factors = try interp.iterate(f).map { try interp.doubleValue($0, name, "scale_factor") }
            default: factors = Array(repeating: try interp.doubleValue(f, name, "scale_factor"), count: dims)
            }
            guard factors.count == dims else {
                throw PyException.value(
                    "Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [\(input.shape.dropFirst(2).map(String.init).joined(separator: ", "))] and scale_factor of shape \(Formatting.repr(f)). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format."
                )
            }
            outputSize = zip(input.shape.dropFirst(2), factors).map { Int((Double($0) * $1).rounded(.down)) }
            if !(try interp.boolValue(given(args.value(5, "recompute_scale_factor")), default: false)) {
                scales = factors.map { Optional($0) }
            }
        }
        if mode == "area" { scales = Array(repeating: nil, count: scales.count) }
        let antialias = try interp.boolValue(given(args.value(6, "antialias")), default: false)
        if antialias && !(["bilinear", "bicubic", "lanczos"].contains(mode) && input.dim == 4) {
            throw PyException.value(
                "Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a 4-D tensor as input")
        }
        if antialias || (mode == "area" && input.dim == 5) || (["bicubic", "lanczos"].contains(mode) && input.dim == 4) {
            throw PyException.runtime(
                "GradScope does not support F.interpolate(mode='\(mode)'\(antialias ? ", antialias=True" : "")) on \(input.dim)-D input"
            )
        }
        let alignCorners = try interp.boolValue(given(args.value(4, "align_corners")), default: false)
        switch (mode, input.dim) {
        case ("nearest", 3...5), ("nearest-exact", 3...5):
            return try input.upsampleNearest(outputSize: outputSize, scales: scales, exact: mode == "nearest-exact")
        case ("area", 3): return try input.adaptiveAvgPool1d(outputSize: outputSize)
        case ("area", 4): return try input.adaptiveAvgPool2d(outputSize: outputSize)
        case ("linear", 3), ("bilinear", 4), ("trilinear", 5):
            return try input.upsampleLinear(outputSize: outputSize, alignCorners: alignCorners, scales: scales)
        case ("linear", 4...5), ("bilinear", 3), ("bilinear", 5), ("trilinear", 3...4):
            let needed = ["linear": 3, "bilinear": 4, "trilinear": 5][mode] ?? 0
            throw PyException(
                instance: ExceptionInstance(
                    .notImplementedError, [.string("Got \(input.dim)D input, but \(mode) mode needs \(needed)D input")]))
        default:
            throw PyException(
                instance: ExceptionInstance(
                    .notImplementedError,
                    [
                        .string(
                            "Input Error: Only 3D, 4D and 5D input Tensors supported (got \(input.dim)D) for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got \(mode))"
                        )
                    ]))
        }
    }
}
