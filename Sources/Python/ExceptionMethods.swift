/// The methods instances of script-defined exception classes inherit from `BaseException`
/// (`super().__init__(message)`, `Exception.__str__(self)`, ...).
enum ExceptionMethods {
    static let names: Set<String> = ["__init__", "__str__", "__repr__"]

    static func method(_ name: String) -> BuiltinFunction? {
        guard names.contains(name) else { return nil }
        return BuiltinFunction(name) { args, _ in
            guard case .object(let instance as Instance)? = args.positional.first, let base = instance.cls.exceptionBase,
                let exceptionArgs = instance.exceptionArgs
            else {
                throw PyException.type(
                    "descriptor '\(name)' requires a 'BaseException' object but received a '\(Formatting.typeName(args.positional.first ?? .none))'"
                )
            }
            switch name {
            case "__init__":
                instance.exceptionArgs = Array(args.positional.dropFirst())
                return .none
            case "__str__": return .string(ExceptionInstance.defaultStr(base, exceptionArgs))
            default: return .string(ExceptionInstance.defaultRepr(instance.cls.name, exceptionArgs))
            }
        }
    }
}
