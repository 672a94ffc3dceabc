import GraphModel

/// Deferred texts. Labels and tooltips are most of a scene's cost, and folding a loop keeps
/// the texts of one iteration's nodes and edges only; so `SceneBuilder` gives op and tensor
/// nodes the facts their texts are made from, and gradients their edges received as values,
/// and the words are written when a text is first read (for the nodes and edges a picture
/// keeps). Reading a deferred text gives exactly what writing it at once would have given.

/// What deferred node texts are written from: the graph, shared by every such node of a scene.
final class SceneTextSource {
    let graph: Graph
    /// Whether op labels list the values their grad_fn keeps (the backward view, like
    /// torchviz's show_attrs).
    let showsAttributes: Bool

    init(graph: Graph, showsAttributes: Bool) {
        self.graph = graph
        self.showsAttributes = showsAttributes
    }
}

/// A scene node's label and tooltip: written, or an op's or a tensor's to be written when read.
enum NodeText {
    case written(label: DOTValue, tooltip: String)
    case op(DeferredOpText)
    case tensor(DeferredTensorText)

    var label: DOTValue {
        switch self {
        case .written(let label, _): return label
        case .op(let op): return op.label
        case .tensor(let tensor): return tensor.label
        }
    }

    var tooltip: String {
        switch self {
        case .written(_, let tooltip): return tooltip
        case .op(let op): return op.tooltip
        case .tensor(let tensor): return tensor.tooltip
        }
    }
}

/// An op node's texts: the op (bold, `_` added when in place), its grad_fn and line, the values
/// the grad_fn keeps in the backward view, and the shape of the unnamed result it stands for.
struct DeferredOpText {
    let source: SceneTextSource
    let op: Int
    /// The unnamed result the op node stands for, if any.
    let result: Int?
    /// The label of the grad-disabled cluster it is drawn in, if any.
    let region: String?
    /// The innermost module call it ran in.
    let module: Int?

    var label: DOTValue {
        let graph = source.graph
        let op = graph.ops[self.op]
        let name = op.isInPlace && !op.name.hasSuffix("_") ? op.name + "_" : op.name
        var label = Style.opLabel(op: name, gradFn: op.gradFn.map { graph.nodes[$0].name }, line: op.line)
        if source.showsAttributes {
            for a in graph.attributes(ofOp: op.id) {
                let text = "\(a.name): \(Describe.clipped(a.value))"
                label = Style.addingLine("<FONT POINT-SIZE=\"8\">\(DOTEscape.html(text))</FONT>", plain: text, to: label)
            }
        }
        if let t = result {
            let shape = "→ \(Describe.shape(graph.tensors[t].shape))"
            label = Style.addingLine("<FONT POINT-SIZE=\"8\">\(DOTEscape.html(shape))</FONT>", plain: shape, to: label)
        }
        return label
    }

    var tooltip: String {
        let graph = source.graph
        return Describe.opTooltip(
            graph.ops[op], in: graph, standsForResult: result != nil, region: region,
            module: module.map { graph.modules[$0] })
    }
}

/// A tensor node's texts: its name over its detail lines (its shape and dtype, then
/// `detailSuffix`), and its tooltip with `notes` (the gradients it received, a hook, why it got
/// none).
struct DeferredTensorText {
    let source: SceneTextSource
    let tensor: Int
    let version: Int
    let name: TensorNodeName
    /// What the detail lines say after the shape and dtype (` · v2`, a backward call, a gradient).
    let detailSuffix: String
    let noGradient: Bool
    let notes: [String]

    var label: DOTValue {
        let graph = source.graph
        let written: String
        switch name {
        case .given(let text): written = text
        case .gradient: written = DeferredTensorText.gradientName(tensor, in: graph)
        }
        return Style.tensorLabel(
            name: written, detail: Describe.tensorDetail(graph.tensors[tensor]) + detailSuffix, noGradient: noGradient)
    }

    /// `w.grad` for gradient tensor `t` when exactly one leaf of its shape got a gradient in the
    /// pass that made it; else `grad`.
    static func gradientName(_ t: Int, in graph: Graph) -> String {
        let r = graph.tensors[t]
        guard let p = r.pass else { return "grad" }
        let candidates = graph.backwardPasses[p].accumulated.map(\.tensor).filter { graph.tensors.shape(of: $0) == r.shape }
        guard Set(candidates).count == 1, let leaf = candidates.first, let name = graph.tensors[leaf].label else { return "grad" }
        return name + ".grad"
    }

    var tooltip: String {
        Describe.tensorTooltip(source.graph.tensors[tensor], in: source.graph, version: version, grads: notes)
    }
}

/// A tensor node's name: known when the node is made, or a gradient's (`w.grad`), worked out
/// when its label is read.
enum TensorNodeName {
    case given(String)
    case gradient
}

/// A scene edge's tooltip: its text, then one line per backward pass that sent a gradient along
/// it (`gradient in backward pass 3 (line 12): shape (2,) · values [1, 2]`), worded when read.
struct EdgeTooltip {
    var text: EdgeText
    /// The gradient each pass sent along the edge, in call order.
    var gradients: [EdgeGradientText] = []

    var written: String {
        gradients.reduce(into: text.written) { text, g in text += g.line }
    }
}

/// The gradient a backward pass sent along an edge, kept as where to find it (the pass, and the
/// gradient's position in its `edgeGradients`) and worded when read.
struct EdgeGradientText {
    let source: SceneTextSource
    /// The pass's index in `Graph.backwardPasses`.
    let pass: Int
    /// The gradient's position in the pass's `edgeGradients` (one that has a gradient).
    let index: Int

    /// `\ngradient in backward pass 3 (line 12): shape (2,) · values [1, 2]` (empty if the pass
    /// sent none there).
    var line: String {
        let record = source.graph.backwardPasses[pass]
        return record.edgeGradients[index].grad.map { "\ngradient in \(Describe.pass(record)): " + Describe.gradientDetail($0) }
            ?? ""
    }
}

/// An edge tooltip's first text: written, or a data edge's to be written when read.
enum EdgeText {
    case written(String)
    case data(DeferredDataEdgeText)

    var written: String {
        switch self {
        case .written(let text): return text
        case .data(let data): return data.text
        }
    }
}

/// A data edge's text: `x → mul (input 0) · line 3` into an op, `mul → y` out of one, and
/// `add_ → w (version 2)` to a tensor's version an in-place op made.
struct DeferredDataEdgeText {
    let source: SceneTextSource
    let tensor: Int
    let op: Int
    /// The op's input position, for an edge into the op.
    var input: Int? = nil
    /// The version made, for an edge from an in-place op.
    var version: Int? = nil

    var text: String {
        let graph = source.graph
        let name = Describe.name(of: graph.tensors[tensor])
        let op = graph.ops[self.op]
        if let i = input { return "\(name) → \(op.name) (input \(i)) · line \(op.line)" }
        return "\(op.name) → \(name)" + (version.map { " (version \($0))" } ?? "")
    }
}
