/// What a picture contains, before it is written as DOT: nodes, edges and clusters with their
/// style roles, labels and tooltips. `SceneBuilder` makes it from a `Graph`; folding, the node
/// budget and fan-out splitting transform it; `DOTWriter` writes it.
struct Scene {
    var nodes: [SceneNode] = []
    var edges: [SceneEdge] = []
    var clusters: [SceneCluster] = []
    /// Sentences shown at the top of the picture (what was folded, left out, laid out otherwise).
    var notes: [String] = []

    /// The scene with only the nodes `keep` marks, their edges, and the clusters still used
    /// (with the clusters enclosing them).
    func keeping(_ keep: [Bool]) -> Scene {
        var result = Scene(notes: notes)
        var newIndex = [Int?](repeating: nil, count: nodes.count)
        var clusterMap = [Int?](repeating: nil, count: clusters.count)
        func mapped(_ c: Int) -> Int {
            if let m = clusterMap[c] { return m }
            let parent = clusters[c].parent.map(mapped)
            clusterMap[c] = result.clusters.count
            var cluster = clusters[c]
            cluster.parent = parent
            result.clusters.append(cluster)
            return result.clusters.count - 1
        }
        for (i, n) in nodes.enumerated() where keep[i] {
            var node = n
            node.cluster = n.cluster.map(mapped)
            newIndex[i] = result.nodes.count
            result.nodes.append(node)
        }
        for e in edges {
            guard let f = newIndex[e.from], let t = newIndex[e.to] else { continue }
            var edge = e
            edge.from = f
            edge.to = t
            result.edges.append(edge)
        }
        return result
    }

    /// The DOT and SVG id of `edge` (one of `edges`): its written id, else `e_<from's id>_<to's id>_<position>`.
    func id(of edge: SceneEdge) -> String {
        edge.writtenID ?? "e_\(nodes[edge.from].id)_\(nodes[edge.to].id)_\(edge.position)"
    }

    /// Every style role the picture uses (for the legend).
    var roles: Set<StyleRole> {
        var used = Set<StyleRole>()
        for n in nodes { used.formUnion(n.roles) }
        for e in edges { used.formUnion(e.roles) }
        if clusters.contains(where: \.isRegion) { used.insert(.gradModeRegion) }
        if clusters.contains(where: { $0.module != nil }) { used.insert(.moduleCall) }
        if clusters.contains(where: { $0.loop != nil }) { used.insert(.loopBox) }
        if clusters.contains(where: { !$0.isRegion && $0.module == nil && $0.loop == nil }) { used.insert(.passFrame) }
        for (role, mark) in [(StyleRole.foldedNode, "folded"), (.updatedTensor, "updated"), (.tensorVersion, "versioned")]
        where nodes.contains(where: { $0.extraClasses.contains(mark) }) {
            used.insert(role)
        }
        return used
    }
}

/// What a scene node stands for.
enum SceneNodeKind: Equatable {
    /// A tensor (or one version of a tensor modified in place).
    case tensor
    /// A forward op; when its result is unnamed, the op node stands for the result too.
    case op
    /// A buffer a grad_fn saved.
    case saved
    /// A module call drawn as one node (`--depth`).
    case module
}

struct SceneNode {
    /// The DOT and SVG id, derived from record ids (`t3`, `t3_v1`, `op7`, `op7_s0`).
    var id: String
    var kind: SceneNodeKind
    var roles: [StyleRole]
    /// The label and tooltip, written or deferred (see `NodeText`).
    var text: NodeText
    /// Index into `Scene.clusters`.
    var cluster: Int?
    /// Nodes with the same key are one node when loop iterations are folded; nil: never folded.
    var foldKey: String?
    /// Recording position (ops and tensors interleaved), for "nearest the roots" ties.
    var order: Int
    /// The script line it comes from (for notes about what was left out).
    var line: Int = 0
    /// A leaf tensor: may be drawn once per use when it feeds many ops.
    var isLeaf = false
    /// How many recorded nodes this one stands for (folding).
    var count = 1
    /// Extra SVG classes (`folded`, `copy`, `truncated`).
    var extraClasses: [String] = []
    /// The innermost module call it belongs to (an op's call; an op result drawn on its own
    /// belongs to the call around it), for collapsing modules.
    var module: Int?
    /// The records it stands for, in recording order: one, or several when folded or collapsed.
    var subjects: [SceneSubject] = []
    /// The detected loop (index into `SceneBuilder.loops`) whose iterations made it; nil outside
    /// every loop.
    var loop: Int?

    init(
        id: String, kind: SceneNodeKind, roles: [StyleRole], text: NodeText, cluster: Int?, foldKey: String?,
        order: Int, line: Int = 0, isLeaf: Bool = false, module: Int? = nil, subjects: [SceneSubject] = [],
        loop: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.roles = roles
        self.text = text
        self.cluster = cluster
        self.foldKey = foldKey
        self.order = order
        self.line = line
        self.isLeaf = isLeaf
        self.module = module
        self.subjects = subjects
        self.loop = loop
    }

