/// The bitwise ops on integer and bool tensors (`&`, `|`, `^`, `~`, `<<`, `>>` and their
/// `torch.bitwise_*` names, with in-place forms), as PyTorch 2.15's BinaryOpsKernel.cpp computes
/// them: in the promoted dtype, broadcasting, never differentiable. On bool, `&`, `|` and `^`
/// are the logical ops; a shift count below zero or at least the dtype's width gives 0 for `<<`
/// and the sign fill for `>>` (`lshift_kernel`, `rshift_kernel`). Floating dtypes raise
/// PyTorch's "not implemented" error naming the kernel.
enum BitwiseOps {
    private static let integers = OpSamples.Constant([5, 3, 12, -7, 0, 1], shape: [2, 3], dtype: .int64)
    private static let samples = OpSamples(constants: [
        "self": integers,
        "other": OpSamples.Constant([3, 6, 10, 2, 1, 0], shape: [2, 3], dtype: .int64)
    ])
    private static let scalarSamples = OpSamples(arguments: ["other": .scalar(.int(2))], constants: ["self": integers])
    private static let unarySamples = OpSamples(constants: ["self": integers])

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "bitwise_and.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: samples,
            forward: { try $0.tensor("self").bitwise(.and, $0.operand("other")) },
            inPlace: { try $0.tensor("self").bitwise_(.and, $0.operand("other")) }),
        OpDeclaration(
            "bitwise_or.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: samples,
            forward: { try $0.tensor("self").bitwise(.or, $0.operand("other")) },
            inPlace: { try $0.tensor("self").bitwise_(.or, $0.operand("other")) }),
        OpDeclaration(
            "bitwise_xor.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: samples,
            forward: { try $0.tensor("self").bitwise(.xor, $0.operand("other")) },
            inPlace: { try $0.tensor("self").bitwise_(.xor, $0.operand("other")) }),
        OpDeclaration(
            "bitwise_left_shift.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: samples,
            forward: { try $0.tensor("self").bitwise(.leftShift, $0.operand("other")) },
            inPlace: { try $0.tensor("self").bitwise_(.leftShift, $0.operand("other")) }),
        OpDeclaration(
            "bitwise_right_shift.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: samples,
            forward: { try $0.tensor("self").bitwise(.rightShift, $0.operand("other")) },
            inPlace: { try $0.tensor("self").bitwise_(.rightShift, $0.operand("other")) }),
        OpDeclaration(
            "bitwise_and.Scalar(Tensor self, Scalar other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: scalarSamples,
            forward: { try $0.tensor("self").bitwise(.and, .scalar($0.scalar("other"))) },
            inPlace: { try $0.tensor("self").bitwise_(.and, .scalar($0.scalar("other"))) }),
        OpDeclaration(
            "bitwise_or.Scalar(Tensor self, Scalar other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: scalarSamples,
            forward: { try $0.tensor("self").bitwise(.or, .scalar($0.scalar("other"))) },
            inPlace: { try $0.tensor("self").bitwise_(.or, .scalar($0.scalar("other"))) }),
        OpDeclaration(
            "bitwise_xor.Scalar(Tensor self, Scalar other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: scalarSamples,
            forward: { try $0.tensor("self").bitwise(.xor, .scalar($0.scalar("other"))) },
            inPlace: { try $0.tensor("self").bitwise_(.xor, .scalar($0.scalar("other"))) }),
        OpDeclaration(
            "bitwise_left_shift.Tensor_Scalar(Tensor self, Scalar other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: scalarSamples,
            forward: { try $0.tensor("self").bitwise(.leftShift, .scalar($0.scalar("other"))) },
            inPlace: { try $0.tensor("self").bitwise_(.leftShift, .scalar($0.scalar("other"))) }),
        OpDeclaration(
            "bitwise_right_shift.Tensor_Scalar(Tensor self, Scalar other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: scalarSamples,
            forward: { try $0.tensor("self").bitwise(.rightShift, .scalar($0.scalar("other"))) },
            inPlace: { try $0.tensor("self").bitwise_(.rightShift, .scalar($0.scalar("other"))) }),
        OpDeclaration(
            "bitwise_not(Tensor self) -> Tensor", gradFn: nil,
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: unarySamples,
            forward: { try $0.tensor("self").bitwiseNot() },
            inPlace: { try $0.tensor("self").bitwiseNot_() })
    ]
}

/// A binary bitwise operation.
public enum BitwiseOperation: Sendable {
    case and, or, xor, leftShift, rightShift

    /// The op's name in `torch` (`bitwise_and`, ...).
    var name: String {
        switch self {
        case .and: "bitwise_and"
        case .or: "bitwise_or"
        case .xor: "bitwise_xor"
        case .leftShift: "bitwise_left_shift"
        case .rightShift: "bitwise_right_shift"
        }
    }

