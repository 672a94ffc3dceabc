/// An op's Python-facing schema, parsed from a native_functions.yaml-style signature such as
/// `"sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor"`.
package struct OpSignature: Sendable, CustomStringConvertible {
    /// The Python name (`sum`).
    package let name: String
    /// The overload name (`dim_IntList`), empty for the default overload.
    package let overload: String
    package let parameters: [OpParameter]
    /// The return types as written (`["Tensor"]`, or `["Tensor", "Tensor"]` for a tuple).
    package let returns: [String]

    /// `name.overload`, or just `name` for the default overload.
    package var qualifiedName: String { overload.isEmpty ? name : "\(name).\(overload)" }

    /// The parameter called `name`, if any.
    package func parameter(_ name: String) -> OpParameter? { parameterIndex(name).map { parameters[$0] } }

    /// The position of the parameter called `name`, if any (a scan: signatures are short).
    package func parameterIndex(_ name: String) -> Int? {
        for index in parameters.indices where parameters[index].name == name { return index }
        return nil
    }

    package var description: String {
        var parts = [String]()
        var keywordOnlyStarted = false
        for p in parameters {
            if p.isKeywordOnly && !keywordOnlyStarted {
                parts.append("*")
                keywordOnlyStarted = true
            }
            parts.append(p.description)
        }
        let result = returns.count == 1 ? returns[0] : "(\(returns.joined(separator: ", ")))"
        return "\(qualifiedName)(\(parts.joined(separator: ", "))) -> \(result)"
    }
}

/// One parameter of an `OpSignature`.
package struct OpParameter: Sendable, CustomStringConvertible {
    package let name: String
    package let type: OpParameterType
    /// Whether `None` is accepted (`Tensor?`, `int[1]?`).
    package let isOptional: Bool
    /// Whether it follows the `*` marker and can only be passed by keyword.
    package let isKeywordOnly: Bool
    /// The default value, nil when the parameter is required.
    package let defaultValue: OpConstant?

    package var description: String {
        var text = type.spelling + (isOptional ? "?" : "") + " " + name
        if let defaultSpelling { text += "=" + defaultSpelling }
        return text
    }

    /// The default as written in the signature.
    package var defaultSpelling: String? {
        guard let defaultValue else { return nil }
        switch defaultValue {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .scalar(.int(let i)): return String(i)
        case .scalar(.double(let d)): return String(d)
        case .scalar(.bool(let b)): return b ? "True" : "False"
        case .intList(let list): return "[\(list.map(String.init).joined(separator: ","))]"
        case .string(let s): return "\"\(s)\""
        case .dtype: return "?"
        }
    }
}

/// The schema types GradScope's ops use (a subset of native_functions.yaml's).
package enum OpParameterType: Sendable, Equatable {
    case tensor
    case tensorList
    case scalar
    case int
    /// `int[]`, or `int[N]` where a single int is accepted for N dims.
    case intList(size: Int?)
    case float
    case bool
    case scalarType
    case string

    /// The type as written in a signature.
    package var spelling: String {
        switch self {
        case .tensor: return "Tensor"
        case .tensorList: return "Tensor[]"
        case .scalar: return "Scalar"
        case .int: return "int"
        case .intList(let size): return size.map { "int[\($0)]" } ?? "int[]"
        case .float: return "float"
        case .bool: return "bool"
        case .scalarType: return "ScalarType"
        case .string: return "str"
        }
    }
}
