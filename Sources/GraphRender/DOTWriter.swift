import GraphModel

/// Writes a recorded `Graph` as Graphviz DOT in GradScope's visual style, and renders it.
///
/// Tensors are drawn with their variable names and shapes (an unnamed op result is drawn as
/// its op), op nodes with the op, its grad_fn class and line; parameters light blue, inputs
/// plain, backward roots green; grad-disabled regions as dashed clusters with greyed ops;
/// detached branches faded behind a labelled detach edge; saved buffers and gradients on
/// request; a legend of exactly the styles used. Every node and edge has a stable `id`, a
/// `class` and a tooltip (shape, dtype, gradient, line).
///
/// Loops: unless `unfold` is set, every loop of two or more identical iterations is drawn once,
/// in a box titled with its statement and count. Large graphs: above `RenderOptions.maxNodes`
/// (or `RenderOptions.foldAbove` when it halves the picture), other repetitions are folded too
/// (one node per source line position, with a count); what still exceeds the budget
/// is cut to the part nearest the roots; leaves feeding many ops are drawn once per use; and
/// past `RenderOptions.dotNodeLimit` nodes `dot` gives way to `sfdp`. The picture says which
/// of these happened.
///
/// The output is deterministic: the same graph and options give byte-identical DOT. All walks
/// are iterative, so graph size is limited by memory, not by the stack.
public struct DOTWriter {
    public let graph: Graph
    public let options: RenderOptions

    /// A writer for `graph` drawn as `options` say.
    public init(graph: Graph, options: RenderOptions = RenderOptions()) {
        self.graph = graph
        self.options = options
    }

    /// The DOT text.
    ///
    /// - Throws: `RenderError` of kind `.invalidOptions` when the options do not fit the graph
    ///   (a `pass` the script did not make).
    public func dot() throws -> String { try prepared().text }

    /// The picture in `format` (`.dot` gives the DOT text), laid out in-process by Graphviz.
    ///
    /// - Throws: `RenderError` for invalid options or a Graphviz failure.
    public func render(_ format: RenderFormat) throws -> [UInt8] {
        let (text, layout) = try prepared()
        let picture = try GraphvizRenderer.render(dot: text, format: format, layout: layout)
        return format == .svg ? BrowserSVG.adapted(picture) : picture
    }

    /// The DOT text and the layout engine it is meant for.
    func prepared() throws -> (text: String, layout: String) {
        let (scene, layout) = try preparedScene()
        return (DOTWriter.write(scene, layout: layout, options: options), layout)
    }

    /// The scene after folding, the node budget and fan-out splitting, and its layout engine.
    func preparedScene() throws -> (scene: Scene, layout: String) {
        if options.everyPass {
            return layoutChoice(for: try smallMultiplesScene().splittingFanOut(limit: RenderOptions.fanOutLimit))
        }
        return preparedScene(from: try builtScene(foldingLoops: !options.unfold && options.depth == nil))
    }

    /// The scene as recorded, before folding, collapsing and the node budget, with the loops
    /// found in it. It depends on none of `unfold`, `depth`, `maxNodes` and `layout`, so views
    /// differing only in those share it. With `foldingLoops` (for these options alone, which
    /// must fold loops and collapse no module), the builder may fold the loops as it builds the
    /// scene (see `SceneBuilder.build(foldingLoops:)`), never holding it unfolded.
    func builtScene(foldingLoops: Bool = false) throws -> BuiltScene {
        var builder = try SceneBuilder(graph: graph, options: options)
        let scene = builder.build(foldingLoops: foldingLoops)
        return BuiltScene(scene: scene, loops: builder.loops, unfoldedNodeCount: builder.unfoldedNodeCount)
    }

