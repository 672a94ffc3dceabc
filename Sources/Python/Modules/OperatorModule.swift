/// Python's `operator`: the operators as functions (`operator.mul` for `functools.reduce`),
/// `itemgetter` and `attrgetter`.
enum OperatorModule {
    static func make() -> Value {
        var m = [String: Value]()
        let binary: [(String, BinaryOperator)] = [
            ("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div), ("floordiv", .floorDiv), ("mod", .mod),
            ("pow", .pow), ("matmul", .matMul), ("and_", .bitAnd), ("or_", .bitOr), ("xor", .bitXor),
            ("lshift", .shiftLeft), ("rshift", .shiftRight)
        ]
        for (name, op) in binary {
            m[name] = .object(
                BuiltinFunction(name) { args, interp in
                    let (a, b) = try pair(args, name)
                    return try interp.binary(op, a, b)
                })
        }
        let comparisons: [(String, CompareOperator)] = [
            ("eq", .eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge)
        ]
        for (name, op) in comparisons {
            m[name] = .object(
                BuiltinFunction(name) { args, interp in
                    let (a, b) = try pair(args, name)
                    return try interp.compare(op, a, b)
                })
        }
        let unary: [(String, UnaryOperator)] = [("neg", .neg), ("pos", .pos), ("invert", .invert), ("not_", .not)]
        for (name, op) in unary {
            m[name] = .object(
                BuiltinFunction(name) { args, interp in try interp.unary(op, args.positional.first ?? .none) })
        }
        m["getitem"] = .object(
            BuiltinFunction("getitem") { args, interp in
                let (a, b) = try pair(args, "getitem")
                return try interp.subscriptValue(a, b)
            })
        m["itemgetter"] = .object(
            BuiltinFunction("itemgetter") { args, _ in
                let keys = args.positional
                return .object(
                    BuiltinFunction("itemgetter") { inner, interp in
                        let object = inner.positional.first ?? .none
                        let items = try keys.map { try interp.subscriptValue(object, $0) }
                        return items.count == 1 ? items[0] : .tuple(items)
                    })
            })
        m["attrgetter"] = .object(
            BuiltinFunction("attrgetter") { args, _ in
                let names = args.positional
                return .object(
                    BuiltinFunction("attrgetter") { inner, interp in
                        let object = inner.positional.first ?? .none
                        let values = try names.map { name -> Value in
                            guard case .string(let path) = name else {
                                throw PyException.type("attribute name must be a string")
                            }
                            return try path.split(separator: ".").reduce(object) { value, part in
                                guard let found = try interp.attribute(of: value, String(part)) else {
                                    throw interp.noAttribute(value, String(part))
                                }
                                return found
                            }
                        }
                        return values.count == 1 ? values[0] : .tuple(values)
                    })
            })
        return .object(ModuleObject(name: "operator", members: m))
    }

    private static func pair(_ args: Arguments, _ name: String) throws -> (Value, Value) {
        guard args.positional.count == 2 else {
            throw PyException.type("\(name) expected 2 arguments, got \(args.positional.count)")
        }
        return (args.positional[0], args.positional[1])
    }
}
