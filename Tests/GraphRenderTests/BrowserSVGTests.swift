import Foundation
import GraphModel
import Testing

@testable import GraphRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a browser needs from a rendered SVG: the root scales to the window, each edge has a
/// wide hover target along its path, and each edge label (a gradient's numbers, a detach's line)
/// carries its edge's tooltip.
@Suite struct BrowserSVGTests {
    @Test func theRootScalesToTheWindowAndKeepsItsProportions() throws {
        let svg = try EdgeAnatomy.parse(tutorialSVG())
        #expect(svg.rootAttributes["width"] == "100%" && svg.rootAttributes["height"] == "100%")
        let viewBox = try #require(svg.rootAttributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4 && viewBox[2] > 100 && viewBox[3] > 100)
    }

    @Test func everyEdgeHasAWideHoverTargetOnItsOwnPath() throws {
        let svg = try EdgeAnatomy.parse(tutorialSVG())
        #expect(svg.edges.count > 5)
        for edge in svg.edges.values {
            #expect(edge.visiblePaths.count == 1, "\(edge.id)")
            #expect(edge.hoverPaths == edge.visiblePaths, "\(edge.id): the hover target follows the edge")
            #expect(edge.hoverWidths.allSatisfy { $0 >= 8 }, "\(edge.id)")
        }
    }

    @Test func gradientAndDetachLabelsCarryTheirEdgesTooltip() throws {
        let svg = try EdgeAnatomy.parse(tutorialSVG())
        let labelled = svg.edges.values.filter { !$0.labelTexts.isEmpty }
        #expect(labelled.contains { $0.labelTexts.contains("[1, 1, 1, 1]") })
        #expect(labelled.contains { $0.labelTexts.contains("detach · line 20") })
        for edge in labelled {
            let tooltip = try #require(edge.pathTooltip, "\(edge.id)")
            #expect(edge.labelTooltips == Array(repeating: tooltip, count: edge.labelTexts.count), "\(edge.id)")
        }
    }

    @Test func otherFormatsAreLeftAsGraphvizWroteThem() throws {
        let text = "digraph { a -> b }"
        let svg = try GraphvizRenderer.render(dot: text, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("pt\""))
        #expect(BrowserSVG.adapted(svg) != svg)
    }

    private func tutorialSVG() throws -> [UInt8] {
        var options = RenderOptions()
        options.showGrads = true
        return try DOTWriter(graph: try recordSample("tutorial"), options: options).render(.svg)
    }
}

/// The root's attributes and, per drawn edge (legend samples excluded), its paths, hover
/// targets, label texts and the tooltips around them.
private final class EdgeAnatomy: NSObject, XMLParserDelegate {
    struct Edge {
        let id: String
        var visiblePaths: [String] = []
        var hoverPaths: [String] = []
        var hoverWidths: [Double] = []
        var pathTooltip: String?
        var labelTexts: [String] = []
        var labelTooltips: [String?] = []
    }

    var rootAttributes: [String: String] = [:]
    var edges: [String: Edge] = [:]
    private var stack: [(name: String, attributes: [String: String])] = []
    private var text = ""

    static func parse(_ bytes: [UInt8]) throws -> EdgeAnatomy {
        let document = EdgeAnatomy()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = document
        try #require(parser.parse(), "SVG is not well-formed XML")
        return document
    }

    /// The id of the drawn edge group enclosing the current element, if any.
    private var edgeID: String? {
        stack.last { ($0.attributes["class"] ?? "").hasPrefix("edge") }.flatMap { frame in
            frame.attributes["id"].flatMap { $0.hasPrefix("legend") ? nil : $0 }
        }
    }

    /// The tooltip of the innermost enclosing anchor.
    private var tooltip: String? { stack.last { $0.name == "a" }?.attributes["xlink:title"] }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "svg" && stack.isEmpty { rootAttributes = attributes }
        if elementName == "g", (attributes["class"] ?? "").hasPrefix("edge"), let id = attributes["id"],
            !id.hasPrefix("legend")
        {
            edges[id] = Edge(id: id)
        }
        if elementName == "path", let id = edgeID, let d = attributes["d"] {
            if attributes["class"] == "hover-target" {
                edges[id]?.hoverPaths.append(d)
                edges[id]?.hoverWidths.append(Double(attributes["stroke-width"] ?? "") ?? 0)
            } else {
                edges[id]?.visiblePaths.append(d)
                edges[id]?.pathTooltip = tooltip
            }
        }
        stack.append((elementName, attributes))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        if elementName == "text", let id = edgeID {
            edges[id]?.labelTexts.append(text)
            edges[id]?.labelTooltips.append(tooltip)
        }
        stack.removeLast()
        text = ""
    }
}
