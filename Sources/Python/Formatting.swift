/// Python's `str()` and `repr()` of interpreter values.
package enum Formatting {
    package static func str(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .object(let o): return o.str()
        default: return repr(v)
        }
    }

    package static func repr(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFormat.floatRepr(d)
        case .string(let s): return PythonFormat.stringRepr(s)
        case .list(let l):
            return ReprGuard.showing(l, placeholder: "[...]") { "[" + l.items.map(repr).joined(separator: ", ") + "]" }
        case .tuple(let items):
            if items.count == 1 { return "(" + repr(items[0]) + ",)" }
            return "(" + items.map(repr).joined(separator: ", ") + ")"
        case .dict(let d): return ReprGuard.showing(d, placeholder: "{...}") { dictRepr(d) }
        case .object(let o): return o.repr()
        }
    }

    private static func dictRepr(_ d: DictStorage) -> String {
        let plain = "{" + d.items.map { repr($0.0) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
        switch d.flavor {
        case .plain: return plain
        case .ordered:
            return d.count == 0
                ? "OrderedDict()"
                : "OrderedDict([" + d.items.map { repr(.tuple([$0.0, $0.1])) }.joined(separator: ", ") + "])"
        case .counter:
            return d.count == 0
                ? "Counter()"
                : "Counter({" + CollectionsModule.mostCommon(d).map { repr($0.0) + ": " + repr($0.1) }.joined(separator: ", ")
                    + "})"
        case .defaultDict(let factory): return "defaultdict(\(repr(factory)), \(plain))"
        }
    }

    /// `type(v).__name__`.
    package static func typeName(_ v: Value) -> String {
        switch v {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict(let d): return d.flavor.typeName
        case .object(let o): return o.typeName
        }
    }
}
