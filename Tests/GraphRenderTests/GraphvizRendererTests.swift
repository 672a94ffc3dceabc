import Foundation
import Testing

@testable import GraphRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small graph with ids, classes and tooltips the SVG output must carry.
private let sampleDOT = """
    digraph G {
      graph [nslimit=2, mclimit=0.5];
      node [fontname="DejaVu Sans"];
      a [id="node_a", class="leaf param", tooltip="w: (3,) float32", label="w"];
      b [id="node_b", class="op", tooltip="MulBackward0", label="mul"];
      a -> b [id="edge_ab", class="grad"];
    }
    """

/// Reads a big-endian UInt32 at `offset` of `bytes`.
private func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { ($0 << 8) | UInt32($1) }
}

/// Collects element names and the `id`/`class` attributes of an XML document.
private final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var ids: Set<String> = []
    var classes: Set<String> = []
    var titles: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
        if let id = attributeDict["id"] { ids.insert(id) }
        if let cls = attributeDict["class"] { classes.insert(cls) }
        if let title = attributeDict["xlink:title"] { titles.append(title) }
    }
}

@Suite struct GraphvizRendererTests {
    @Test func svgIsWellFormedXMLWithIdsClassesAndTooltips() throws {
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        let parser = XMLParser(data: Data(bytes))
        let collector = SVGCollector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG must parse as XML: \(String(describing: parser.parserError))")
        #expect(collector.elements.first == "svg")
        #expect(collector.ids.isSuperset(of: ["node_a", "node_b", "edge_ab"]))
        // Graphviz prefixes the element kind to the classes set in DOT.
        #expect(collector.classes.isSuperset(of: ["node leaf param", "node op", "edge grad"]))
        #expect(collector.titles.contains("w: (3,) float32"))
        #expect(collector.titles.contains("MulBackward0"))
    }

    @Test func pngHasSignatureAndSensibleSize() throws {
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(bytes.count > 33)
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
        let width = bigEndianUInt32(bytes, at: 16)
        let height = bigEndianUInt32(bytes, at: 20)
        // Two stacked nodes: taller than wide, both within a few hundred pixels.
        #expect((30...400).contains(width), "width \(width)")
        #expect((80...600).contains(height), "height \(height)")
        #expect(height > width)
    }