    /// `built` (from `builtScene()` of a writer whose options differ from these at most in
    /// `unfold`, `depth`, `maxNodes` and `layout`) collapsed, folded and cut as these options
    /// say, and its layout engine.
    func preparedScene(from built: BuiltScene) -> (scene: Scene, layout: String) {
        var scene = built.scene
        if let depth = options.depth { scene = scene.collapsingModules(atDepth: max(0, depth), in: graph) }
        let budget = max(1, options.maxNodes)
        if !options.unfold && !built.loops.isEmpty {
            let before = built.unfoldedNodeCount ?? scene.nodes.count
            if built.unfoldedNodeCount == nil { scene = scene.folded(loops: built.loops) }
            scene.notes.append(
                "loop iterations folded: \(before) nodes drawn as \(scene.nodes.count), each loop's identical "
                    + "iterations once in its box, ×n = how many (--unfold draws every iteration)")
        }
        if !options.unfold && scene.nodes.count > min(budget, RenderOptions.foldAbove) {
            let before = scene.nodes.count
            let folded = scene.folded()
            if folded.nodes.count < before && (before > budget || folded.nodes.count * 2 <= before) {
                scene = folded
                scene.notes.append(
                    "repeated lines folded: \(before) nodes drawn as \(scene.nodes.count), one per "
                        + "source line position, ×n = how many (--unfold draws every iteration)")
            }
        }
        scene = scene.limited(to: budget)
        return layoutChoice(for: scene.splittingFanOut(limit: RenderOptions.fanOutLimit))
    }

    /// The scene and its layout engine: the one asked for, else `dot` up to `dotNodeLimit`
    /// nodes and `sfdp` above (with a note saying so).
    func layoutChoice(for scene: Scene) -> (scene: Scene, layout: String) {
        if let chosen = options.layout { return (scene, chosen.rawValue) }
        guard scene.nodes.count > RenderOptions.dotNodeLimit else { return (scene, RenderOptions.Layout.dot.rawValue) }
        var scene = scene
        scene.notes.append(
            "laid out with sfdp: \(scene.nodes.count) nodes are slow for dot (--layout dot draws them with dot)")
        return (scene, RenderOptions.Layout.sfdp.rawValue)
    }

