/// A loop found in the recorded ops: a block of ops that ran two or more times in a row with
/// the same ops on the same lines (identical iterations), and the `for`/`while` statement that
/// ran it when the script's source shows one.
struct DetectedLoop: Equatable {
    /// Positions, in the sequence the loop was found in, of its first op and one past its last.
    let span: Range<Int>
    /// Ops per iteration.
    let period: Int
    /// Identical iterations (at least 2).
    var iterations: Int { span.count / period }
    /// The script lines one iteration's ops ran at.
    let lines: ClosedRange<Int>
    /// The loop statement's text (`for step in range(20):` without the colon), when the source
    /// shows the statement whose body holds `lines`.
    var header: String? = nil

    /// The loop box's title: `for step in range(20) ×20`, or `loop ×20 (lines 12–19)` without source.
    var title: String {
        header.map { "\($0) ×\(iterations)" } ?? "loop ×\(iterations) (\(Style.lineText(lines)))"
    }
}

/// Finds loops in a sequence of op symbols (one per op, equal when two ops are the same op on
/// the same line) by looking for blocks that repeat back to back.
enum LoopDetection {
    /// How a loop statement starts.
    static let loopKeywords = ["for ", "async for ", "while "]

    /// How many later occurrences of an op's symbol are tried as the start of its second iteration.
    static let candidatesPerOp = 8

    /// The loops of `symbols` (`lines`: each op's line), left to right, none overlapping: at
    /// each position, of the blocks repeating at least twice right after themselves that
    /// `accept` keeps (it may add the loop's header), the one covering the most ops (the shorter
    /// period on a tie), taken as far as it repeats. About linear in the sequence for scripts
    /// whose loops repeat exactly.
    static func loops(
        in symbols: [Int], lines: [Int], accept: (DetectedLoop) -> DetectedLoop?
    ) -> [DetectedLoop] {
        var occurrences: [Int: [Int]] = [:]
        for (i, s) in symbols.enumerated() { occurrences[s, default: []].append(i) }
        var rank = [Int](repeating: 0, count: symbols.count)
        for positions in occurrences.values { for (k, i) in positions.enumerated() { rank[i] = k } }
        var loops: [DetectedLoop] = []
        var i = 0
        while i < symbols.count {
            let later = (occurrences[symbols[i]] ?? []).dropFirst(rank[i] + 1).prefix(candidatesPerOp)
            let candidates = later.compactMap { next -> DetectedLoop? in
                let period = next - i
                var j = next
                while j < symbols.count && symbols[j] == symbols[j - period] { j += 1 }
                let whole = (j - i) / period
                guard whole >= 2 else { return nil }
                let iteration = lines[i..<next]
                return DetectedLoop(
                    span: i..<i + whole * period, period: period, lines: (iteration.min() ?? 0)...(iteration.max() ?? 0))
            }
            let ranked = candidates.sorted {
                $0.span.count != $1.span.count ? $0.span.count > $1.span.count : $0.period < $1.period
            }
            guard let loop = ranked.lazy.compactMap(accept).first else {
                // A repetition that is no loop (a long chain on one line) is skipped but for its
                // last period: trying it again from each of its ops would be quadratic.
                i = max(i + 1, ranked.first.map { $0.span.upperBound - $0.period } ?? 0)
                continue
            }
            loops.append(loop)
            i = loop.span.upperBound
        }
        return loops
    }

    /// The loop statement around the ops of one iteration, which ran at `lines`: the statement
    /// enclosing the first of those lines that is in the script's body of a loop (ops inside a
    /// function the loop calls carry the function's lines); nil when none is (a function called
    /// twice, `y * y` outside any loop).
    static func header(around lines: [Int], in source: [Substring]) -> String? {
        Set(lines).sorted().lazy.compactMap { header(enclosing: $0, in: source) }.first
    }

    /// The loop statement whose body holds line `line` in `source` (`for step in range(20)`):
    /// the line itself when it is a one-line loop, else the nearest line above it that is
    /// indented less and starts with `for` or `while`, climbing past enclosing `with`/`if`/`try`
    /// blocks; nil when a `def`, `class` or the top level comes first, or the line is out of range.
    static func header(enclosing line: Int, in source: [Substring]) -> String? {
        guard line >= 1, line <= source.count else { return nil }
        if let inline = inlineHeader(source[line - 1]) { return inline }
        guard line >= 2 else { return nil }
        var indent = indentation(source[line - 1])
        var l = line - 1
        while l >= 1 && indent > 0 {
            let text = source[l - 1]
            let stripped = text.drop { $0 == " " || $0 == "\t" }
            defer { l -= 1 }
            guard !stripped.isEmpty, !stripped.hasPrefix("#"), indentation(text) < indent else { continue }
            indent = indentation(text)
            for keyword in loopKeywords where stripped.hasPrefix(keyword) {
                var statement = stripped.prefix { $0 != "#" }.trimmingSuffix()
                if statement.hasSuffix(":") { statement.removeLast() }
                return String(statement)
            }
            let word = stripped.prefix { $0.isLetter }
            guard ["with", "if", "elif", "else", "try", "except", "finally"].contains(word) else { return nil }
        }
        return nil
    }

    /// The header of a loop whose body is on the same line (`for i in range(5): y = y * 2`):
    /// the text before the colon that ends the header (outside brackets and strings), when a
    /// statement follows it; nil for any other line.
    static func inlineHeader(_ line: Substring) -> String? {
        let stripped = line.drop { $0 == " " || $0 == "\t" }
        guard loopKeywords.contains(where: { stripped.hasPrefix($0) }) else { return nil }
        var depth = 0
        var quote: Character?
        for index in stripped.indices {
            let c = stripped[index]
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "#": return nil
            case ":" where depth == 0:
                let body = stripped[stripped.index(after: index)...].drop { $0 == " " || $0 == "\t" }
                guard !body.isEmpty, !body.hasPrefix("#") else { return nil }
                return String(stripped[..<index].trimmingSuffix())
            default: break
            }
        }
        return nil
    }

    /// The width of a line's leading whitespace (a tab counts as 8, as Python's tokenizer does).
    static func indentation(_ line: Substring) -> Int {
        var width = 0
        for c in line {
            if c == " " {
                width += 1
            } else if c == "\t" {
                width = (width / 8 + 1) * 8
            } else {
                break
            }
        }
        return width
    }
}

extension Substring {
    /// The text without trailing spaces and tabs.
    fileprivate func trimmingSuffix() -> Substring {
        var s = self
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
