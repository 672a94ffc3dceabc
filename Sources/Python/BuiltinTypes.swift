import Foundation

/// The builtin types scripts can call and compare against.
enum BuiltinTypes {
    static let int = TypeObject("int") { args, interp in
        let baseArgument = args.positional.count > 1 ? args.positional[1] : args.keywords.first { $0.name == "base" }?.value
        guard var v = args.positional.first else { return .int(0) }
        if let baseArgument {
            guard case .string(let s) = v else { throw PyException.type("int() can't convert non-string with explicit base") }
            return .int(try parseInteger(s, base: try interp.integerArgument(baseArgument)))
        }
        if case .object(let o) = v, let number = try o.numberConversion(interp) { v = number }
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            return .int(try pythonInt(d))
        case .string(let s):
            return .int(try parseInteger(s, base: 10))
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

/// `int(text, base)`: Python's integer literal rules — surrounding whitespace, a sign, the base's
/// prefix (`0x`, `0o`, `0b`; required to pick the base when `base` is 0), underscores between
/// digits; CPython's ValueError otherwise, and OverflowError beyond 64 bits.
func parseInteger(_ text: String, base: Int) throws -> Int {
    guard base == 0 || (2...36).contains(base) else { throw PyException.value("int() base must be >= 2 and <= 36, or 0") }
    // CPython's `%.200R`: the repr's first 200 characters.
    var invalid: PyException {
        .value("invalid literal for int() with base \(base): \(PythonFormat.stringRepr(text, maxCharacters: 200))")
    }
    var digits = trimmedOfWhitespace(text)
    var negative = false
    if let sign = digits.first, sign == "+" || sign == "-" {
        negative = sign == "-"
        digits = digits.dropFirst()
    }
    var radix = base
    let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
    if let (_, prefixBase) = prefixes.first(where: { digits.prefix(2).lowercased() == $0.0 }),
        base == 0 || base == prefixBase
    {
        radix = prefixBase
        digits = digits.dropFirst(2)
        if digits.first == "_" { digits = digits.dropFirst() }
    } else if base == 0 {
        radix = 10
        // Base 0 reads a decimal literal as Python source does: no leading zeros but zero itself.
        if digits.count > 1, digits.first == "0", digits.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
    }
    guard !digits.isEmpty, digits.first != "_", digits.last != "_", !digits.contains("__") else { throw invalid }
    var value = 0
    for c in digits where c != "_" {
        guard let digit = c.hexDigitValue ?? c.letterDigitValue, digit < radix else { throw invalid }
        let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
        let (sum, overflowSum) = shifted.addingReportingOverflow(negative ? -digit : digit)
        if overflow || overflowSum { throw PyException(.overflowError, "int too large for GradScope's 64-bit ints") }
        value = sum
    }
    return value
}

extension Character {
    /// The value of `a`...`z` (either case) as a digit of bases above 16.
    fileprivate var letterDigitValue: Int? {
        guard let ascii = asciiValue, isLetter else { return nil }
        return Int(ascii | 0x20) - 97 + 10
    }
}

/// `s` without the whitespace (`CharacterSet.whitespacesAndNewlines`) at its ends, as a view of `s`: `int()`
/// and `float()` of a long string copy nothing.
private func trimmedOfWhitespace(_ s: String) -> Substring {
    let scalars = s.unicodeScalars
    let isText = { (c: Unicode.Scalar) in !CharacterSet.whitespacesAndNewlines.contains(c) }
    guard let first = scalars.firstIndex(where: isText), let last = scalars.lastIndex(where: isText) else { return "" }
    return s[first...last]
}
