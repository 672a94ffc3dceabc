import Glibc
import GraphModel

/// The words and numbers of a picture: labels' detail lines, gradient texts and the tooltips
/// every SVG node and edge carries.
enum Describe {
    /// `(2, 3)`, `(4,)` or `()` as Python prints a shape.
    static func shape(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `float32` from `torch.float32`.
    static func dtype(_ name: String) -> String {
        name.hasPrefix("torch.") ? String(name.dropFirst(6)) : name
    }

    /// `12 B`, `3.1 KB`, `2.0 MB`.
    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return number(Double(n) / 1024, digits: 2) + " KB" }
        return number(Double(n) / (1024 * 1024), digits: 2) + " MB"
    }

    /// `x` with `digits` significant digits, like C's `%.{digits}g` (`0.1966`, `1.2e-05`, `50`).
    static func number(_ x: Double, digits: Int = 4) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 40)
        let count = withVaList([Int32(digits), x]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 40, "%.*g", args) }
        }
        guard count > 0 else { return String(x) }
        return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A gradient as an edge label: `0` (or `all 0`) when exactly zero, its values when it has
    /// at most four elements (`-10`, `[1, 1, 1]`), else its norm (`‖g‖ 0.42`); NaN / Inf counts
    /// are named.
    static func gradientLabel(_ g: GradSummary) -> String {
        if isZero(g) { return g.shape.reduce(1, *) == 1 ? "0" : "all 0" }
        var text: String
        if let v = g.values, v.count <= 4 {
            let parts = v.map { number($0, digits: 3) }
            text = g.shape.isEmpty || v.count == 1 && g.shape == [1] ? parts.joined() : "[" + parts.joined(separator: ", ") + "]"
        } else {
            text = "‖g‖ " + number(g.norm, digits: 3)
        }
        if g.nanCount > 0 && !(g.values.map { $0.count <= 4 } ?? false) { text += " · \(g.nanCount) NaN" }
        if g.infCount > 0 && !(g.values.map { $0.count <= 4 } ?? false) { text += " · \(g.infCount) Inf" }
        return text
    }

    /// What a saved buffer a saved-tensor hook packed holds, for a tooltip: what the pack hook
    /// returned instead of the tensor, whose bytes are therefore not the node's.
    static func packed(_ b: SavedBuffer) -> String {
        "packed by a saved-tensor hook (saved_tensors_hooks, save_on_cpu, checkpoint with use_reentrant=False): "
            + "the node holds what the pack hook returned, not these \(bytes(b.bytes)); "
            + "backward gets the tensor from the unpack hook"
    }

    /// A backward call with its pass number and line: `backward pass 1 (line 15)`.
    static func pass(_ p: BackwardRecord) -> String {
        (p.kind == .grad ? "autograd.grad" : "backward") + " pass \(p.id) (line \(p.line))"
    }

    /// The short form on a gradient label: `pass 1 (line 15)`.
    static func passLabel(_ p: BackwardRecord) -> String { "pass \(p.id) (line \(p.line))" }

    /// A gradient for a tooltip: shape, values (≤ 16 elements) or norm / min / max, NaN and Inf counts.
    static func gradientDetail(_ g: GradSummary) -> String {
        var parts = ["shape \(shape(g.shape))"]
        if let v = g.values {
            parts.append("values [" + v.map { number($0, digits: 6) }.joined(separator: ", ") + "]")
        } else {
            parts.append("norm \(number(g.norm, digits: 6))")
            if let lo = g.min, let hi = g.max { parts.append("min \(number(lo, digits: 6)) · max \(number(hi, digits: 6))") }
        }
        if g.nanCount > 0 { parts.append("\(g.nanCount) NaN") }
        if g.infCount > 0 { parts.append("\(g.infCount) Inf") }
        return parts.joined(separator: " · ")
    }

    /// Whether every element of the gradient is exactly zero (no NaN or Inf).
    static func isZero(_ g: GradSummary) -> Bool { !g.hasNonFinite && g.norm == 0 }

    /// The magnitude that picks a gradient's colour: NaN when it holds NaN or Inf.
    static func magnitude(_ g: GradSummary) -> Double {
        if g.hasNonFinite { return .nan }
        if let v = g.values, v.count == 1 { return abs(v[0]) }
        return g.norm
    }

    /// A tensor's detail line: `(2, 2) float32` plus `requires_grad` for parameters.
    static func tensorDetail(_ t: TensorRecord) -> String {
        shape(t.shape) + " " + dtype(t.dtype.name)
    }

    /// Where a tensor came from, for its tooltip.
    static func origin(_ t: TensorRecord, in graph: Graph) -> String {
        switch t.source {
        case .factory: return "made by torch.\(t.factory)() at line \(t.line)"
        case .op: return t.producer.map { "result of \(graph.ops[$0].name) at line \(graph.ops[$0].line)" } ?? "op result"
        case .detach, .data:
            let how = t.source == .data ? ".data" : "detach()"
            return t.detach.map { "\(how) of tensor t\(graph.detaches[$0].source) at line \(graph.detaches[$0].line)" } ?? how
        case .backward:
            return t.pass.map { "made by the backward pass at line \(graph.backwardPasses[$0].line)" } ?? "made by backward"
        case .untracked: return "made outside recording (a wrapped number or an earlier tensor), line \(t.line)"
        }
    }

    /// The tooltip of a tensor node.
    static func tensorTooltip(_ t: TensorRecord, in graph: Graph, version: Int?, grads: [String]) -> String {
        var lines = [(t.label ?? "unnamed tensor") + " (t\(t.id))" + (version.map { $0 > 0 ? " · version \($0)" : "" } ?? "")]
        lines.append("shape \(shape(t.shape)) · \(t.dtype.name) · \(bytes(t.byteCount))")
        var flags = ["requires_grad=\(t.requiresGrad ? "True" : "False")"]
        switch graph.leafRole(of: t.id) {
        case .parameter?: flags.append("leaf (parameter)")
        case .input?: flags.append(t.source == .op ? "computed with grad off" : "leaf (input)")
        case .gradient?: flags.append("a gradient")
        case .constant?: flags.append("constant")
        case nil: flags.append("grad_fn \(t.gradFn.map { graph.nodes[$0].name } ?? "none")")
        }
        lines.append(flags.joined(separator: " · "))
        lines.append(origin(t, in: graph))
        if let path = t.parameterPath {
            lines.append("parameter \(path) of the module the script called")
            if !t.names.isEmpty { lines.append("also named: " + t.names.joined(separator: ", ")) }
        } else if t.names.count > 1 {
            lines.append("also named: " + t.names.dropFirst().joined(separator: ", "))
        }
        lines += grads
        let previews = graph.values(of: t.id)
        if let shown = previews.last(where: { $0.version <= version ?? Int.max }) ?? previews.first {
            lines.append("values at version \(shown.version): " + clipped(shown.text, limit: 300))
        }
        return lines.joined(separator: "\n")
    }

    /// `text` cut to `limit` characters, ending in `…` when cut.
    static func clipped(_ text: String, limit: Int = 40) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The tooltip of an op node.
    static func opTooltip(
        _ op: OpRecord, in graph: Graph, standsForResult: Bool, region: String?, module: ModuleCall? = nil
    ) -> String {
        var lines = ["\(op.name) at line \(op.line) (op \(op.id))"]
        if let inner = op.innerLine { lines.append("inside a custom Function's forward, at line \(inner) there") }
        if !op.callLines.isEmpty {
            let calls = op.callLines.reversed().map(String.init)
            lines.append("in a function called at line " + calls.joined(separator: ", from line "))
        }
        if let g = op.gradFn {
            lines.append("grad_fn \(graph.nodes[g].name) (node n\(g))")
        } else {
            lines.append(op.gradEnabled ? "no grad_fn: no input requires grad" : "no grad_fn: grad mode was off")
        }
        let inputs = op.inputs.map { name(of: graph.tensors[$0]) }
        lines.append("inputs: " + (inputs.isEmpty ? "none" : inputs.joined(separator: ", ")))
        let outputs = op.outputs.map { i -> String in
            let t = graph.tensors[i]
            return name(of: t) + " " + shape(t.shape) + " " + dtype(t.dtype.name)
        }
        lines.append((standsForResult ? "result (drawn as this node): " : "output: ") + outputs.joined(separator: ", "))
        let attributes = graph.attributes(ofOp: op.id)
        if !attributes.isEmpty {
            lines.append("grad_fn keeps: " + attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
        }
        if op.isInPlace { lines.append("in place") }
        if let region { lines.append("in \(region)") }
        if let module { lines.append("in module \(module.path) (\(module.className))") }
        return lines.joined(separator: "\n")
    }

    /// The tooltip of a module call's cluster (or of its collapsed node).
    static func moduleTooltip(_ call: ModuleCall, in graph: Graph) -> String {
        var lines = [
            "\(call.path): \(call.className)" + (call.summary.isEmpty ? "" : "(\(call.summary))")
                + " · called at line \(call.line) (module call \(call.id))"
        ]
        if !call.parameters.isEmpty {
            lines.append(
                "parameters: "
                    + call.parameters.map { "\($0.name) \(shape(graph.tensors[$0.tensor].shape))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// `x` for a named tensor, `t7 (1,)`-style for others, `number` for wrapped Python numbers.
    static func name(of t: TensorRecord) -> String {
        if let l = t.label { return l }
        if t.source == .untracked && t.shape.isEmpty { return "a number" }
        return "t\(t.id)"
    }
}
