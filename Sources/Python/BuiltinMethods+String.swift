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
            return method { args in
                let keepArgument = args.positional.first ?? args.keywords.first { $0.name == "keepends" }?.value
                let keepEnds = try keepArgument.map(self.truthy) ?? false
                // Counted before any line is made: a string of newlines makes as many strings.
                try self.reserveMemory([s.count(where: \.isNewline) + 1], itemSize: MemoryLayout<Value>.stride)
                try self.reserveBytes(s.utf8.count)
                var lines: [Value] = []
                var line = ""
                for c in s {
                    if c.isNewline {
                        if keepEnds { line.append(c) }
                        lines.append(.string(line))
                        line = ""
                    } else {
                        line.append(c)
                    }
                }
                if !line.isEmpty { lines.append(.string(line)) }
                return .list(ListStorage(lines))
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
                guard let (window, _) = try self.searchWindow(s, args) else { return .bool(false) }
                return .bool(candidates.contains { name == "startswith" ? window.hasPrefix($0) : window.hasSuffix($0) })
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
                var found: Int?
                if let (window, offset) = try self.searchWindow(s, args) {
                    if sub.isEmpty {
                        found = offset + (name.hasPrefix("r") ? window.count : 0)
                    } else {
                        let search = try StringSearch(for: sub, in: window, reserve: self.reserveBytes)
                        found = try search.offset(last: name.hasPrefix("r")).map { offset + window.characterOffset(ofByte: $0) }
                    }
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
                guard let (window, _) = try self.searchWindow(s, args) else { return .int(0) }
                return .int(
                    sub.isEmpty ? window.count + 1 : try StringSearch(for: sub, in: window, reserve: self.reserveBytes).count())
            }
        case "isdigit", "isnumeric", "isdecimal": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "isalpha": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isLetter)) }
        case "isalnum": return method { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "isidentifier":
            // Letters, digits and underscores, not starting with a digit (Unicode's XID classes
            // approximated by Character's letter and number properties).
            return method { _ in
                .bool(
                    s.first.map { $0 == "_" || $0.isLetter } ?? false
                        && s.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber })
            }
        case "isascii": return method { _ in .bool(s.unicodeScalars.allSatisfy(\.isASCII)) }
        case "isspace": return method { _ in .bool(!s.isEmpty && s.allSatisfy(\.isWhitespace)) }
        case "isupper": return method { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isLowercase)) }
        case "islower": return method { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isUppercase)) }
        case "expandtabs":
            return method { args in
                let tabArgument = args.positional.first ?? args.keywords.first { $0.name == "tabsize" }?.value ?? .int(8)
                let tabSize = try self.integerArgument(tabArgument)
                return .string(try self.expandingTabs(s, tabSize: tabSize))
            }
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

    /// `s.expandtabs(tabSize)`: each tab becomes the spaces up to the next multiple of
    /// `tabSize` columns (none when it is below 1), counting from the last newline; the result's
    /// size is reserved before it is built.
    private func expandingTabs(_ s: String, tabSize: Int) throws -> String {
        /// Walks `s`, calling `emit` with each character and the columns it takes.
        func walk(_ emit: (Character, Int) throws -> Void) rethrows {
            var column = 0
            for c in s {
                let width = c == "\t" ? (tabSize > 0 ? tabSize - column % tabSize : 0) : 1
                try emit(c, width)
                column = c == "\n" || c == "\r" ? 0 : column + width
            }
        }
        var length = 0
        try walk { _, width in
            let (total, overflow) = length.addingReportingOverflow(width)
            guard !overflow else { throw PyException(.overflowError, "new string is too long") }
            length = total
        }
        try reserveMemory([length], itemSize: 1)
        var out = ""
        out.reserveCapacity(length)
        walk { c, width in
            if c == "\t" { out += String(repeating: " ", count: width) } else { out.append(c) }
        }
        return out
    }

    /// The part of `s` that the optional `start` and `end` arguments (positions 1 and 2, with
    /// Python's slice rules) of `find`, `count`, `startswith`, ... select, and the offset of its
    /// first character; nil when `start` lies beyond the end, where nothing is found.
    private func searchWindow(_ s: String, _ args: Arguments) throws -> (String, Int)? {
        let start = try args.positional.count > 1 ? optionalInteger(args.positional[1]) : nil
        let end = try args.positional.count > 2 ? optionalInteger(args.positional[2]) : nil
        if start == nil && end == nil { return (s, 0) }
        let count = s.count
        func normalized(_ index: Int?, _ fallback: Int) -> Int {
            guard let index else { return fallback }
            return index < 0 ? max(index + count, 0) : index
        }
        let lower = normalized(start, 0)
        let upper = min(normalized(end, count), count)
        if lower > count { return nil }
        if lower >= upper { return ("", lower) }
        try reserveBytes(s.utf8.count)
        let from = s.index(s.startIndex, offsetBy: lower)
        let to = s.index(from, offsetBy: upper - lower)
        return (String(s[from..<to]), lower)
    }

    /// An optional integer argument (`None` is nil).
    private func optionalInteger(_ value: Value) throws -> Int? {
        if case .none = value { return nil }
        return try integerArgument(value)
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
