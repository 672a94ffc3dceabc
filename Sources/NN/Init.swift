import Autograd

/// `torch.nn.init`: in-place initialisers that draw from PyTorch's random stream in PyTorch's
/// order, with its gain and fan computations in Python's float arithmetic. They run under
/// no_grad, as PyTorch's do.
public enum Init {
    /// `calculate_gain(nonlinearity, param)`.
    public static func gain(_ nonlinearity: String, param: Double? = nil) throws -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
            return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + slope * slope)).squareRoot()
        case "selu": return 3.0 / 4
        default: throw TorchError.value("Unsupported nonlinearity \(nonlinearity)")
        }
    }

    /// `_calculate_fan_in_and_fan_out`: input and output feature maps times the receptive field.
    public static func fans(_ tensor: Tensor) throws -> (fanIn: Int, fanOut: Int) {
        guard tensor.dim >= 2 else {
            throw TorchError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptiveField = tensor.shape.dropFirst(2).reduce(1, *)
        return (tensor.shape[1] * receptiveField, tensor.shape[0] * receptiveField)
    }

    /// `uniform_(tensor, a, b)`.
    public static func uniform_(_ tensor: Tensor, from a: Double = 0, to b: Double = 1) throws {
        try GradMode.noGrad { _ = try tensor.uniform_(from: a, to: b) }
    }

    /// `normal_(tensor, mean, std)`.
    public static func normal_(_ tensor: Tensor, mean: Double = 0, std: Double = 1) throws {
        try GradMode.noGrad { _ = try tensor.normal_(mean: mean, std: std) }
    }

    /// `constant_(tensor, val)`.
    public static func constant_(_ tensor: Tensor, _ value: Double) throws {
        try GradMode.noGrad { _ = try tensor.fill_(value) }
    }

    /// `zeros_(tensor)`.
    public static func zeros_(_ tensor: Tensor) throws { try constant_(tensor, 0) }

    /// `ones_(tensor)`.
    public static func ones_(_ tensor: Tensor) throws { try constant_(tensor, 1) }

    /// `xavier_uniform_(tensor, gain)`: uniform in `±gain * sqrt(6 / (fan_in + fan_out))`.
    public static func xavierUniform_(_ tensor: Tensor, gain: Double = 1) throws {
        let (fanIn, fanOut) = try fans(tensor)
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        let a = 3.0.squareRoot() * std
        try uniform_(tensor, from: -a, to: a)
    }

    /// `xavier_normal_(tensor, gain)`: normal with std `gain * sqrt(2 / (fan_in + fan_out))`.
    public static func xavierNormal_(_ tensor: Tensor, gain: Double = 1) throws {
        let (fanIn, fanOut) = try fans(tensor)
        try normal_(tensor, mean: 0, std: gain * (2.0 / Double(fanIn + fanOut)).squareRoot())
    }

    /// The fan `mode` ("fan_in" or "fan_out") selects, with PyTorch's error for others.
    private static func fan(_ tensor: Tensor, _ mode: String) throws -> Int {
        let (fanIn, fanOut) = try fans(tensor)
        switch mode {
        case "fan_in": return fanIn
        case "fan_out": return fanOut
        default: throw TorchError.value("Mode \(mode) not supported, please use one of fan_in, fan_out")
        }
    }

    /// `kaiming_uniform_(tensor, a, mode, nonlinearity)`: uniform in `±sqrt(3) * gain / sqrt(fan)`.
    public static func kaimingUniform_(
        _ tensor: Tensor, a: Double = 0, mode: String = "fan_in",
        nonlinearity: String = "leaky_relu"
    ) throws {
        let std = try gain(nonlinearity, param: a) / Double(fan(tensor, mode)).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(tensor, from: -bound, to: bound)
    }

    /// `kaiming_normal_(tensor, a, mode, nonlinearity)`: normal with std `gain / sqrt(fan)`.
    public static func kaimingNormal_(
        _ tensor: Tensor, a: Double = 0, mode: String = "fan_in",
        nonlinearity: String = "leaky_relu"
    ) throws {
        try normal_(tensor, mean: 0, std: gain(nonlinearity, param: a) / Double(fan(tensor, mode)).squareRoot())
    }
}
