/// The arguments of one call of a declared op, one slot per parameter in signature order,
/// already converted to the schema types by whoever binds them (the Python bindings, a test).
/// Empty slots read as their signature defaults. Forwards read parameters by name; a name
/// resolves to its slot by a scan of the signature's few parameters, so a call hashes nothing.
package struct OpArguments {
    package let signature: OpSignature
    private let slots: [OpValue?]

    /// Binds `values` by name; fails when a name is not a parameter or a required one is missing.
    package init(_ signature: OpSignature, _ values: [String: OpValue]) throws {
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
    package init(_ signature: OpSignature, slots: [OpValue?]) {
        self.signature = signature
        self.slots = slots
    }

    /// The bound value, or the default; `.none` for an absent optional parameter.
    package func value(_ name: String) -> OpValue {
        guard let index = signature.parameterIndex(name) else { return .none }
        return slots[index] ?? signature.parameters[index].defaultValue.map(OpValue.init) ?? .none
    }

    package func tensor(_ name: String) throws -> Tensor {
        guard case .tensor(let t) = value(name) else { throw mismatch(name, "Tensor") }
        return t
    }

    package func optionalTensor(_ name: String) throws -> Tensor? {
        if case .none = value(name) { return nil }
        return try tensor(name)
    }

    /// A `Tensor` parameter bound to a tensor or, as PyTorch's parser allows, a Python number.
    package func operand(_ name: String) throws -> Operand {
        if case .scalar(let s) = value(name) { return .scalar(s) }
        return .tensor(try tensor(name))
    }

    package func tensorList(_ name: String) throws -> [Tensor] {
        guard case .tensorList(let list) = value(name) else { throw mismatch(name, "Tensor[]") }
        return list
    }

    package func scalar(_ name: String) throws -> ScalarValue {
        guard case .scalar(let s) = value(name) else { throw mismatch(name, "Scalar") }
        return s
    }

    package func optionalScalar(_ name: String) throws -> ScalarValue? {
        if case .none = value(name) { return nil }
        return try scalar(name)
    }

    package func int(_ name: String) throws -> Int {
        guard case .int(let i) = value(name) else { throw mismatch(name, "int") }
        return i
    }

    package func optionalInt(_ name: String) throws -> Int? {
        if case .none = value(name) { return nil }
        return try int(name)
    }

    package func intList(_ name: String) throws -> [Int] {
        guard case .intList(let list) = value(name) else { throw mismatch(name, "int[]") }
        return list
    }

    package func optionalIntList(_ name: String) throws -> [Int]? {
        if case .none = value(name) { return nil }
        return try intList(name)
    }

    package func double(_ name: String) throws -> Double {
        guard case .double(let d) = value(name) else { throw mismatch(name, "float") }
        return d
    }

    package func optionalDouble(_ name: String) throws -> Double? {
        if case .none = value(name) { return nil }
        return try double(name)
    }

    package func bool(_ name: String) throws -> Bool {
        guard case .bool(let b) = value(name) else { throw mismatch(name, "bool") }
        return b
    }

    package func optionalBool(_ name: String) throws -> Bool? {
        if case .none = value(name) { return nil }
        return try bool(name)
    }

    package func optionalDType(_ name: String) throws -> DType? {
        switch value(name) {
        case .none: return nil
        case .dtype(let d): return d
        default: throw mismatch(name, "ScalarType")
        }
    }

    package func string(_ name: String) throws -> String {
        guard case .string(let s) = value(name) else { throw mismatch(name, "str") }
        return s
    }

    package func optionalString(_ name: String) throws -> String? {
        if case .none = value(name) { return nil }
        return try string(name)
    }

    private func mismatch(_ name: String, _ type: String) -> TorchError {
        .type("\(signature.qualifiedName): argument '\(name)' must be \(type)")
    }
}
