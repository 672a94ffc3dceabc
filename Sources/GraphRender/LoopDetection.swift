import GraphModel

/// A loop found in the recorded ops: a block of ops that ran two or more times in a row with
/// the same ops on the same lines (identical iterations), and the `for`/`while` statement that
/// ran it when the graph has the script's loop statements.
struct DetectedLoop: Equatable {
    /// Positions, in the sequence the loop was found in, of its first op and one past its last.
    let span: Range<Int>
    /// Ops per iteration.
    let period: Int
    /// Identical iterations (at least 2).
    var iterations: Int { span.count / period }
    /// The script lines one iteration's ops ran at.
    let lines: ClosedRange<Int>
    /// The loop statement's text (`for step in range(20)`), when the graph has the script's
    /// loop statements.
    var header: String? = nil

    /// The loop box's title: `for step in range(20) ×20`, or `loop ×20 (lines 12–19)` from a graph without loop statements.
    var title: String {
        header.map { "\($0) ×\(iterations)" } ?? "loop ×\(iterations) (\(Style.lineText(lines)))"
    }
}

/// Finds loops in a sequence of op symbols (one per op, equal when two ops are the same op on
/// the same line) by looking for blocks that repeat back to back.
enum LoopDetection {
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

    /// The loop statement that ran one iteration, whose ops ran at `stacks` (each op's call
    /// lines then its own line, outermost first): the innermost of `statements` holding every
    /// op's outermost line, or, when those are all one statement's line calling into a function
    /// (`loss = train_step(model, x)`), the loop inside that function that holds them if there
    /// is one. Nil when no loop holds them (a function called twice, `y * y` outside any loop).
    static func statement(running stacks: [[Int]], in statements: [LoopStatement]) -> LoopStatement? {
        guard let first = stacks.first?.first else { return nil }
        let outer = Set(stacks.map { $0[0] })
        if outer.count == 1, stacks.allSatisfy({ $0.count > 1 }),
            let inner = statement(running: stacks.map { Array($0.dropFirst()) }, in: statements)
        {
            return inner
        }
        return statements.filter { $0.holds(first) && outer.allSatisfy($0.holds) }.max { $0.line < $1.line }
    }
}
