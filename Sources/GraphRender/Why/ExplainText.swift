import GraphModel

/// `gradscope why` for people: per tensor, per backward pass, whether a gradient arrived, the
/// paths it took drawn as a tree, and why not when it did not.
extension Graph {
    /// The explanations as plain sentences with line numbers. `source` is the script's text
    /// (for quoting lines); `names` gives the display name per tensor id (default: its label).
    /// Consecutive passes of the same call with the same outcome are folded into one entry.
    public func whyText(
        _ explanations: [TensorExplanation], source: String, names: [Int: String] = [:],
        color: Bool = false
    ) -> String {
        let say = ExplainSentences(graph: self, source: source)
        var out = TextOut(color: color)
        for (k, e) in explanations.enumerated() {
            if k > 0 { out.line("") }
            let name = names[e.tensor] ?? say.name(e.tensor)
            out.line("\(name): \(say.describe(e.tensor))", flags: [], style: tensors[e.tensor].requiresGrad ? .param : .plain)
            if e.passes.isEmpty { out.line("  no backward pass ran after it was made") }
            for group in foldedPasses(e.passes) { writeGroup(group, tensor: e.tensor, say, &out) }
            for f in e.findings { out.line("  warning: " + say.finding(f, tensor: e.tensor), flags: [], style: .error) }
        }
        return out.text
    }

    /// Runs of passes from the same line with the same kind of outcome.
    private func foldedPasses(_ passes: [PassOutcome]) -> [[PassOutcome]] {
        var groups: [[PassOutcome]] = []
        for p in passes {
            if let last = groups.last?.last, sameOutcome(last, p) {
                groups[groups.count - 1].append(p)
            } else {
                groups.append([p])
            }
        }
        return groups
    }

    private func sameOutcome(_ a: PassOutcome, _ b: PassOutcome) -> Bool {
        if a.reason == .notUsed && b.reason == .notUsed { return true }
        return backwardPasses[a.pass].line == backwardPasses[b.pass].line && a.arrived == b.arrived
            && a.reason?.keyword == b.reason?.keyword && a.cuts.lazy.map(\.line).elementsEqual(b.cuts.lazy.map(\.line))
            && samePathLines(a.paths, b.paths)
    }

    /// Whether two outcomes' paths pass through nodes of the same lines, step by step (each
    /// line read alone: building the node records was most of the time of folding passes).
    private func samePathLines(_ a: [[PathStep]], _ b: [[PathStep]]) -> Bool {
        guard a.count == b.count else { return false }
        for (p, q) in zip(a, b) {
            guard p.count == q.count else { return false }
            for (x, y) in zip(p, q) where line(ofNode: x.node) != line(ofNode: y.node) { return false }
        }
        return true
    }

    private func writeGroup(_ group: [PassOutcome], tensor t: Int, _ say: ExplainSentences, _ out: inout TextOut) {
        guard let first = group.first, let last = group.last else { return }
        let pass = backwardPasses[first.pass]
        let call = pass.kind == .grad ? "autograd.grad" : "backward"
        let lines = Array(Set(group.map { backwardPasses[$0.pass].line })).sorted().map(String.init)
        var head = "  \(call) at line\(lines.count == 1 ? "" : "s") \(lines.joined(separator: ", ")) "
        head += group.count == 1 ? "(b\(first.pass))" : "(\(group.count) calls, \(say.passRange(group.map(\.pass))))"
        if first.arrived {
            var what = "gradient arrived" + (group.count > 1 ? " each time" : "")
            if pass.rootTensors.contains(t) {
                what += ": it is the output backward started from"
            } else if group.count > 1, let a = first.gradient, let b = last.gradient {
                what += ": first \(say.grad(a)), last \(say.grad(b))"
            } else if let g = last.gradient {
                what += ": " + say.grad(g)
            }
            out.line(head + ": " + what, flags: [], style: .root)
        } else {
            let why = group.count > 1 && last.reason == .notUsed ? "none of them depends on it" : say.reason(last, tensor: t)
            out.line(head + ": no gradient: " + why, flags: [], style: .faded)
        }
        if !last.paths.isEmpty {
            out.line("    path\(last.paths.count == 1 ? "" : "s") (from the output down to \(say.name(t))):")
            writeTree(last.paths, say, &out)
        }
        if last.arrived {
            for c in last.cuts { out.line("    not through: " + say.cut(c, tensor: t), flags: [], style: .faded) }
        }
        // Each kind of finding once, from its latest pass, with the passes it occurred in.
        var kinds: [String] = []
        var latest: [String: Finding] = [:]
        var passesOf: [String: [Int]] = [:]
        for o in group {
            for f in o.findings {
                if latest[f.keyword] == nil { kinds.append(f.keyword) }
                latest[f.keyword] = f
                if passesOf[f.keyword]?.last != o.pass { passesOf[f.keyword, default: []].append(o.pass) }
            }
        }
        for k in kinds {
            guard let f = latest[k] else { continue }
            let at = group.count > 1 ? " (\(say.passRange(passesOf[k] ?? [])))" : ""
            out.line("    warning\(at): " + say.finding(f, tensor: t), flags: [], style: .error)
        }
    }

    /// Draws root-first paths as one tree, sharing common prefixes.
    private func writeTree(_ paths: [[PathStep]], _ say: ExplainSentences, _ out: inout TextOut) {
        final class Branch {
            let step: PathStep
            var children: [Branch] = []
            init(_ step: PathStep) { self.step = step }
        }
        var roots: [Branch] = []
        for path in paths {
            var level = roots
            var parent: Branch? = nil
            for step in path {
                let b =
                    level.first { $0.step.node == step.node }
                    ?? {
                        let fresh = Branch(step)
                        if let p = parent { p.children.append(fresh) } else { roots.append(fresh) }
                        return fresh
                    }()
                parent = b
                level = b.children
            }
        }
        var stack: [(branch: Branch, prefix: String, isLast: Bool, depth: Int, parentLine: Int?)] =
            roots.reversed().map { ($0, "      ", true, 0, nil) }
        while let (b, prefix, isLast, depth, parentLine) = stack.popLast() {
            let record = nodes[b.step.node]
            var s = prefix + (depth == 0 ? "" : (isLast ? "└─ " : "├─ "))
            if let v = record.variable {
                s += "\(say.name(v)) (AccumulateGrad)"
            } else {
                s += record.name + " line \(record.line)" + say.module(ofNode: b.step.node)
                if record.line != parentLine, let c = say.code(record.line) { s += " \(c)" }
            }
            if let g = b.step.grad { s += "  ← " + say.grad(g, brief: true) }
            out.line(s, flags: [], style: b.step.grad?.hasNonFinite == true ? .error : .plain)
            let childPrefix = depth == 0 ? prefix : prefix + (isLast ? "   " : "│  ")
            for (i, c) in b.children.enumerated().reversed() {
                stack.append((c, childPrefix, i == b.children.count - 1, depth + 1, record.line))
            }
        }
    }
}
