/// The conformance corpus's canonical form of a backward pass's graph (`NAME.graphs.txt`).
extension Graph {
    /// The graph reachable from the pass's roots as one line, e.g.
    /// `CALL backward | 0=PowBackward0(1) 1=SubBackward0(2,4) ...`: nodes numbered depth-first
    /// from the roots in root order following next edges in input order, `-` for a None edge and
    /// a node's number when it is reached again. Nil when no root has a grad_fn (PyTorch's tool
    /// prints no line for such calls). Iterative, linear in the graph's size.
    public func canonicalLine(for pass: BackwardRecord) -> String? {
        guard !pass.roots.isEmpty else { return nil }
        struct Frame {
            let node: Int
            let number: Int
            var child = 0
            var kids: [String] = []
        }
        var number: [Int: Int] = [:]
        var entries: [String] = []
        var stack: [Frame] = []
        for root in pass.roots where number[root] == nil {
            number[root] = entries.count
            stack.append(Frame(node: root, number: entries.count))
            entries.append("")
            while let top = stack.last {
                let next = nodes[top.node].next
                guard top.child < next.count else {
                    entries[top.number] = "\(top.number)=\(nodes[top.node].name)(\(top.kids.joined(separator: ",")))"
                    stack.removeLast()
                    continue
                }
                let last = stack.count - 1
                stack[last].child += 1
                guard let edge = next[top.child] else {
                    stack[last].kids.append("-")
                    continue
                }
                if let k = number[edge.node] {
                    stack[last].kids.append(String(k))
                    continue
                }
                let k = entries.count
                number[edge.node] = k
                entries.append("")
                stack[last].kids.append(String(k))
                stack.append(Frame(node: edge.node, number: k))
            }
        }
        return "CALL \(pass.kind.rawValue) | " + entries.joined(separator: " ")
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
