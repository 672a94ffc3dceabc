import GraphModel

/// `gradscope why --format json`: the explanations for tools, schema `gradscope.why/1`.
extension Graph {
    /// The JSON schema identifier written by `whyJSON`.
    public static let whySchema = "gradscope.why/1"

    /// Deterministic JSON of `explanations`. Every reason, cut and finding carries both its
    /// fields and the sentence `whyText` prints for it (`text`); ids refer to `json()`'s arrays.
    public func whyJSON(_ explanations: [TensorExplanation], source: String, names: [Int: String] = [:]) -> String {
        let say = ExplainSentences(graph: self, source: source)
        var w = JSONWriter()
        w.beginObject()
        w.field("schema", Graph.whySchema)
        w.key("tensors")
        w.beginArray()
        for e in explanations {
            let t = tensors[e.tensor]
            w.beginObject()
            w.field("tensor", e.tensor)
            w.field("name", names[e.tensor] ?? say.name(e.tensor))
            w.field("line", t.line)
            w.field("is_leaf", t.isLeaf)
            w.field("requires_grad", t.requiresGrad)
            w.key("passes")
            w.beginArray()
            for p in e.passes { writeOutcome(p, tensor: e.tensor, say, &w) }
            w.endArray()
            w.key("findings")
            w.beginArray()
            for f in e.findings { writeFinding(f, tensor: e.tensor, say, &w) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("error")
        Self.writeError(error, &w)
        w.endObject()
        return w.text
    }

    private func writeOutcome(_ p: PassOutcome, tensor t: Int, _ say: ExplainSentences, _ w: inout JSONWriter) {
        let pass = backwardPasses[p.pass]
        w.beginObject()
        w.field("pass", p.pass)
        w.field("kind", pass.kind.rawValue)
        w.field("line", pass.line)
        w.field("arrived", p.arrived)
        w.key("gradient")
        Self.writeSummary(p.gradient, &w)
        w.key("paths")
        w.beginArray()
        for path in p.paths {
            w.beginArray()
            for step in path {
                w.beginObject()
                w.field("node", step.node)
                w.field("name", nodes[step.node].name)
                w.field("line", nodes[step.node].line)
                w.key("grad")
                Self.writeSummary(step.grad, &w)
                w.endObject()
            }
            w.endArray()
        }
        w.endArray()
        w.key("reason")
        if let r = p.reason {
            w.beginObject()
            w.field("kind", r.keyword)
            switch r {
            case .requiresGradFalse(let line): w.field("line", line)
            case .graphFreed(let q, let line):
                w.field("freed_by_pass", q)
                w.field("line", line)
            case .passFailed(let e):
                w.field("line", e.line)
                w.field("type", e.type)
                w.field("message", e.message)
            case .cut, .notUsed, .notAnInput, .noGradientFlowed: break
            }
            w.field("text", say.reason(p, tensor: t))
            w.endObject()
        } else {
            w.null()
        }
        w.key("cuts")
        w.beginArray()
        for c in p.cuts {
            w.beginObject()
            switch c.kind {
            case .detach(let d):
                w.field("kind", "detach")
                w.field("detach", d)
            case .noGrad(let o):
                w.field("kind", "no_grad")
                w.field("op", o)
            case .nonDifferentiable(let o):
                w.field("kind", "non_differentiable")
                w.field("op", o)
            }
            w.field("line", c.line)
            w.field("use_op", c.use)
            w.field("use_line", c.use.map { ops[$0].line })
            w.field("text", say.cut(c, tensor: t))
            w.endObject()
        }
        w.endArray()
        w.key("findings")
        w.beginArray()
        for f in p.findings { writeFinding(f, tensor: t, say, &w) }
        w.endArray()
        w.endObject()
    }

    private func writeFinding(_ f: Finding, tensor t: Int, _ say: ExplainSentences, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", f.keyword)
        switch f {
        case .zeroGradient(let n):
            w.field("node", n)
            w.field("line", n.map { nodes[$0].line })
        case .vanishing(let norm, let threshold), .exploding(let norm, let threshold):
            w.key("norm")
            w.value(norm)
            w.key("threshold")
            w.value(threshold)
        case .nonFinite(let nan, let inf, let firstNaN, let firstInf):
            w.field("nan", nan)
            w.field("inf", inf)
            w.field("first_nan_node", firstNaN)
            w.field("first_nan_line", firstNaN.map { nodes[$0].line })
            w.field("first_inf_node", firstInf)
            w.field("first_inf_line", firstInf.map { nodes[$0].line })
        case .hookReplaced(let n, let output):
            w.field("node", n)
            w.field("output", output)
        case .savedModified(let n, let buffer, let inv, let savedVersion):
            w.field("node", n)
            w.field("buffer", buffer)
            w.field("op", inv.op)
            w.field("line", inv.line)
            w.field("saved_version", savedVersion)
            w.field("version", inv.version)
        case .anomaly(let n, let output):
            w.field("node", n)
            w.field("line", nodes[n].line)
            w.field("output", output)
        case .accumulated(let passes):
            w.field("passes", passes)
        }
        w.field("text", say.finding(f, tensor: t))
        w.endObject()
    }
}
