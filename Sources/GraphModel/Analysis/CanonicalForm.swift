/// The conformance corpus's canonical form of a backward pass's graph (`NAME.graphs.txt`).
extension Graph {
    /// The graph reachable from the pass's roots as one line, e.g.
    /// `CALL backward | 0=PowBackward0(1) 1=SubBackward0(2,4) ...`: nodes numbered depth-first
    /// from the roots in root order following next edges in input order, `-` for a None edge and
    /// a node's number when it is reached again. Nil when no root has a grad_fn (PyTorch's tool
    /// prints no line for such calls). Iterative, linear in the graph's size.
    public func canonicalLine(for pass: BackwardRecord) -> String? {
        guard !pass.roots.isEmpty else { return nil }
        // Numbered entries as (node, children's numbers, -1 for a None edge), written out at the
        // end without a string per entry.
        var number: [Int: Int] = [:]
        var entries: [(node: Int, kids: [Int])] = []
        var stack: [(entry: Int, child: Int)] = []
        for root in pass.roots where number[root] == nil {
            number[root] = entries.count
            stack.append((entries.count, 0))
            entries.append((root, []))
            while let top = stack.last {
                let next = nodes[entries[top.entry].node].next
                guard top.child < next.count else {
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].child += 1
                guard let edge = next[top.child] else {
                    entries[top.entry].kids.append(-1)
                    continue
                }
                if let k = number[edge.node] {
                    entries[top.entry].kids.append(k)
                    continue
                }
                let k = entries.count
                number[edge.node] = k
                entries.append((edge.node, []))
                entries[top.entry].kids.append(k)
                stack.append((k, 0))
            }
        }
        let w = ByteSink(capacity: 16 * entries.count + 32)
        w.append("CALL ")
        w.appendText(pass.kind.rawValue)
        w.append(" |")
        for (k, entry) in entries.enumerated() {
            w.append(" ")
            w.appendText(String(k))
            w.append("=")
            w.appendText(nodes[entry.node].name)
            w.append("(")
            for (i, kid) in entry.kids.enumerated() {
                if i > 0 { w.append(",") }
                if kid < 0 { w.append("-") } else { w.appendText(String(kid)) }
            }
            w.append(")")
        }
        return w.text
    }

    /// `canonicalLine(for:)` of every backward pass that has one, in call order.
    public func canonicalLines() -> [String] { backwardPasses.compactMap(canonicalLine(for:)) }

    /// Nodes reachable from `starts` along next edges (iterative).
    func reachableNodes(from starts: [Int]) -> Set<Int> {
        var seen = Set<Int>()
        var stack = starts
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            for case let e? in nodes[n].next where !seen.contains(e.node) { stack.append(e.node) }
        }
        return seen
    }
}
