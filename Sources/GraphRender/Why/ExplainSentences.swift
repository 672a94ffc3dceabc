import GraphModel

/// The plain-English sentences `gradscope why` prints, shared by its text and JSON forms and the debugger.
package struct ExplainSentences {
    package let graph: Graph
    /// The script's lines, for quoting the code at a line.
    package let source: [String]
    /// Op id → the innermost module call it ran in.
    let moduleOfOp: [Int?]

    /// Sentences about `graph`, quoting lines of the script `source`.
    package init(graph: Graph, source: String) {
        self.init(graph: graph, lines: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    init(graph: Graph, lines: [String]) {
        self.graph = graph
        self.source = lines
        moduleOfOp = graph.moduleOfOp()
    }

    /// `` `code` `` of script line `line`, trimmed, or nil when unknown.
    package func code(_ line: Int) -> String? {
        guard line >= 1 && line <= source.count else { return nil }
        let s = Self.withoutComment(source[line - 1]).drop { $0 == " " || $0 == "\t" }
            .reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return s.isEmpty ? nil : "`\(String(s.reversed()))`"
    }

    /// The line up to a `#` comment (a `#` inside a string literal does not count).
    static func withoutComment(_ line: String) -> Substring {
        var quote: Character? = nil
        var escaped = false
        for i in line.indices {
            let c = line[i]
            if escaped {
                escaped = false
                continue
            }
            if let q = quote {
                if c == "\\" { escaped = true } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#" {
                return line[..<i]
            }
        }
        return line[...]
    }

    /// `line N (`code`)`.
    package func at(_ line: Int) -> String { code(line).map { "line \(line) (\($0))" } ?? "line \(line)" }

    /// A tensor's name: a module parameter's full path (`model.fc1.weight`), else its label.
    package func name(_ t: Int) -> String { graph.tensors[t].parameterPath ?? graph.tensors[t].label ?? "t\(t)" }

    /// ` in model.fc1` for a node whose op ran in a module call, else empty.
    func module(ofNode n: Int) -> String {
        guard let o = graph.nodes[n].op, let m = moduleOfOp[o] else { return "" }
        return " in \(graph.modules[m].path)"
    }

    /// A root tensor by name, or as `the result of sum at line 18` when it has none.
    func output(_ t: Int) -> String {
        let r = graph.tensors[t]
        if let l = r.label { return l }
        return r.producer.map { "the result of \(graph.ops[$0].name) at line \(graph.ops[$0].line)" } ?? "t\(t)"
    }

    /// `MulBackward0 (line 12: `out1 = xvar * y1`)`, or `AccumulateGrad of xvar`.
    package func node(_ n: Int) -> String {
        let record = graph.nodes[n]
        if let v = record.variable { return "AccumulateGrad of \(name(v))" }
        return record.name + (code(record.line).map { " (line \(record.line): \($0))" } ?? " (line \(record.line))")
    }

    /// What the tensor is: `leaf tensor that requires grad, made at line 8`.
    func describe(_ t: Int) -> String {
        let r = graph.tensors[t]
        if r.isLeaf {
            let leaf = "leaf tensor that \(r.requiresGrad ? "requires" : "does not require") grad, made at line \(r.line)"
            guard let call = graph.moduleCall(registering: t) else { return leaf }
            return "parameter of \(call.path) (\(call.className)" + (call.summary.isEmpty ? "" : "(\(call.summary))") + "), "
                + leaf
        }
        let op = r.producer.map { "result of \(graph.ops[$0].name)" } ?? "computed tensor"
        return op + " at line \(r.line)" + (r.gradFn.map { ", grad_fn \(graph.nodes[$0].name)" } ?? "")
    }

    func reason(_ outcome: PassOutcome, tensor t: Int) -> String {
        guard let reason = outcome.reason else { return "" }
        let pass = graph.backwardPasses[outcome.pass]
        switch reason {
        case .cut: return outcome.cuts.map { cut($0, tensor: t) }.joined(separator: "; ")
        case .requiresGradFalse(let line):
            if graph.tensors[t].isLeaf { return "it does not require grad (requires_grad was False since line \(line))" }
            return "it does not require grad: none of the inputs of \(at(line)) did"
        case .notUsed:
            let roots = pass.rootTensors.map(output).joined(separator: ", ")
            return "\(roots.isEmpty ? "the differentiated output" : roots) does not depend on it"
        case .graphFreed(let q, let line):
            return "the graph was already freed by the backward at \(at(line)) (b\(q)); "
                + "pass retain_graph=True there to backward through it again"
        case .notAnInput: return "autograd.grad at line \(pass.line) computes gradients only for its inputs"
        case .passFailed(let e): return "the error at line \(e.line) stopped backward (\(e.type): \(e.message))"
        case .noGradientFlowed: return "it is in the graph, but no gradient flowed to it"
        }
    }

    /// One cut route: `its use at line 19 (...) reaches the loss only through out1, detached at line 21 (...)`.
    func cut(_ u: CutUse, tensor t: Int) -> String {
        let use = u.use.map { o in
            "its use" + (moduleOfOp[o].map { " in \(graph.modules[$0].path)" } ?? "") + " at \(at(graph.ops[o].line))"
        }
        switch u.kind {
        case .detach(let d):
            let event = graph.detaches[d]
            let how: String
            switch event.kind {
            case .detach: how = "detached"
            case .detachInPlace: how = "detached in place"
            case .data: how = "cut by .data"
            }
            guard let use else { return "it was \(how) at \(at(event.line))" }
            return "\(use) reaches the loss only through \(name(event.source)), \(how) at \(at(event.line))"
        case .noGrad(let o):
            let op = graph.ops[o]
            var mode = "grad mode off"
            if let r = op.region {
                let region = graph.regions[r]
                mode = "\(region.kind.rawValue) opened at \(at(region.startLine))"
            }
            if u.use == o, let use { return "\(use) ran under \(mode)" }
            return (use ?? "it") + " feeds \(op.name) at line \(op.line), produced under \(mode)"
        case .nonDifferentiable(let o):
            let op = graph.ops[o]
            return (use ?? "it") + " reaches the loss only through \(op.name) at \(at(op.line)), which has no gradient"
        }
    }

    func finding(_ f: Finding, tensor t: Int) -> String {
        switch f {
        case .zeroGradient(let n):
            guard let n else { return "the gradient is all zeros" }
            var s = "the gradient is all zeros: \(node(n)) received a non-zero gradient and passed on zeros"
            let kind = graph.nodes[n].name
            if kind.hasPrefix("Relu") || kind.hasPrefix("Threshold") {
                s += " (a dead ReLU: every input it saw was <= 0)"
            } else if ["Max", "Min", "Amax", "Amin", "Maximum", "Minimum"].contains(where: { kind.hasPrefix($0) }) {
                s += " (it selected another element)"
            }
            return s
        case .vanishing(let norm, let threshold):
            return "vanishing gradient: norm \(number(norm)) is below \(number(threshold))"
        case .exploding(let norm, let threshold):
            return "exploding gradient: norm \(number(norm)) is above \(number(threshold))"
        case .nonFinite(let nan, let inf, let firstNaN, let firstInf):
            var parts: [String] = []
            if nan > 0 { parts.append("\(nan) NaN") }
            if inf > 0 { parts.append("\(inf) infinite") }
            var s = "the gradient has " + parts.joined(separator: " and ") + " value" + (nan + inf == 1 ? "" : "s")
            if let n = firstInf { s += "; inf first appeared in the gradient \(node(n)) sent" }
            if let n = firstNaN { s += "; NaN first appeared in the gradient \(node(n)) sent" }
            return s
        case .hookReplaced(let n, _):
            let owner = graph.nodes[n].variable ?? graph.tensors.firstIndex { $0.gradFn == n }
            return "a hook on \(owner.map(name) ?? node(n)) replaced the gradient"
        case .savedModified(let n, let buffer, let inv, let savedVersion):
            let what = inv.op.isEmpty ? "an in-place op" : inv.op
            return "\(node(n)) saved `\(buffer)` at version \(savedVersion), but \(what) at \(at(inv.line)) "
                + "modified it in place before this backward (now version \(inv.version))"
        case .anomaly(let n, let output):
            return "anomaly detection stopped this backward: \(node(n)) returned NaN in its \(output)th output"
        case .accumulated(let passes):
            let lines = Array(Set(passes.map { graph.backwardPasses[$0].line })).sorted().map(String.init)
            let count = passes.count
            return "\(name(t)).grad was not zeroed between backward passes: the backward at line"
                + "\(lines.count == 1 ? "" : "s") \(lines.joined(separator: ", ")) added onto the previous "
                + "gradient \(count) time\(count == 1 ? "" : "s") (\(passRange(passes))). Zero it "
                + "(`\(name(t)).grad.zero_()` or `optimizer.zero_grad()`) before each backward, unless accumulating is intended"
        }
    }

    /// A gradient's values (`[4.5, 4.5, 4.5, 4.5] (2x2)`, `[50]`, `1 (scalar)`) or, for large ones, its norm and range.
    /// `brief` keeps values only for up to four elements.
    package func grad(_ g: GradSummary, brief: Bool = false) -> String {
        let shape = g.shape.isEmpty ? "scalar" : g.shape.map(String.init).joined(separator: "x")
        var s: String
        if let v = g.values, !brief || v.count <= 4 {
            s = g.shape.isEmpty ? v.map(number).joined() : "[" + v.map(number).joined(separator: ", ") + "]"
            if g.shape.count != 1 { s += " (\(shape))" }
        } else {
            s = "norm \(number(g.norm))"
            if let lo = g.min, let hi = g.max { s += ", min \(number(lo)), max \(number(hi))" }
            s += " (\(shape))"
            if g.nanCount > 0 { s += ", \(g.nanCount) NaN" }
            if g.infCount > 0 { s += ", \(g.infCount) inf" }
        }
        return s
    }

    /// `b3` or `b1–b19` (consecutive) or `b1, b4`.
    func passRange(_ passes: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < passes.count {
            var j = i
            while j + 1 < passes.count && passes[j + 1] == passes[j] + 1 { j += 1 }
            if j - i >= 2 {
                parts.append("b\(passes[i])–b\(passes[j])")
            } else {
                parts += passes[i...j].map { "b\($0)" }
            }
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }

    func number(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d != 0 && (abs(d) < 1e-3 || abs(d) >= 1e6) {
            let exponent = Int((abs(d)).log10Floor)
            let mantissa = d / pow10(exponent)
            return "\(trimmed(mantissa))e\(exponent)"
        }
        return trimmed(d)
    }

    private func trimmed(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        let scaled = (d * 1e4).rounded() / 1e4
        return String(scaled)
    }

    private func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}

private extension Double {
    /// floor(log10(self)) for positive finite values, without Foundation.
    var log10Floor: Int {
        var e = 0
        var v = self
        while v >= 10 {
            v /= 10
            e += 1
        }
        while v < 1 && v > 0 {
            v *= 10
            e -= 1
        }
        return e
    }
}
