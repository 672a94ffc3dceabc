import Foundation
import GraphModel

/// The interactive HTML viewer: one self-contained page holding the graph's Graphviz-laid-out
/// SVG views, the model its side panel, search, pass selector and "why" mode read (as embedded
/// JSON), and the CSS and JavaScript that drive it. It opens from disk with no server and no
/// network.
///
/// The page is deterministic: the same graph, options and source give byte-identical HTML in
/// each new process (as `gradscope render` runs; Graphviz numbers the objects it lays out per
/// process, so a second page in one process may order its SVG groups differently).
public struct ViewerPage {
    public let graph: Graph
    public let options: RenderOptions
    /// The script's text, for quoting its lines (empty for a JSON dump without its script).
    public let source: String
    /// The page title (usually the script's file name).
    public let title: String

    /// A page for `graph` laid out as `options` say (their `showGrads` is ignored: the page's
    /// pass selector colours the edges of any pass; it opens on `options.pass`, else the last).
    public init(graph: Graph, options: RenderOptions = RenderOptions(), source: String = "", title: String = "graph") {
        self.graph = graph
        var o = options
        o.showGrads = false
        self.options = o
        self.source = source
        self.title = title
    }

    /// At most this many backward passes (the last ones) get edge colours, gradients in the
    /// panel and why mode: a long training loop's page stays small and quick to write.
    package static let passLimit = 200

    /// The passes a page covers: the last `passLimit`.
    static func includedPasses(_ graph: Graph) -> Range<Int> {
        max(0, graph.backwardPasses.count - passLimit)..<graph.backwardPasses.count
    }

    /// The HTML text.
    ///
    /// - Throws: `RenderError` for options that do not fit the graph or a Graphviz failure.
    public func html() throws -> String {
        let views = try ViewerLayout(graph: graph, options: options).views()
        let say = ExplainSentences(graph: graph, source: source)
        let included = ViewerPage.includedPasses(graph)
        var explain = ExplainOptions()
        explain.passes = included
        let explained = graph.explain(ViewerModel.whyTargets(graph, views: views), options: explain)
        let model = ViewerModel(graph: graph, say: say, views: views, explanations: explained, passes: included)
        let data = model.json(title: title, pass: options.pass.flatMap { included.contains($0) ? $0 : nil } ?? included.last)
        let values = [
            "title": HTMLEscape.text(title),
            "style": ViewerAssets.text("viewer.css"),
            "templates": views.map(\.template).joined(separator: "\n"),
            "data": HTMLEscape.scriptData(data),
            "scripts": ViewerAssets.scripts.map { "<script>\n\($0)\n</script>" }.joined(separator: "\n")
        ]
        return ViewerAssets.text("page.html").filling(values)
    }
}

/// Escaping for text placed in HTML.
enum HTMLEscape {
    /// `s` safe as HTML text or a double-quoted attribute value.
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// JSON safe inside a `<script>` element: every `<` (which JSON has only inside strings) is
    /// written `\u003c`, so no `</script>` or `<!--` in a name or tooltip can end the element.
    static func scriptData(_ json: String) -> String {
        json.replacing("<", with: "\\u003c")
    }
}

extension String {
    /// The template with each `{{name}}` replaced by `values[name]` in one pass (text put in is
    /// never searched again, so a tooltip holding `{{data}}` stays as it is).
    func filling(_ values: [String: String]) -> String {
        var out = ""
        var rest = self[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            out += values[name] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
