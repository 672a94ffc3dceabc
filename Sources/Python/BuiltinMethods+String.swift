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
                let bytes = parts.reduce(s.utf8.count * max(parts.count - 1, 0)) { $0 &+ $1.utf8.count }
                try self.reserveMemory([bytes], itemSize: 1)
                return .string(parts.joined(separator: s))
            }
        case "split", "rsplit":
            return method { args in
                let sep = try args.value(0, "sep").flatMap(self.optionalString)
                let limit = try args.value(1, "maxsplit").map { try self.integerArgument($0) } ?? -1
                if sep == "" { throw PyException.value("empty separator") }
                let parts =
                    name == "split"
                    ? try splitString(s, sep, limit, reserve: self.reserveBytes)
                    : try splitString(String(s.reversed()), sep.map { String($0.reversed()) }, limit, reserve: self.reserveBytes)
                        .map {
                            String($0.reversed())
                        }
                        .reversed()
                try self.reserveMemory([parts.count], itemSize: MemoryLayout<Value>.stride)
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
                let count = try args.value(2, "count").map { try self.integerArgument($0) } ?? -1
                return .string(try self.replacing(s, a, b, count: count))
            }
        case "find", "rfind", "index", "rindex":
            return method { args in
                guard case .string(let sub)? = args.positional.first else {
                    throw PyException.type("must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                }
                let found: Int?
                if sub.isEmpty {
                    found = name.hasPrefix("r") ? s.count : 0
                } else {
                    let search = try StringSearch(for: sub, in: s, reserve: self.reserveBytes)
                    found = try search.offset(last: name.hasPrefix("r")).map(s.characterOffset(ofByte:))
                }
                if let found { return .int(found) }
                if name.hasSuffix("index") { throw PyException.value("substring not found") }
                return .int(-1)
            }
        case "partition", "rpartition":
            return method { args in
                guard case .string(let sep)? = args.positional.first else {
                    throw PyException.type("must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                }
                if sep.isEmpty { throw PyException.value("empty separator") }
                let reversed = name == "rpartition"
                guard let at = try StringSearch(for: sep, in: s, reserve: self.reserveBytes).offset(last: reversed) else {
                    return .tuple(reversed ? [.string(""), .string(""), .string(s)] : [.string(s), .string(""), .string("")])
                }
                let end = at + sep.utf8.count
                return .tuple([
                    .string(String(s.text(ofBytes: 0..<at))), .string(sep),
                    .string(String(s.text(ofBytes: end..<s.utf8.count)))
                ])
            }
        case "count":
            return method { args in
                guard case .string(let sub)? = args.positional.first else {
                    throw PyException.type("must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                }
                return .int(
                    sub.isEmpty ? s.count + 1 : try StringSearch(for: sub, in: s, reserve: self.reserveBytes).count())
            }
        case "isdigit", "isnumeric", "isdecimal": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "isalpha": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isLetter)) }
        case "isalnum": return method { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "isspace": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isWhitespace)) }
        case "isupper": return method { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isLowercase)) }
        case "islower": return method { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isUppercase)) }
        case "zfill":
            return method { args in
                let width = try self.integerArgument(args.positional.first ?? .none)
                try self.reserveMemory([max(width, 0)], itemSize: 1)
                // `width` may be as low as Int.min: compare before subtracting.
                let pad = String(repeating: "0", count: width > s.count ? width - s.count : 0)
                if let sign = s.first, sign == "+" || sign == "-" { return .string(String(sign) + pad + s.dropFirst()) }
                return .string(pad + s)
            }
        case "center", "ljust", "rjust":
            return method { args in
                let width = try self.integerArgument(args.positional.first ?? .int(0))
                try self.reserveMemory([max(width, 0), 4], itemSize: 1)
                let fill = try args.value(1, "fillchar").flatMap(self.optionalString) ?? " "
                guard fill.count == 1 else { throw PyException.type("The fill character must be exactly one character long") }
                guard width > s.count else { return .string(s) }
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
private func splitString(
    _ s: String, _ sep: String?, _ limit: Int, reserve: @escaping (Int) throws -> Void
) throws -> [String] {
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
    let search = try StringSearch(for: sep, in: s, reserve: reserve)
    let cuts = try search.occurrences(overlapping: false, limit: limit < 0 ? nil : limit)
    // The parts' list entries and string headers, counted before they are made.
    try reserve((cuts.count + 1) * (MemoryLayout<Value>.stride + MemoryLayout<String>.stride))
    var start = 0
    for cut in cuts {
        parts.append(String(s.text(ofBytes: start..<cut)))
        start = cut + sep.utf8.count
    }
    parts.append(String(s.text(ofBytes: start..<s.utf8.count)))
    return parts
}

extension Interpreter {
    /// `s.replace(old, new, count)`, its size checked against the memory limit before building.
    fileprivate func replacing(_ s: String, _ old: String, _ new: String, count: Int) throws -> String {
        if old.isEmpty {
            let inserts = count < 0 ? s.count + 1 : min(count, s.count + 1)
            let (grown, overflow) = inserts.multipliedReportingOverflow(by: new.utf8.count)
            try reserveMemory([overflow ? Int.max : s.utf8.count &+ grown], itemSize: 1)
            // Written into the result directly: an array of the characters took 16 bytes each.
            var out = ""
            out.reserveCapacity(s.utf8.count + grown)
            var index = s.startIndex
            for i in 0..<inserts {
                if i & 65535 == 0 { try RunWatchdog.poll() }
                out += new
                guard index < s.endIndex else { continue }
                let next = s.index(after: index)
                out += s[index..<next]
                index = next
            }
            out += s[index...]
            return out
        }
        let cuts = try StringSearch(for: old, in: s, reserve: reserveBytes).occurrences(
            overlapping: false, limit: count < 0 ? nil : count)
        let (grown, overflow) = cuts.count.multipliedReportingOverflow(by: new.utf8.count - old.utf8.count)
        try reserveMemory([overflow ? Int.max : s.utf8.count &+ grown], itemSize: 1)
        var out = ""
        out.reserveCapacity(s.utf8.count + grown)
        var start = 0
        for cut in cuts {
            out += s.text(ofBytes: start..<cut)
            out += new
            start = cut + old.utf8.count
        }
        out += s.text(ofBytes: start..<s.utf8.count)
        return out
    }
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
