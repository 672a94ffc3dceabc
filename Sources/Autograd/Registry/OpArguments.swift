/// The arguments of one call of a declared op, one slot per parameter in signature order,
/// already converted to the schema types by whoever binds them (the Python bindings, a test).
/// Empty slots read as their signature defaults. Forwards read parameters by name; a name
/// resolves to its slot by a scan of the signature's few parameters, so a call hashes nothing.
public struct OpArguments {
    public let signature: OpSignature
    private let slots: [OpValue?]

    /// Binds `values` by name; fails when a name is not a parameter or a required one is missing.
    public init(_ signature: OpSignature, _ values: [String: OpValue]) throws {
        for name in values.keys where signature.parameterIndex(name) == nil {
            throw TorchError.type("\(signature.name)() got an unexpected keyword argument '\(name)'")
        }
        for p in signature.parameters where p.defaultValue == nil && values[p.name] == nil {
            throw TorchError.type("\(signature.name)() missing required argument '\(p.name)'")
        }
        self.init(signature, slots: signature.parameters.map { values[$0.name] })
    }

    /// Binds values by parameter position (`slots.count == signature.parameters.count`). The
    /// binder has already checked that every required slot is filled.
    public init(_ signature: OpSignature, slots: [OpValue?]) {
        self.signature = signature
        self.slots = slots
    }

    /// The bound value, or the default; `.none` for an absent optional parameter.
    public func value(_ name: String) -> OpValue {
        guard let index = signature.parameterIndex(name) else { return .none }
        return slots[index] ?? signature.parameters[index].defaultValue.map(OpValue.init) ?? .none
    }

    public func tensor(_ name: String) throws -> Tensor {
        guard case .tensor(let t) = value(name) else { throw mismatch(name, "Tensor") }
        return t
    }

    public func optionalTensor(_ name: String) throws -> Tensor? {
        if case .none = value(name) { return nil }
        return try tensor(name)
    }

    /// A `Tensor` parameter bound to a tensor or, as PyTorch's parser allows, a Python number.
    public func operand(_ name: String) throws -> Operand {
        if case .scalar(let s) = value(name) { return .scalar(s) }
        return .tensor(try tensor(name))
    }

    public func tensorList(_ name: String) throws -> [Tensor] {
        guard case .tensorList(let list) = value(name) else { throw mismatch(name, "Tensor[]") }
        return list
    }

    public func scalar(_ name: String) throws -> ScalarValue {
        guard case .scalar(let s) = value(name) else { throw mismatch(name, "Scalar") }
        return s
    }

    public func optionalScalar(_ name: String) throws -> ScalarValue? {
        if case .none = value(name) { return nil }
        return try scalar(name)
    }

    public func int(_ name: String) throws -> Int {
        guard case .int(let i) = value(name) else { throw mismatch(name, "int") }
        return i
    }

    public func optionalInt(_ name: String) throws -> Int? {
        if case .none = value(name) { return nil }
        return try int(name)
    }

    public func intList(_ name: String) throws -> [Int] {
        guard case .intList(let list) = value(name) else { throw mismatch(name, "int[]") }
        return list
    }

    public func optionalIntList(_ name: String) throws -> [Int]? {
        if case .none = value(name) { return nil }
        return try intList(name)
    }

    public func double(_ name: String) throws -> Double {
        guard case .double(let d) = value(name) else { throw mismatch(name, "float") }
        return d
    }

    public func optionalDouble(_ name: String) throws -> Double? {
        if case .none = value(name) { return nil }
        return try double(name)
    }

    public func bool(_ name: String) throws -> Bool {
        guard case .bool(let b) = value(name) else { throw mismatch(name, "bool") }
        return b
    }

    public func optionalBool(_ name: String) throws -> Bool? {
        if case .none = value(name) { return nil }
        return try bool(name)
    }

    public func optionalDType(_ name: String) throws -> DType? {
        switch value(name) {
        case .none: return nil
        case .dtype(let d): return d
        default: throw mismatch(name, "ScalarType")
        }
    }

    public func string(_ name: String) throws -> String {
        guard case .string(let s) = value(name) else { throw mismatch(name, "str") }
        return s
    }

    public func optionalString(_ name: String) throws -> String? {
        if case .none = value(name) { return nil }
        return try string(name)
    }

    private func mismatch(_ name: String, _ type: String) -> TorchError {
        .type("\(signature.qualifiedName): argument '\(name)' must be \(type)")
    }
}
