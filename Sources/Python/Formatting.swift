/// Python's `str()` and `repr()` of interpreter values. Long text is admitted by the running
/// interpreter's limits before it is built (`ReprGuard.admits(bytes:)`); text that does not fit is
/// cut short with the limit's error left pending (`Interpreter.reprText` throws it).
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
        case .string(let s):
            guard s.utf8.count >= 1 << 16 else { return PythonFormat.stringRepr(s) }
            let admitted = !ReprGuard.isCutShort && ReprGuard.admits(bytes: PythonFormat.stringReprByteCount(s))
            return admitted ? PythonFormat.stringRepr(s) : "'...'"
        case .list(let l):
            return ReprGuard.showing(l, placeholder: "[...]") { joined(l.items.map(repr), "[", "]") }
        case .tuple(let items):
            if items.count == 1 { return "(" + repr(items[0]) + ",)" }
            return joined(items.map(repr), "(", ")")
        case .dict(let d): return ReprGuard.showing(d, placeholder: "{...}") { dictRepr(d) }
        case .object(let o): return o.repr()
        }
    }

    /// `parts` between `open` and `close`, separated by `", "`, once the text is admitted.
    private static func joined(_ parts: [String], _ open: String, _ close: String) -> String {
        let bytes = parts.reduce(2 * parts.count + open.utf8.count + close.utf8.count) { $0 &+ $1.utf8.count }
        guard ReprGuard.admits(bytes: bytes) else { return open + "..." + close }
        var text = open
        text.reserveCapacity(bytes)
        for (i, part) in parts.enumerated() {
            if i > 0 { text += ", " }
            text += part
        }
        text += close
        return text
    }

    private static func dictRepr(_ d: DictStorage) -> String {
        let plain = joined(d.items.map { repr($0.0) + ": " + repr($0.1) }, "{", "}")
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
