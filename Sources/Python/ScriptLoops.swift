/// A `for` or `while` statement of a script: the line it starts on, the last line of its body
/// (its `else` clause left out) and its header as written, without the colon
/// (`for step in range(20)`).
package struct ScriptLoop: Equatable, Sendable {
    package let line: Int
    package let lastLine: Int
    package let header: String
}

extension Module {
    /// Every `for` and `while` statement of the script, in functions and classes too, in
    /// source order.
    package var loops: [ScriptLoop] {
        var found: [ScriptLoop] = []
        collectLoops(in: body, into: &found)
        return found
    }

    private func collectLoops(in statements: [Stmt], into found: inout [ScriptLoop]) {
        for s in statements {
            switch s.kind {
            case .for(_, _, let body, _), .while(_, let body, _):
                found.append(ScriptLoop(line: s.line, lastLine: Self.lastLine(of: body), header: header(of: s)))
            default: break
            }
            for block in Self.blocks(of: s) { collectLoops(in: block, into: &found) }
        }
    }

    /// The statement blocks nested in `s` (bodies, `else`, handlers, `finally`).
    private static func blocks(of s: Stmt) -> [[Stmt]] {
        switch s.kind {
        case .if(_, let body, let orElse), .for(_, _, let body, let orElse), .while(_, let body, let orElse):
            return [body, orElse]
        case .functionDef(let f): return [f.body]
        case .classDef(let c): return [c.body]
        case .with(_, let body): return [body]
        case .try(let body, let handlers, let orElse, let finally): return [body] + handlers.map(\.body) + [orElse, finally]
        default: return []
        }
    }

    /// The line of the last statement in `statements`, nested blocks included.
    private static func lastLine(of statements: [Stmt]) -> Int {
        guard let last = statements.last else { return 0 }
        return max(last.line, blocks(of: last).map(lastLine).max() ?? 0)
    }

    /// The text of loop statement `s` from its keyword to the colon that ends its header
    /// (outside brackets and strings), continuation lines joined by one space.
    private func header(of s: Stmt) -> String {
        var text = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for (offset, line) in sourceLines.dropFirst(s.line - 1).enumerated() {
            let part = offset == 0 ? line.dropFirst(s.position.column) : line.drop { $0 == " " || $0 == "\t" }
            var end = part.endIndex
            scan: for (i, c) in zip(part.indices, part) {
                if let q = quote {
                    if escaped {
                        escaped = false
                    } else if c == "\\" {
                        escaped = true
                    } else if c == q {
                        quote = nil
                    }
                    continue
                }
                switch c {
                case "'", "\"": quote = c
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                case "#":
                    end = i
                    break scan
                case ":" where depth == 0: return String((text + part[..<i]).trimmingTrailingBlanks())
                default: break
                }
            }
            text += part[..<end].trimmingTrailingBlanks() + " "
        }
        return String(text.trimmingTrailingBlanks())
    }
}

extension StringProtocol {
    /// The text without trailing spaces, tabs and backslashes (a header continued on the next line).
    fileprivate func trimmingTrailingBlanks() -> SubSequence {
        var end = endIndex
        while end > startIndex, case let c = self[index(before: end)], c == " " || c == "\t" || c == "\\" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