    /// The DOT text of a scene.
    static func write(_ scene: Scene, layout: String, options: RenderOptions) -> String {
        var graphAttributes = Style.graph.merging([
            "rankdir": .text(options.rankdir.rawValue), "layout": .text(layout),
            "id": "gradscope", "class": "gradscope"
        ])
        if scene.nodes.count > 150 {
            // Cap network simplex and crossing minimisation: quality stays fine, time stays linear.
            graphAttributes = graphAttributes.merging([
                "nslimit": "3", "nslimit1": "3", "mclimit": "0.3", "searchsize": "20"
            ])
        }
        if layout != "dot" {
            graphAttributes = graphAttributes.merging(["overlap": "prism", "outputorder": "edgesfirst"])
        }
        if !scene.notes.isEmpty {
            graphAttributes = graphAttributes.merging([
                "label": .text(scene.notes.map { wrapped($0, width: 110) }.joined(separator: "\n")), "labelloc": "t",
                "labeljust": "l",
                "fontcolor": .text(Style.Palette.secondaryText), "fontsize": "10"
            ])
        }
        var lines = [
            "digraph \"gradscope\" {",
            "  graph \(graphAttributes.dot);",
            "  node \(Style.node.dot);",
            "  edge \(Style.edge.dot);"
        ]
        lines.reserveCapacity(scene.nodes.count + scene.edges.count + 16)
        let key = options.legend ? Legend.table(for: scene.roles) : nil
        let framed = key != nil && layout != RenderOptions.Layout.sfdp.rawValue
        var members = [[Int]](repeating: [], count: scene.clusters.count)
        // Top-level statements: one per node outside every cluster, one block per outer cluster.
        var blocks: [[String]] = []
        for (i, n) in scene.nodes.enumerated() {
            if let c = n.cluster { members[c].append(i) } else { blocks.append(["  " + statement(n)]) }
        }
        for line in clusterStatements(scene, members: members) {
            if line.hasPrefix("  subgraph ") || blocks.isEmpty { blocks.append([]) }
            blocks[blocks.count - 1].append(line)
        }
        // Inside a cluster dot starts from the reverse of the declaration order: inside the
        // legend's frame, declaring the statements in reverse keeps frames in time order.
        lines += (framed ? blocks.reversed() : blocks).flatMap { $0 }
        let breaks = layout == RenderOptions.Layout.dot.rawValue ? columnBreaks(scene) : []
        for (i, e) in scene.edges.enumerated() {
            var roles = e.roles
            if e.kind == .data && scene.nodes[e.from].roles.contains(.detached) && roles == [.dataEdge] {
                roles.append(.detached)
            }
            let tooltip = e.tooltip
            var attributes = Style.attributes(for: roles).merging(e.attributes)
                .merging(["id": .text(scene.id(of: e)), "tooltip": .text(tooltip)])
            // A gradient's or a detach's label explains itself with its edge's tooltip.
            if attributes["label"] != nil { attributes = attributes.merging(["labeltooltip": .text(tooltip)]) }
            if breaks.contains(i) { attributes = attributes.merging(["constraint": "false"]) }
            lines.append(
                "  \(DOTEscape.identifier(scene.nodes[e.from].id)) -> \(DOTEscape.identifier(scene.nodes[e.to].id)) \(attributes.dot);"
            )
        }
        if layout == RenderOptions.Layout.dot.rawValue { lines += timeOrderStatements(scene) }
        if let key {
            if framed {
                // The key is the bottom label of a borderless cluster around everything: below
                // the graph, never beside it.
                let frame = Legend.frame.merging(["label": key])
                lines.insert("subgraph \"cluster_legend\" {\n  \(frame.statements)", at: 4)
                lines.append("}")
            } else {
                lines.append("  " + Legend.dot(for: scene.roles))
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `subgraph` statements of the scene's clusters, each nested in its parent; clusters
    /// with nothing drawn in them (or in a cluster inside them) are left out.
    static func clusterStatements(_ scene: Scene, members: [[Int]]) -> [String] {
        var children = [[Int]](repeating: [], count: scene.clusters.count)
        var topLevel: [Int] = []
        var used = members.map { !$0.isEmpty }
        for (c, cluster) in scene.clusters.enumerated().reversed() {
            if let p = cluster.parent, used[c] { used[p] = true }
        }
        for (c, cluster) in scene.clusters.enumerated() where used[c] {
            if let p = cluster.parent { children[p].append(c) } else { topLevel.append(c) }
        }
        var lines: [String] = []
        // Depth-first with an explicit stack: (cluster, indent) opens, nil closes.
        var stack: [(cluster: Int, indent: String)?] = topLevel.reversed().map { ($0, "  ") }
        var closers: [String] = []
        while let entry = stack.popLast() {
            guard let (c, indent) = entry else {
                lines.append(closers.removeLast())
                continue
            }
            let cluster = scene.clusters[c]
            let base =
                cluster.loop != nil
                ? Style.attributes(for: .loopBox)
                : cluster.module != nil
                    ? Style.attributes(for: .moduleCall)
                    : cluster.isRegion ? Style.attributes(for: .gradModeRegion) : Style.attributes(for: .passFrame)
            let look = base.merging([
                "label": .text(cluster.label), "tooltip": .text(cluster.tooltip), "id": .text(cluster.id)
            ])
            lines.append(indent + "subgraph \(DOTEscape.identifier(cluster.id)) {")
            lines.append(indent + "  " + look.statements)
            for i in members[c] { lines.append(indent + "  " + statement(scene.nodes[i])) }
            closers.append(indent + "}")
            stack.append(nil)
            stack += children[c].reversed().map { ($0, indent + "  ") }
        }
        return lines
    }

    /// A node statement: its roles' look, label, id, classes and tooltip.
    static func statement(_ n: SceneNode) -> String {
        var attributes = Style.attributes(for: n.roles)
        let classes = [attributes["class"].flatMap(text) ?? ""] + n.extraClasses
        attributes = attributes.merging([
            "label": n.label, "id": .text(n.id), "class": .text(classes.filter { !$0.isEmpty }.joined(separator: " ")),
            "tooltip": .text(n.tooltip)
        ])
        return "\(DOTEscape.identifier(n.id)) \(attributes.dot);"
    }

    /// `text` broken into lines of at most about `width` characters, at spaces.
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    private static func text(_ value: DOTValue) -> String? {
        if case .text(let t) = value { return t }
        return nil
    }
}

/// A graph's scene as `SceneBuilder` made it and the loops it found, shared by the views of one
/// page.
struct BuiltScene {
    let scene: Scene
    let loops: [DetectedLoop]
    /// When the loops were folded as the scene was built: how many nodes it had unfolded.
    var unfoldedNodeCount: Int? = nil
}
