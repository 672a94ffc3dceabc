/// A compact, readable listing of the graph.
extension Graph {
    /// Tensors with flags (`[leaf] [param] [no_grad] [detached]`), ops, nodes with edges and
    /// saved buffers (`[retained 16 B]`, `[freed 16 B by b0]`; one a saved-tensor hook packed
    /// `[packed by hook, freed by b0]`, without bytes), regions, module calls, detaches and
    /// backward passes.
    /// ANSI colours only when `color` is true. Linear in the graph's size.
    public func textDump(color: Bool = false) -> String {
        var out = TextOut(color: color)
        writeTextDump(&out)
        return out.text
    }

    /// The same text as `textDump(color:)`, handed to `write` in pieces of about `chunk` bytes
    /// as it is made: a long run's listing is never held whole.
    public func writeTextDump(
        color: Bool = false, chunk: Int = 1 << 20, to write: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var out = TextOut(color: color, chunk: chunk, drain: write)
        writeTextDump(&out)
        out.finish()
    }

    private func writeTextDump(_ out: inout TextOut) {
        var cut = [Bool](repeating: false, count: tensors.count)
        for s in detachedSubgraphs() { for t in s.tensors { cut[t] = true } }

        out.line(
            "graph \(Graph.schema): \(tensors.count) tensors, \(ops.count) ops, \(nodes.count) nodes, "
                + "\(regions.count) regions, \(backwardPasses.count) backward passes")
        out.line("tensors:")
        for t in tensors {
            var flags: [(String, TextOut.Style)] = []
            if t.isLeaf { flags.append(("[leaf]", .plain)) }
            switch leafRole(of: t.id) {
            case .parameter?: flags.append(("[param]", .param))
            case .constant?: flags.append(("[const]", .plain))
            case .gradient?: flags.append(("[grad]", .plain))
            default: break
            }
            if let r = t.region, !regions[r].kind.gradEnabled { flags.append(("[\(regions[r].kind.rawValue)]", .faded)) }
            if cut[t.id] { flags.append(("[detached]", .faded)) }
            if t.version > 0 { flags.append(("[v\(t.version)]", .plain)) }
            var s = "  t\(t.id) \(t.label ?? "-") \(Self.shapeText(t.shape)) \(t.dtype.name) "
            switch t.source {
            case .factory: s += "= \(t.factory)()"
            case .op: s += t.producer.map { "= op\($0) \(ops[$0].name)" } ?? "= op"
            case .detach, .data:
                s += t.detach.map { "= \(t.source == .data ? ".data" : "detach()") of t\(detaches[$0].source)" } ?? ""
            case .backward: s += "= backward" + (t.pass.map { " b\($0)" } ?? "")
            case .untracked: s += "= untracked"
            }
            s += " line \(t.line)"
            if let g = t.gradFn { s += " grad_fn n\(g) \(nodes[g].name)" }
            if let a = t.accumulateGrad { s += " acc n\(a)" }
            out.line(s, flags: flags)
        }
        out.line("ops:")
        for o in ops {
            var s = "  op\(o.id) line \(o.line)" + (o.innerLine.map { " (forward line \($0))" } ?? "")
            s += " \(o.name)(\(o.inputs.map { tensorRef($0) }.joined(separator: ", ")))"
            s += " -> " + o.outputs.map { tensorRef($0) }.joined(separator: ", ")
            if let g = o.gradFn { s += " grad_fn n\(g) \(nodes[g].name)" }
            let attributes = attributes(ofOp: o.id)
            if !attributes.isEmpty { s += " {" + attributes.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}" }
            var flags: [(String, TextOut.Style)] = []
            if !o.gradEnabled { flags.append(("[no_grad]", .faded)) }
            if o.isInPlace { flags.append(("[in-place]", .plain)) }
            if let p = o.pass { flags.append(("[backward b\(p)]", .plain)) }
            out.line(s, flags: flags)
        }
        out.line("nodes:")
        for n in nodes {
            let next = n.next.map { e in e.map { "n\($0.node)" + ($0.inputNr > 0 ? ":\($0.inputNr)" : "") } ?? "-" }
            var s = "  n\(n.id) \(n.name) line \(n.line) -> (\(next.joined(separator: ", ")))"
            if let v = n.variable { s += " leaf \(tensorRef(v))" }
            var flags: [(String, TextOut.Style)] = []
            for b in n.saved {
                s += " \(b.name)=\(Self.shapeText(b.shape)) v\(b.savedVersion) "
                // A hook-packed buffer's bytes are not the node's: it holds what the pack hook returned.
                let (hook, size) = b.isPacked ? ("packed by hook, ", "") : ("", " \(b.bytes) B")
                switch b.state {
                case .retained: s += out.paint("[\(hook)retained\(size)]", .plain)
                case .freed(let p): s += out.paint("[\(hook)freed\(size) by b\(p)]", .faded)
                case .invalidated(let l): s += out.paint("[\(hook)invalidated\(size) at line \(l)]", .error)
                }
            }
            if let p = n.pass { flags.append(("[backward b\(p)]", .plain)) }
            out.line(s, flags: flags)
        }
        if !regions.isEmpty { out.line("regions:") }
        for r in regions {
            let end = r.endLine.map(String.init) ?? "?"
            out.line(
                "  r\(r.id) \(r.kind.rawValue) lines \(r.startLine)-\(end)" + (r.parent.map { " in r\($0)" } ?? ""),
                flags: [], style: r.kind.gradEnabled ? .plain : .faded)
        }
        if !modules.isEmpty { out.line("modules:") }
        for m in modules {
            var s = "  m\(m.id) line \(m.line) \(m.path): \(m.className)" + (m.summary.isEmpty ? "" : "(\(m.summary))")
            if let p = m.parent { s += " in m\(p)" }
            if !m.ops.isEmpty { s += " ops " + m.ops.map { "op\($0)" }.joined(separator: " ") }
            if !m.parameters.isEmpty { s += " params " + m.parameters.map { "\($0.name)=t\($0.tensor)" }.joined(separator: " ") }
            out.line(s)
        }
        if !detaches.isEmpty { out.line("detaches:") }
        for d in detaches {
            out.line(
                "  d\(d.id) line \(d.line) \(d.kind == .data ? ".data" : d.kind.rawValue) \(tensorRef(d.source)) -> \(tensorRef(d.result))",
                flags: d.sourceRequiredGrad ? [("[cut]", .faded)] : [])
        }
        if !backwardPasses.isEmpty { out.line("backward passes:") }
        for p in backwardPasses { dumpPass(p, &out) }
        if let e = error { out.line("error: line \(e.line) \(e.type): \(e.message)", flags: [], style: .error) }
    }

