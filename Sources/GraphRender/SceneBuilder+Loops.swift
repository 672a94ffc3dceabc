import GraphModel

/// Loops as loops: the drawn ops are searched for blocks of identical iterations, and each op
/// of such a block is keyed by its loop and its position within one iteration, so that folding
/// draws every iteration as one and frames it in a box titled with the loop statement.
extension SceneBuilder {
    /// Finds the loops among the drawn ops and fills `loops` and `loopOfOp`. With the script's
    /// loop statements (a script run, or a dump of one), a repeated block counts as a loop only
    /// when a `for`/`while` statement ran it (not a function called twice, not `y * y` on one
    /// line), whose text titles it; without (an older dump), only a block of ops on two lines or
    /// more, one of them recorded by autograd (not a module's initialisation, not stacked layers
    /// called on one line). Ops are the same when they are the same op on the same line, called
    /// from the same lines, in the same module call path.
    mutating func findLoops() {
        let drawn = graph.ops[0..<selection.opLimit].indices.filter { opShown[$0] }
        var symbolOfOp: [OpSymbol: Int] = [:]
        let ops = graph.ops
        let symbols = drawn.map { id in
            let key = OpSymbol(
                callLines: ops.callLines(of: id), line: ops.line(of: id), name: ops.name(of: id),
                module: moduleOfOp[id].map { graph.modules[$0].path } ?? "")
            if let s = symbolOfOp[key] { return s }
            symbolOfOp[key] = symbolOfOp.count
            return symbolOfOp.count - 1
        }
        let statements = graph.loopStatements
        let found = LoopDetection.loops(in: symbols, lines: drawn.map { ops.line(of: $0) }) { candidate in
            var loop = candidate
            let iteration = drawn[loop.span.prefix(loop.period)].map { graph.ops[$0] }
            guard let statements else {
                return Set(iteration.map(\.line)).count >= 2 && iteration.contains { $0.gradFn != nil } ? loop : nil
            }
            loop.header = LoopDetection.statement(running: iteration.map { $0.callLines + [$0.line] }, in: statements)?.header
            return loop.header == nil ? nil : loop
        }
        for loop in found {
            for p in loop.span { loopOfOp[drawn[p]] = (loops.count, (p - loop.span.lowerBound) % loop.period) }
            loops.append(loop)
        }
    }
}

/// What makes two ops the same op for loop detection: the op, its line, the lines that called
/// it, and its module call path.
private struct OpSymbol: Hashable {
    let callLines: [Int]
    let line: Int
    let name: String
    let module: String
}