    @Test func pdfStartsWithHeaderAndEndsWithEOF() throws {
        let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: .pdf)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
    }

    @Test func dotFormatIsPassthrough() throws {
        let bytes = try GraphvizRenderer.render(dot: "not even DOT", format: .dot)
        #expect(bytes == Array("not even DOT".utf8))
    }

    @Test func syntaxErrorCarriesGraphvizMessage() throws {
        let error = #expect(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        }
        #expect(error?.kind == .invalidDOT)
        #expect(error?.message == "syntax error in line 1 near '}'")
    }

    /// cgraph reads DOT text line by line and its lexer keeps what it read past a graph's closing
    /// brace: the newline after `}` of a good graph used to count as line 1 of the next parse.
    @Test func eachParseCountsItsOwnLines() throws {
        _ = try GraphvizRenderer.render(dot: "digraph {\n  a -> b\n}\n", format: .svg)
        let onLine3 = #expect(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: "digraph {\n  a -> b\n  c -> }\n", format: .svg)
        }
        #expect(onLine3?.message == "syntax error in line 3 near '}'")
        _ = try GraphvizRenderer.render(dot: sampleDOT + "\n", format: .svg)
        let onLine1 = #expect(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: "digraph { a -> }", format: .svg)
        }
        #expect(onLine1?.message == "syntax error in line 1 near '}'")
    }

    @Test func parsingWorksAgainAfterASyntaxError() throws {
        _ = try? GraphvizRenderer.render(dot: "digraph { a -> ", format: .svg)
        let svg = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("node_a"))
    }

    @Test func unknownLayoutCarriesGraphvizMessage() throws {
        let error = #expect(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: sampleDOT, format: .svg, layout: "x")
        }
        #expect(error?.kind == .layoutFailed)
        #expect(error?.message.hasPrefix("Layout type: \"x\" not recognized. Use one of:") == true)
        #expect(error?.message.contains(" dot ") == true)
        #expect(error?.message.contains("dot -c") == false)
    }

    @Test func unknownFormatCarriesGraphvizMessageAndHint() throws {
        let error = #expect(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: sampleDOT, graphvizFormat: "nosuchformat", layout: "dot")
        }
        #expect(error?.kind == .unknownFormat)
        #expect(error?.message.hasPrefix("renderer for nosuchformat is unavailable") == true)
        #expect(error?.message.hasSuffix(RenderError.pluginHint) == true)
    }

    /// Messages seen from a Graphviz whose `config6a` is missing or empty (checked by running
    /// the C API with `GVBINDIR` pointing at such a directory).
    @Test(arguments: [
        "Layout type: \"dot\" not recognized. Use one of:",
        "Format: \"png\" not recognized. Use one of:"
    ])
    func unconfiguredPluginsGetTheDotCHint(message: String) {
        let error = RenderError.graphviz(.layoutFailed, messages: [message], fallback: "")
        #expect(error.message == message + "\n" + RenderError.pluginHint)
    }

    @Test func ordinaryLayoutErrorsGetNoHint() {
        let message = "Layout type: \"x\" not recognized. Use one of: circo dot fdp neato"
        let error = RenderError.graphviz(.layoutFailed, messages: [message], fallback: "")
        #expect(error == RenderError(kind: .layoutFailed, message: message))
    }

    @Test func renderingTwentyTimesInOneProcessWorks() throws {
        let formats: [RenderFormat] = [.svg, .png, .pdf]
        for round in 0..<20 {
            let bytes = try GraphvizRenderer.render(dot: sampleDOT, format: formats[round % 3])
            #expect(bytes.count > 100)
        }
    }

    @Test func concurrentRendersAreSerializedSafely() async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for round in 0..<8 {
                group.addTask {
                    let dot = round % 4 == 3 ? "digraph { -> }" : sampleDOT
                    return (try? GraphvizRenderer.render(dot: dot, format: .svg).count) ?? 0
                }
            }
            var succeeded = 0
            for try await count in group where count > 0 { succeeded += 1 }
            #expect(succeeded == 6)
        }
    }

    @Test func sameDOTGivesByteIdenticalSVG() throws {
        let first = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        let second = try GraphvizRenderer.render(dot: sampleDOT, format: .svg)
        #expect(first == second)
    }

    @Test(arguments: ["neato", "sfdp", "fdp", "circo", "twopi"])
    func otherLayoutEnginesRender(layout: String) throws {
        let svg = try GraphvizRenderer.render(dot: sampleDOT, format: .svg, layout: layout)
        #expect(String(decoding: svg, as: UTF8.self).contains("node_b"))
    }

    /// Layout limits given as graph attributes keep a few hundred nodes quick with `dot`;
    /// `sfdp` handles the same graph too.
    @Test(arguments: ["dot", "sfdp"])
    func largeGraphWithLayoutLimitsRenders(layout: String) throws {
        var lines = ["digraph big {", "  graph [nslimit=1, nslimit1=1, mclimit=0.1, searchsize=10];"]
        for index in 1..<300 {
            lines.append("  n\(index / 3) -> n\(index);")
            if index % 7 == 0 { lines.append("  n\(index - 5) -> n\(index);") }
        }
        lines.append("}")
        let svg = try GraphvizRenderer.render(dot: lines.joined(separator: "\n"), format: .svg, layout: layout)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<title>n299</title>"))
    }

    @Test func formatFromPathExtension() {
        #expect(RenderFormat(pathExtensionOf: "out/graph.SVG") == .svg)
        #expect(RenderFormat(pathExtensionOf: "g.png") == .png)
        #expect(RenderFormat(pathExtensionOf: "g.pdf") == .pdf)
        #expect(RenderFormat(pathExtensionOf: "g.gv") == .dot)
        #expect(RenderFormat(pathExtensionOf: "g.dot") == .dot)
        #expect(RenderFormat(pathExtensionOf: "g.jpeg") == nil)
        #expect(RenderFormat(pathExtensionOf: ".svg") == nil)
        #expect(RenderFormat(pathExtensionOf: "dir.svg/graph") == nil)
    }
}