    init(
        id: String, kind: SceneNodeKind, roles: [StyleRole], label: DOTValue, tooltip: String, cluster: Int?,
        foldKey: String?, order: Int, line: Int = 0, isLeaf: Bool = false, module: Int? = nil,
        subjects: [SceneSubject] = [], loop: Int? = nil
    ) {
        self.init(
            id: id, kind: kind, roles: roles, text: .written(label: label, tooltip: tooltip), cluster: cluster,
            foldKey: foldKey, order: order, line: line, isLeaf: isLeaf, module: module, subjects: subjects, loop: loop)
    }

    /// The label; setting it writes a deferred tooltip.
    var label: DOTValue {
        get { text.label }
        set { text = .written(label: newValue, tooltip: text.tooltip) }
    }

    /// The tooltip; setting it writes a deferred label.
    var tooltip: String {
        get { text.tooltip }
        set { text = .written(label: text.label, tooltip: newValue) }
    }
}

/// A record of the graph a scene node stands for (the HTML viewer's side panel shows it).
enum SceneSubject: Hashable {
    case tensor(Int)
    case op(Int)
    /// A buffer op `op`'s grad_fn saved, by its position in `NodeRecord.saved`.
    case saved(op: Int, index: Int)
    case module(Int)
}

/// What a scene edge stands for.
enum SceneEdgeKind: Hashable {
    case data
    case detach
    case saved
}

struct SceneEdge {
    /// Indices into `Scene.nodes`.
    var from: Int
    var to: Int
    /// The input position (of the op's input for an edge into an op, of its result for one out
    /// of it): the last part of the edge's id.
    var position: Int
    /// The DOT and SVG id when it is not `e_<from's id>_<to's id>_<position>` (an edge moved to
    /// an AccumulateGrad node keeps its first ends in it; a small multiple's is prefixed); nil:
    /// made from the ends when read (`Scene.id(of:)`), so the scene keeps no string per edge.
    var writtenID: String?
    var kind: SceneEdgeKind
    var roles: [StyleRole]
    /// Look and label beyond the roles (gradient colour, detach label).
    var attributes: DOTAttributes
    /// The tooltip, its gradient lines worded when read (see `EdgeTooltip`).
    var tooltipParts: EdgeTooltip
    /// How many recorded edges this one stands for (folding).
    var count = 1
    /// The magnitude of the gradient each included backward pass sent along it, in call order
    /// (a folded edge's label shows their range).
    var gradientMagnitudes: [Double] = []

    init(
        from: Int, to: Int, position: Int, kind: SceneEdgeKind, roles: [StyleRole], attributes: DOTAttributes, text: EdgeText
    ) {
        self.from = from
        self.to = to
        self.position = position
        self.kind = kind
        self.roles = roles
        self.attributes = attributes
        self.tooltipParts = EdgeTooltip(text: text)
    }

    /// The whole tooltip; setting it replaces the text and the gradient lines.
    var tooltip: String {
        get { tooltipParts.written }
        set { tooltipParts = EdgeTooltip(text: .written(newValue)) }
    }
}

struct SceneCluster {
    /// `cluster_region_3`, `cluster_off_7`, `cluster_pass_1`, `cluster_module_4`.
    var id: String
    var label: String
    /// A grad-disabled region or a Function's forward (styled as a region); otherwise the ops
    /// one backward call went through, or a module call.
    var isRegion: Bool
    var tooltip: String
    /// Clusters with the same key are one cluster when loop iterations are folded.
    var foldKey: String
    /// The module call it frames (styled as a module), if it frames one.
    var module: Int? = nil
    /// The enclosing cluster (index into `Scene.clusters`, which lists parents first).
    var parent: Int? = nil
    /// For a backward call's frame: the passes whose ops it holds, and what was called
    /// (`backward at line 23`); folding merges the passes and relabels the frame.
    var passes: [Int] = []
    var call = ""
    /// For a loop's box (folded identical iterations): the loop's index in `SceneBuilder.loops`.
    var loop: Int? = nil

    /// A backward frame's label: `pass 1: backward at line 23`, `passes 0–19 (×20): backward at line 14`.
    static func passLabel(passes: [Int], call: String) -> String {
        guard let first = passes.first, let last = passes.last, passes.count > 1 else {
            return "pass \(passes.first ?? 0): \(call)"
        }
        let consecutive = last - first + 1 == passes.count
        let ids = consecutive && passes.count > 2 ? "\(first)–\(last)" : passes.map(String.init).joined(separator: ", ")
        return "passes \(ids)" + (passes.count > 2 ? " (×\(passes.count))" : "") + ": \(call)"
    }

    /// The label of `frames` backward frames of a loop drawn as one: `backward ×20 (line 14)`.
    static func foldedPassLabel(frames: Int, call: String) -> String {
        guard let at = call.range(of: " at ") else { return "\(call) ×\(frames)" }
        return "\(call[..<at.lowerBound]) ×\(frames) (\(call[at.upperBound...]))"
    }
}
