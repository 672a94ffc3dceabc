/// Methods of `str` values, indexed by characters like the rest of the interpreter's strings.
extension Interpreter {
    func stringMethod(_ s: String, _ name: String, _ method: (@escaping (Arguments) throws -> Value) -> Value) -> Value? {
        switch name {
        case "format": return method { args in .string(try self.strFormat(s, args)) }
        case "join":
            return method { args in
                let parts = try self.iterate(args.positional.first ?? .none).enumerated().map { i, v -> String in
                    guard case .string(let p) = v else {
                        throw PyException.type("sequence item \(i): expected str instance, \(Formatting.typeName(v)) found")
                    }
                    return p
                }
                return .string(parts.joined(separator: s))
            }
        case "split", "rsplit":
            return method { args in
                let sep = try args.value(0, "sep").flatMap(self.optionalString)
                let limit = try args.value(1, "maxsplit").map { try self.indexValue($0, "maxsplit") } ?? -1
                if sep == "" { throw PyException.value("empty separator") }
                let parts =
                    name == "split"
                    ? splitString(s, sep, limit)
                    : splitString(String(s.reversed()), sep.map { String($0.reversed()) }, limit).map { String($0.reversed()) }
                        .reversed()
                return .list(ListStorage(parts.map { .string($0) }))
            }
        case "splitlines":
            return method { _ in
                .list(
                    ListStorage(
                        s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { .string(String($0)) }
                            .dropLast(s.last?.isNewline == true ? 1 : 0)))
            }
        case "upper": return method { _ in .string(s.uppercased()) }
        case "lower": return method { _ in .string(s.lowercased()) }
        case "title": return method { _ in .string(titleCased(s)) }
        case "capitalize": return method { _ in .string(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        case "swapcase":
            return method { _ in
                .string(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
            }
        case "strip", "lstrip", "rstrip":
            return method { args in
                let chars = try args.value(0, "chars").flatMap(self.optionalString)
                let strip: (Character) -> Bool = { c in chars.map { $0.contains(c) } ?? c.isWhitespace }
                var out = Substring(s)
                if name != "rstrip" { out = out.drop(while: strip) }
                if name != "lstrip" { while let last = out.last, strip(last) { out = out.dropLast() } }
                return .string(String(out))
            }
        case "startswith", "endswith":
            return method { args in
                let candidates = try self.affixes(args.positional.first ?? .none, name)
                return .bool(candidates.contains { name == "startswith" ? s.hasPrefix($0) : s.hasSuffix($0) })
            }
        case "replace":
            return method { args in
                guard args.positional.count >= 2, case .string(let a) = args.positional[0],
                    case .string(let b) = args.positional[1]
                else {
                    throw PyException.type("replace expected at least 2 arguments, got \(args.positional.count)")
                }
                let count = try args.value(2, "count").map { try self.indexValue($0, "count") } ?? -1
                return .string(replacing(s, a, b, count: count))
            }
        case "find", "rfind", "index", "rindex":
            return method { args in
                guard case .string(let sub)? = args.positional.first else {
                    throw PyException.type("must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                }
                let positions = occurrences(of: sub, in: s, overlapping: true)
                let found = name.hasPrefix("r") ? positions.last : positions.first
                if let found { return .int(found) }
                if name.hasSuffix("index") { throw PyException.value("substring not found") }
                return .int(-1)
            }
        case "count":
            return method { args in
                guard case .string(let sub)? = args.positional.first else {
                    throw PyException.type("must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                }
                return .int(sub.isEmpty ? s.count + 1 : occurrences(of: sub, in: s, overlapping: false).count)
            }
        case "isdigit", "isnumeric", "isdecimal": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "isalpha": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isLetter)) }
        case "isalnum": return method { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "isspace": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isWhitespace)) }
        case "isupper": return method { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isLowercase)) }
        case "islower": return method { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isUppercase)) }
        case "zfill":
            return method { args in
                let width = try self.indexValue(args.positional.first ?? .none, "width")
                let pad = String(repeating: "0", count: max(0, width - s.count))
                if let sign = s.first, sign == "+" || sign == "-" { return .string(String(sign) + pad + s.dropFirst()) }
                return .string(pad + s)
            }
        case "center", "ljust", "rjust":
            return method { args in
                let width = try self.indexValue(args.positional.first ?? .int(0), "width")
                let fill = try args.value(1, "fillchar").flatMap(self.optionalString) ?? " "
                guard fill.count == 1 else { throw PyException.type("The fill character must be exactly one character long") }
                let align = name == "center" ? "^" : name == "ljust" ? "<" : ">"
                return .string(try PythonFormat.format(.string(s), spec: "\(fill)\(align)\(width)"))
            }
        default: return nil
        }
    }

    /// The prefix/suffix argument of startswith/endswith: a str or a tuple of str.
    private func affixes(_ v: Value, _ name: String) throws -> [String] {
        switch v {
        case .string(let a): return [a]
        case .tuple(let items):
            return try items.map { item in
                guard case .string(let a) = item else {
                    throw PyException.type("tuple for \(name) must only contain str, not \(Formatting.typeName(item))")
                }
                return a
            }
        default:
            throw PyException.type("\(name) first arg must be str or a tuple of str, not \(Formatting.typeName(v))")
        }
    }
}

/// `s.split(sep, maxsplit)`: on runs of whitespace when `sep` is nil, else on each `sep`.
private func splitString(_ s: String, _ sep: String?, _ limit: Int) -> [String] {
    var parts = [String]()
    guard let sep else {
        var rest = Substring(s).drop(while: \.isWhitespace)
        while !rest.isEmpty {
            if limit >= 0 && parts.count == limit {
                parts.append(String(rest))
                break
            }
            let word = rest.prefix { !$0.isWhitespace }
            parts.append(String(word))
            rest = rest.dropFirst(word.count).drop(while: \.isWhitespace)
        }
        return parts
    }
    var rest = Substring(s)
    while limit < 0 || parts.count < limit, let r = rest.range(of: sep) {
        parts.append(String(rest[..<r.lowerBound]))
        rest = rest[r.upperBound...]
    }
    parts.append(String(rest))
    return parts
}

/// Character offsets where `sub` occurs in `s`.
private func occurrences(of sub: String, in s: String, overlapping: Bool) -> [Int] {
    let hay = Array(s)
    let needle = Array(sub)
    guard needle.count <= hay.count else { return [] }
    var found = [Int]()
    var i = 0
    while i + needle.count <= hay.count {
        if Array(hay[i..<(i + needle.count)]) == needle {
            found.append(i)
            i += overlapping || needle.isEmpty ? 1 : needle.count
        } else {
            i += 1
        }
    }
    return found
}

/// `s.replace(old, new, count)`.
private func replacing(_ s: String, _ old: String, _ new: String, count: Int) -> String {
    if count < 0 { return old.isEmpty ? new + s.map { String($0) + new }.joined() : s.replacingOccurrences(of: old, with: new) }
    var out = ""
    var rest = Substring(s)
    var done = 0
    while done < count, !old.isEmpty, let r = rest.range(of: old) {
        out += rest[..<r.lowerBound] + new
        rest = rest[r.upperBound...]
        done += 1
    }
    return out + rest
}

/// `s.title()`: upper-cases the first letter of each run of letters.
private func titleCased(_ s: String) -> String {
    var out = ""
    var previousIsLetter = false
    for c in s {
        out += previousIsLetter ? c.lowercased() : c.uppercased()
        previousIsLetter = c.isLetter
    }
    return out
}
