import Autograd
import Python

/// PyTorch's TypeErrors for a call whose arguments bind to none of a registry name's overloads.
enum ArgumentErrors {
    /// One overload: the specific reason (unexpected keyword, missing argument, wrong type, too
    /// many arguments). Several: "received an invalid combination of arguments", listing them.
    static func error(
        for function: RegistryFunction, receiver: Tensor?, _ args: Arguments, firstFailure: ArgumentMismatch,
        _ interp: Interpreter
    ) -> PyException {
        let name = function.name
        if function.isMethod && function.overloads.allSatisfy({ $0.signature.parameters.count == 1 }) {
            return args.keywords.isEmpty
                ? .type("TensorBase.\(name)() takes no arguments (\(args.positional.count) given)")
                : .type("TensorBase.\(name)() takes no keyword arguments")
        }
        guard function.overloads.count == 1 else { return invalidCombination(function, receiver: receiver, args, interp) }
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
    /// followed by each overload's Python parameters and, for an overload the arguments fit but
    /// for a type, which argument did not match.
    static func invalidCombination(
        _ function: RegistryFunction, receiver: Tensor?, _ args: Arguments,
        _ interp: Interpreter
    ) -> PyException {
        var message =
            "\(function.name)() received an invalid combination of arguments - got \(describe(args)), but expected one of:\n"
        for overload in function.overloads {
            message += " * (\(describe(overload, function)))\n"
            let bound = function.bind(overload, receiver: receiver, args, tensorAsScalar: true, interp)
            if case .failure(.type(let parameter, _, _, let position)) = bound {
                let marked = describe(args, marking: position.map { .positional($0 - 1) } ?? .keyword(parameter))
                message += "      didn't match because some of the arguments have invalid types: \(marked)\n"
            }
        }
        return .type(message)
    }

    /// Which argument a description marks as the one that did not match.
    enum Mark {
        case positional(Int)
        case keyword(String)
    }

    /// The arguments' types as PyTorch lists them: `(Tensor, str)`, `(foo=int, )`, with the
    /// mismatched one as `!str!` or `!dim=str!`.
    static func describe(_ args: Arguments, marking mark: Mark? = nil) -> String {
        func marked(_ text: String, _ hit: Bool) -> String { hit ? "!\(text)!" : text }
        var text = args.positional.enumerated().map { index, v in
            if case .positional(let m) = mark { return marked(Formatting.typeName(v), m == index) }
            return Formatting.typeName(v)
        }.joined(separator: ", ")
        if !args.keywords.isEmpty {
            if !args.positional.isEmpty { text += ", " }
            for (keyword, v) in args.keywords {
                var hit = false
                if case .keyword(let m) = mark { hit = m == keyword }
                text += marked("\(keyword)=\(Formatting.typeName(v))", hit) + ", "
            }
        }
        return "(\(text))"
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
