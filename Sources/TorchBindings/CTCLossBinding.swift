import Autograd
import Python

/// `torch.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction=1,
/// zero_infinity=False)` and `F.ctc_loss(..., blank=0, reduction="mean", zero_infinity=False)`
/// (torch/nn/functional.py): the lengths as integral tensors or sequences of ints.
enum CTCLossBinding {
    /// `torch.ctc_loss`, whose reduction is ATen's enum value.
    static func torchMembers() -> [String: Value] {
        [
            "ctc_loss": function(
                "ctc_loss",
                reduction: { value, interp in
                    let code = try interp.integerArgument(value)
                    guard let mode = LossReduction(code: code) else {
                        throw PyException.value("\(code) is not a valid value for reduction")
                    }
                    return mode.rawValue
                })
        ]
    }

    /// `F.ctc_loss`, whose reduction is the name.
    static func functionalMembers() -> [String: Value] {
        [
            "ctc_loss": function(
                "ctc_loss",
                reduction: { value, interp in
                    guard let name = try interp.optionalString(value) else {
                        throw PyException.type("ctc_loss(): argument 'reduction' must be str, not \(Formatting.typeName(value))")
                    }
                    return name
                })
        ]
    }

    private static func function(
        _ name: String, reduction: @escaping (Value, Interpreter) throws -> String
    ) -> Value {
        .object(
            BuiltinFunction(name) { args, interp in
                try args.check(
                    name, maxPositional: 7,
                    allowed: ["log_probs", "targets", "input_lengths", "target_lengths", "blank", "reduction", "zero_infinity"])
                let logProbs = try interp.tensorValue(args.value(0, "log_probs"), name, "log_probs")
                let targets = try interp.tensorValue(args.value(1, "targets"), name, "targets")
                let inputLengths = try lengths(args.value(2, "input_lengths"), "input_lengths", name, interp)
                let targetLengths = try lengths(args.value(3, "target_lengths"), "target_lengths", name, interp)
                let blank = try args.value(4, "blank").map(interp.integerArgument) ?? 0
                let mode = try args.value(5, "reduction").map { try reduction($0, interp) } ?? "mean"
                let zeroInfinity = try interp.boolValue(args.value(6, "zero_infinity"), default: false)
                return .tensor(
                    try Tensor.ctcLoss(
                        logProbs, targets: targets, inputLengths: inputLengths, targetLengths: targetLengths, blank: blank,
                        reduction: mode, zeroInfinity: zeroInfinity))
            })
    }

    /// Lengths given as an integral tensor (read as int64) or a sequence of ints.
    private static func lengths(_ value: Value?, _ argument: String, _ function: String, _ interp: Interpreter) throws -> [Int] {
        guard let value else { throw PyException.type("\(function)() missing required argument '\(argument)'") }
        if case .object(let t as Tensor) = value {
            guard t.dtype.isIntegral else { throw PyException.runtime("\(argument) must be integral") }
            return t.indexValues()
        }
        return try interp.intList(value, function, argument)
    }
}