    /// The CPU kernel PyTorch's dtype error names.
    var kernel: String {
        switch self {
        case .and: "bitwise_and_cpu"
        case .or: "bitwise_or_cpu"
        case .xor: "bitwise_xor_cpu"
        case .leftShift: "lshift_cpu"
        case .rightShift: "rshift_cpu"
        }
    }

    /// The result on two values of a dtype `bits` wide (signed unless `unsigned`), held in
    /// int64; storing it back in the dtype keeps its low bits.
    func apply(_ a: Int64, _ b: Int64, bits: Int64, unsigned: Bool) -> Int64 {
        switch self {
        case .and: return a & b
        case .or: return a | b
        case .xor: return a ^ b
        case .leftShift: return b < 0 || b >= bits ? 0 : a << b
        case .rightShift:
            let maxShift = unsigned ? bits : bits - 1
            return b < 0 || b >= maxShift ? a >> maxShift : a >> b
        }
    }
}

extension Tensor {
    /// `self op other` bitwise in the promoted dtype, broadcasting; not differentiable.
    public func bitwise(_ op: BitwiseOperation, _ other: Operand) throws -> Tensor {
        try bitwise(op, other, reportingAs: op.name)
    }

    /// `number op tensor` for a Python number on the left (`1 << t`), as PyTorch's reflected
    /// operators compute it: the number as a wrapped 0-dim tensor.
    public static func bitwise(_ op: BitwiseOperation, _ number: ScalarValue, _ tensor: Tensor) throws -> Tensor {
        try Tensor.wrapped(number, dtype: number.wrappedDType).bitwise(op, .tensor(tensor), reportingAs: op.name)
    }

    /// `self op= other` (`bitwise_and_` & co.): the result must be castable to this dtype.
    @discardableResult
    public func bitwise_(_ op: BitwiseOperation, _ other: Operand) throws -> Tensor {
        try checkCastable(promote(other).dtype)
        return try applyInPlace(op.name + "_") { try bitwise(op, other, reportingAs: op.name + "_") }
    }

    /// `~self` (`bitwise_not`): logical not on bool, bitwise complement on integers.
    public func bitwiseNot() throws -> Tensor { try bitwiseNot(reportingAs: "bitwise_not") }

    /// `bitwise_not_()`.
    @discardableResult
    public func bitwiseNot_() throws -> Tensor {
        try applyInPlace("bitwise_not_") { try bitwiseNot(reportingAs: "bitwise_not_") }
    }

    private func bitwise(_ op: BitwiseOperation, _ other: Operand, reportingAs name: String) throws -> Tensor {
        let (dt, o) = promote(other)
        guard !dt.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"\(op.kernel)\" not implemented for '\(dt.scalarTypeName)'")
        }
        let shape = try broadcastShapes(self.shape, o.shape)
        let n = try MemoryBudget.checkedNumel(shape, allocating: dt)
        let (sa, sb) = (contiguousStorage(as: .int64, broadcastTo: shape), o.contiguousStorage(as: .int64, broadcastTo: shape))
        let wide = Storage.uninitialized(.int64, count: n)
        let (x, y, z) = (sa.pointer(Int64.self), sb.pointer(Int64.self), wide.pointer(Int64.self))
        let bits = Int64(dt == .bool ? 1 : dt.itemSize * 8)
        let unsigned = dt == .uint8 || dt == .bool
        for i in 0..<n { z[i] = op.apply(x[i], y[i], bits: bits, unsigned: unsigned) }
        let out = withExtendedLifetime((sa, sb)) { Tensor(storage: wide, shape: shape) }
        let result = dt == .int64 ? out : Tensor(storage: out.contiguousStorage(as: dt), shape: shape)
        let inputs: [Tensor?] = if case .tensor = other { [self, o] } else { [self] }
        reportNonDifferentiable(name, inputs: inputs, outputs: [result])
        return result
    }

    private func bitwiseNot(reportingAs name: String) throws -> Tensor {
        guard !dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"bitwise_not_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let source = contiguousStorage(as: dtype == .bool ? .bool : .int64)
        let out = Storage.uninitialized(dtype == .bool ? .bool : .int64, count: numel)
        if dtype == .bool {
            let (x, z) = (source.pointer(Bool.self), out.pointer(Bool.self))
            for i in 0..<numel { z[i] = !x[i] }
        } else {
            let (x, z) = (source.pointer(Int64.self), out.pointer(Int64.self))
            for i in 0..<numel { z[i] = ~x[i] }
        }
        let wide = withExtendedLifetime(source) { Tensor(storage: out, shape: shape) }
        let result = wide.dtype == dtype ? wide : Tensor(storage: wide.contiguousStorage(as: dtype), shape: shape)
        reportNonDifferentiable(name, inputs: [self], outputs: [result])
        return result
    }
}
