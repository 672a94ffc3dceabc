import Foundation

/// The builtin types scripts can call and compare against.
enum BuiltinTypes {
    static let int = TypeObject("int") { args, interp in
        guard var v = args.positional.first else { return .int(0) }
        if case .object(let o) = v, let number = try o.numberConversion(interp) { v = number }
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            return .int(try pythonInt(d))
        case .string(let s):
            guard let i = Int(trimmedOfWhitespace(s)) else {
                // CPython's `%.200R`: the repr's first 200 characters.
                throw PyException.value("invalid literal for int() with base 10: \(PythonFormat.stringRepr(s, maxCharacters: 200))")
            }
            return .int(i)
        default:
            throw PyException.type(
                "int() argument must be a string, a bytes-like object or a real number, not '\(Formatting.typeName(v))'")
        }
    }
    static let float = TypeObject("float") { args, interp in
        guard let v = args.positional.first else { return .float(0) }
        switch v {
        case .string(let s):
            let trimmed = trimmedOfWhitespace(s)
            // Only a short text can name a special value: a long one is read as it is.
            let t = trimmed.utf8.count <= 16 ? Substring(trimmed.lowercased()) : trimmed
            switch t {
            case "nan", "+nan", "-nan": return .float(.nan)
            case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
            case "-inf", "-infinity": return .float(-.infinity)
            default:
                guard let d = Double(t) else {
                    throw PyException.value("could not convert string to float: \(try interp.reprText(.string(s)))")
                }
                return .float(d)
            }
        case .object(let o):
            if let number = try o.numberConversion(interp) { return .float(try interp.toDouble(number)) }
            return .float(try interp.toDouble(v))
        default: return .float(try interp.toDouble(v))
        }
    }
    static let str = TypeObject("str") { args, interp in .string(try args.positional.first.map(interp.strText) ?? "") }
    static let bool = TypeObject("bool") { args, interp in .bool(try args.positional.first.map(interp.truthy) ?? false) }
    static let list = TypeObject("list") { args, interp in
        .list(ListStorage(try args.positional.first.map(interp.iterate) ?? []))
    }
    static let tuple = TypeObject("tuple") { args, interp in .tuple(try args.positional.first.map(interp.iterate) ?? []) }
    static let dict = TypeObject("dict") { args, interp in
        let d = DictStorage()
        if let source = args.positional.first {
            if case .dict(let other) = source {
                for (k, v) in other.items { try d.set(k, v) }
            } else {
                for pair in try interp.iterate(source) {
                    let kv = try interp.iterate(pair)
                    guard kv.count == 2 else {
                        throw PyException.value("dictionary update sequence element has length \(kv.count); 2 is required")
                    }
                    try d.set(kv[0], kv[1])
                }
            }
        }
        for (k, v) in args.keywords { try d.set(.string(k), v) }
        return .dict(d)
    }
    static let range = TypeObject("range") { args, interp in
        let ints = try args.positional.map { try interp.integerArgument($0) }
        switch ints.count {
        case 1: return .object(RangeObject(start: 0, stop: ints[0], step: 1))
        case 2: return .object(RangeObject(start: ints[0], stop: ints[1], step: 1))
        case 3:
            if ints[2] == 0 { throw PyException.value("range() arg 3 must not be zero") }
            return .object(RangeObject(start: ints[0], stop: ints[1], step: ints[2]))
        default: throw PyException.type("range expected at most 3 arguments, got \(ints.count)")
        }
    }
    static let set = TypeObject("set") { args, interp in .object(try SetObject.make(args.positional.first, frozen: false, interp))
    }
    static let frozenset = TypeObject("frozenset") { args, interp in
        .object(try SetObject.make(args.positional.first, frozen: true, interp))
    }
    static let slice = TypeObject("slice") { args, _ in
        let p = args.positional
        switch p.count {
        case 1: return .object(SliceObject(start: .none, stop: p[0], step: .none))
        case 2, 3: return .object(SliceObject(start: p[0], stop: p[1], step: p.count == 3 ? p[2] : .none))
        default: throw PyException.type("slice expected at least 1 argument, got \(p.count)")
        }
    }
    static let object = TypeObject(
        "object", members: ObjectMethods.names.reduce(into: [:]) { $0[$1] = ObjectMethods.body($1) }
    ) { _, _ in .object(PlainObject()) }
    static let noneType = TypeObject("NoneType")
    static let function = TypeObject("function")
    static let type = TypeObject("type") { args, interp in
        guard args.positional.count == 1 else { throw PyException.type("type() takes 1 or 3 arguments") }
        return typeOf(args.positional[0], interp)
    }

    static let all: [(String, TypeObject)] = [
        ("int", int), ("float", float), ("str", str), ("bool", bool), ("list", list), ("tuple", tuple),
        ("dict", dict), ("set", set), ("frozenset", frozenset), ("range", range), ("slice", slice), ("object", object),
        ("type", type)
    ]

    private static let byName: [String: TypeObject] = {
        var d = [String: TypeObject]()
        for (n, t) in all { d[n] = t }
        d["NoneType"] = noneType
        d["function"] = function
        return d
    }()

    /// `type(v)`.
    static func typeOf(_ v: Value, _ interp: Interpreter) -> Value {
        switch v {
        case .object(let i as Instance): return .object(i.cls)
        case .object(let e as ExceptionInstance): return .object(e.cls)
        case .object(let o):
            if let type = o.pythonType(interp) { return type }
            fallthrough
        default:
            let name = Formatting.typeName(v)
            if let t = byName[name] ?? interp.typesByName[name] { return .object(t) }
            let t = TypeObject(name)
            interp.typesByName[name] = t
            return .object(t)
        }
    }
}

/// `object()`: a featureless object, equal only to itself.
final class PlainObject: PyObject {
    var typeName: String { "object" }
    func repr() -> String { "<object object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>" }
}

/// A float truncated to an int as Python's `int(x)` does: NaN and infinities raise, and values
/// outside GradScope's 64-bit ints raise `OverflowError` instead of trapping.
func pythonInt(_ d: Double) throws -> Int {
    guard d.isFinite else {
        throw d.isNaN
            ? PyException.value("cannot convert float NaN to integer")
            : PyException(.overflowError, "cannot convert float infinity to integer")
    }
    guard abs(d) < 9.2e18 else { throw PyException(.overflowError, "int too large for GradScope's 64-bit ints") }
    return Int(d)
}

/// `s` without the whitespace (`CharacterSet.whitespaces`) at its ends, as a view of `s`: `int()`
/// and `float()` of a long string copy nothing.
private func trimmedOfWhitespace(_ s: String) -> Substring {
    let scalars = s.unicodeScalars
    let isText = { (c: Unicode.Scalar) in !CharacterSet.whitespaces.contains(c) }
    guard let first = scalars.firstIndex(where: isText), let last = scalars.lastIndex(where: isText) else { return "" }
    return s[first...last]
}
