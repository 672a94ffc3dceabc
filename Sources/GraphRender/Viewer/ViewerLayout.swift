import GraphModel

/// One laid-out view of the graph: a scene and its SVG. The page switches between views to
/// expand or collapse folded loops and module calls (each is laid out by Graphviz here, once).
struct ViewerView {
    /// `main`, `unfolded`, `depth0`, `depth1`, …
    let key: String
    /// What the view selector says about it.
    let title: String
    let scene: Scene
    /// The `<svg>` element Graphviz wrote, without the XML prolog and comments before it.
    let svg: String

    /// The view as an inert `<template>` the page instantiates when it is shown.
    var template: String { "<template id=\"view-\(key)\">\n\(svg)</template>" }
}

/// Chooses and lays out the views of a page: the picture as `options` draw it; when that folds
/// loop iterations, every iteration; when the script called `nn.Module`s, each level of module
/// calls collapsed into single nodes.
struct ViewerLayout {
    let graph: Graph
    let options: RenderOptions

    func views() throws -> [ViewerView] {
        // Every view differs only in folding and collapsing: the scene is built once.
        let built = try DOTWriter(graph: graph, options: options).builtScene()
        let main = try view("main", title: "", options: options, built: built)
        let folded = main.scene.nodes.contains { $0.extraClasses.contains("folded") }
        var views = [
            ViewerView(
                key: main.key, title: folded ? "loops folded (×n)" : "every op",
                scene: main.scene, svg: main.svg)
        ]
        if folded {
            var unfolded = options
            unfolded.unfold = true
            views.append(try view("unfolded", title: "every loop iteration", options: unfolded, built: built))
        }
        if options.depth == nil, let deepest = moduleLevels().max() {
            for d in 0...deepest {
                var collapsed = options
                collapsed.depth = d
                views.append(try view("depth\(d)", title: "modules at level \(d) as nodes", options: collapsed, built: built))
            }
        }
        return views
    }

    /// Each module call's level: 0 for a call the script made, one more per enclosing call.
    func moduleLevels() -> [Int] {
        var level = [Int](repeating: 0, count: graph.modules.count)
        for m in graph.modules { level[m.id] = m.parent.map { level[$0] + 1 } ?? 0 }
        return level
    }

    private func view(_ key: String, title: String, options: RenderOptions, built: BuiltScene) throws -> ViewerView {
        let writer = DOTWriter(graph: graph, options: options)
        let (scene, layout) = options.everyPass ? try writer.preparedScene() : writer.preparedScene(from: built)
        let dot = DOTWriter.write(scene, layout: layout, options: options)
        let bytes = try GraphvizRenderer.render(dot: dot, format: .svg, layout: layout)
        var svg = String(decoding: bytes, as: UTF8.self)
        if let start = svg.firstRange(of: "<svg") { svg = String(svg[start.lowerBound...]) }
        return ViewerView(key: key, title: title, scene: scene, svg: svg)
    }
}