    private func dumpPass(_ p: BackwardRecord, _ out: inout TextOut) {
        out.line(
            "  b\(p.id) \(p.kind.rawValue) line \(p.line) roots \(p.roots.map { "n\($0)" }.joined(separator: " "))"
                + " retain_graph=\(p.retainGraph ? "True" : "False") create_graph=\(p.createGraph ? "True" : "False")",
            flags: [], style: .root)
        out.line("    executed: " + p.executed.map { "n\($0)" }.joined(separator: " "))
        for e in p.edgeGradients {
            let g = e.grad.map(Self.summaryText) ?? "None"
            out.line(
                "    n\(e.from).\(e.index) -> n\(e.to): \(g)", flags: [],
                style: e.grad?.hasNonFinite == true ? .error : .plain)
        }
        for a in p.accumulated { out.line("    accumulated \(tensorRef(a.tensor)): \(Self.summaryText(a.grad))") }
        if !p.freed.isEmpty { out.line("    freed: " + p.freed.map { "n\($0)" }.joined(separator: " ")) }
        for h in p.hooks {
            out.line("    hook on n\(h.node) output \(h.outputNr)" + (h.replaced ? " replaced the gradient" : ""))
        }
        if let a = p.anomaly {
            out.line("    anomaly: n\(a.node) \(nodes[a.node].name) returned nan in output \(a.output)", flags: [], style: .error)
        }
        if let e = p.error { out.line("    error: \(e.type): \(e.message)", flags: [], style: .error) }
    }

    private func tensorRef(_ t: Int) -> String {
        guard let l = tensors[t].label else { return "t\(t)" }
        return "t\(t) \(l)"
    }

    static func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    static func summaryText(_ s: GradSummary) -> String {
        var text = shapeText(s.shape)
        if let v = s.values {
            text += " " + "[" + v.map { Self.number($0) }.joined(separator: ", ") + "]"
        } else {
            text += " norm \(number(s.norm))"
            if let lo = s.min, let hi = s.max { text += " min \(number(lo)) max \(number(hi))" }
        }
        if s.nanCount > 0 { text += " nan \(s.nanCount)" }
        if s.infCount > 0 { text += " inf \(s.infCount)" }
        return text
    }

    private static func number(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}

/// Lines of text with optional ANSI styling (the text dump's and `gradscope why`'s).
package struct TextOut {
    /// How a line or flag is painted when colour is on.
    package enum Style: String {
        case plain = ""
        case param = "\u{1B}[34m"
        case faded = "\u{1B}[2m"
        case error = "\u{1B}[31m"
        case root = "\u{1B}[32m"
    }

    package let color: Bool
    /// The lines written so far (since the last piece handed to `drain`), each ending in a newline.
    package private(set) var text = ""
    /// Where a draining text's pieces go, and the size from which a piece is handed over.
    private let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private let chunk: Int

    /// An empty text, painted with ANSI colours when `color` is set.
    package init(color: Bool) {
        self.color = color
        drain = nil
        chunk = .max
    }

    /// A text that hands its lines to `drain` in pieces of about `chunk` bytes as they are
    /// written; `finish()` hands over the last piece.
    init(color: Bool, chunk: Int, drain: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.color = color
        self.drain = drain
        self.chunk = chunk
    }

    /// Appends `s` in `style`, then each flag (space-separated) in its own style.
    package mutating func line(_ s: String, flags: [(String, Style)] = [], style: Style = .plain) {
        text += paint(s, style)
        for (flag, st) in flags { text += " " + paint(flag, st) }
        text += "\n"
        if text.utf8.count >= chunk { finish() }
    }

    /// Hands a draining text's lines written since the last piece to its drain.
    mutating func finish() {
        guard let drain, !text.isEmpty else { return }
        text.withUTF8 { drain($0) }
        text.removeAll(keepingCapacity: true)
    }

    func paint(_ s: String, _ style: Style) -> String {
        guard color, style != .plain else { return s }
        return style.rawValue + s + "\u{1B}[0m"
    }
}
