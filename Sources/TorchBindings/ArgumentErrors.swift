import Autograd
import Python

/// PyTorch's TypeErrors for a call whose arguments bind to none of a registry name's overloads.
enum ArgumentErrors {
    /// One overload: the specific reason (unexpected keyword, missing argument, wrong type, too
    /// many arguments). Several: "received an invalid combination of arguments", listing them.
    static func error(for function: RegistryFunction, _ args: Arguments, firstFailure: ArgumentMismatch) -> PyException {
        let name = function.name
        if function.isMethod && function.overloads.allSatisfy({ $0.signature.parameters.count == 1 }) {
            return args.keywords.isEmpty
                ? .type("TensorBase.\(name)() takes no arguments (\(args.positional.count) given)")
                : .type("TensorBase.\(name)() takes no keyword arguments")
        }
        guard function.overloads.count == 1 else { return invalidCombination(function, args) }
        switch firstFailure {
        case .unexpectedKeyword(let keyword):
            return .type("\(name)() got an unexpected keyword argument '\(keyword)'")
        case .missing(let names):
            let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
            return .type("\(name)() missing \(names.count) required positional arguments: \(quoted)")
        case .type(let parameter, let expected, let got, let position):
            let at = position.map { " (position \($0))" } ?? ""
            return .type("\(name)(): argument '\(parameter)'\(at) must be \(expected), not \(got)")
        case .tooMany(let given, let accepted):
            return .type("\(name)() takes \(accepted) positional argument\(accepted == 1 ? "" : "s") but \(given) were given")
        }
    }

    /// "add() received an invalid combination of arguments - got (Tensor, str), but expected one of:"
    /// followed by each overload's Python parameters.
    static func invalidCombination(_ function: RegistryFunction, _ args: Arguments) -> PyException {
        var got = args.positional.map(Formatting.typeName).joined(separator: ", ")
        if !args.keywords.isEmpty {
            if !args.positional.isEmpty { got += ", " }
            for (keyword, v) in args.keywords { got += "\(keyword)=\(Formatting.typeName(v)), " }
        }
        var message = "\(function.name)() received an invalid combination of arguments - got (\(got)), but expected one of:\n"
        for overload in function.overloads {
            message += " * (\(describe(overload, function)))\n"
        }
        return .type(message)
    }

    /// An overload's parameters as PyTorch lists them: `Tensor input, Tensor other, *, Number alpha = 1`.
    static func describe(_ overload: RegistryFunction.Overload, _ function: RegistryFunction) -> String {
        var parts = [String]()
        var keywordOnlyStarted = false
        for parameter in overload.signature.parameters.dropFirst(function.isMethod ? 1 : 0) {
            if parameter.isKeywordOnly && !keywordOnlyStarted {
                parts.append("*")
                keywordOnlyStarted = true
            }
            var text = OpValueConversion.pythonSpelling(parameter.type) + " " + function.pythonName(of: parameter)
            if let spelling = parameter.defaultSpelling { text += " = " + spelling }
            parts.append(text)
        }
        return parts.joined(separator: ", ")
    }
}
