import Foundation
import GraphModel
import Session

@testable import GraphRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The repository's samples directory.
let samplesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")

/// The graph a script records (its output discarded), with tensor values when `values` asks.
func recordScript(_ source: String, name: String = "script.py", values: Bool = false) -> Graph {
    ScriptRunner.runRecording(
        source: source, filename: name, writeOutput: { _ in }, writeError: { _ in }, values: values
    ).graph
}

/// The graph `samples/NAME.py` records.
func recordSample(_ name: String) throws -> Graph {
    recordScript(
        try String(contentsOf: samplesDirectory.appendingPathComponent(name + ".py"), encoding: .utf8),
        name: name + ".py")
}

/// Ids, classes and tooltips of an SVG document; nil if it is not well-formed XML.
final class SVGDocument: NSObject, XMLParserDelegate {
    var ids: Set<String> = []
    var classes: [String: String] = [:]
    var titles: [String] = []
    /// The text of each element, whole.
    var texts: [String] = []
    /// The texts inside each node's or edge's `<g>` (by its id), in order.
    var textsByID: [String: [String]] = [:]
    /// The ids of the open elements that have a class (nil for the others).
    private var open: [String?] = []

    static func parse(_ bytes: [UInt8]) -> SVGDocument? {
        let document = SVGDocument()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = document
        return parser.parse() ? document : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        // Texts belong to the node or edge group (which has a class), not to its tooltip anchor.
        open.append(attributes["class"] != nil ? attributes["id"] : nil)
        if let id = attributes["id"] {
            ids.insert(id)
            if let c = attributes["class"] { classes[id] = c }
        }
        if let t = attributes["xlink:title"] { titles.append(t) }
    }

    private var text = ""

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty {
            texts.append(trimmed)
            if elementName == "text", let id = open.last(where: { $0 != nil }) ?? nil {
                textsByID[id, default: []].append(trimmed)
            }
        }
        text = ""
        open.removeLast()
    }

    /// Ids of elements whose class list contains every word of `classes`.
    func ids(withClasses classes: String) -> [String] {
        let wanted = Set(classes.split(separator: " "))
        return self.classes.filter { wanted.isSubset(of: Set($0.value.split(separator: " "))) }.map(\.key).sorted()
    }
}

extension SVGDocument {
    /// Whether the picture's legend has an entry for `role`: its caption is one of the texts of
    /// the element with id `legend`.
    func legendShows(_ role: StyleRole) -> Bool {
        textsByID["legend"]?.contains(Legend.caption(for: role)) ?? false
    }
}

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Array(bytes[12..<16]) == Array("IHDR".utf8)
    else { return nil }
    let be = { (o: Int) in bytes[o..<o + 4].reduce(0) { ($0 << 8) | Int($1) } }
    return (be(16), be(20))
}

/// A training loop of about `steps` × 9 recorded ops: a shared weight feeds every step.
func trainingLoopScript(steps: Int) -> String {
    """
    import torch
    torch.manual_seed(0)
    w = torch.randn(4, 4, requires_grad=True)
    b = torch.zeros(4, requires_grad=True)
    x = torch.randn(8, 4)
    for step in range(\(steps)):
        h = x @ w + b
        a = torch.tanh(h)
        loss = (a * a).mean()
        loss.backward()
        with torch.no_grad():
            w -= 0.01 * w.grad
            b -= 0.01 * b.grad
        w.grad.zero_()
        b.grad.zero_()
    print(loss.item() > 0)
    """
}

/// The ids of the nodes declared inside DOT cluster `cluster` (also in clusters nested in it).
func dotClusterMembers(_ dot: String, _ cluster: String) -> [String] {
    var members: [String] = []
    var depth = 0
    for line in dot.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
        if depth == 0 {
            if line == "subgraph \"\(cluster)\" {" { depth = 1 }
            continue
        }
        if line.hasPrefix("subgraph ") { depth += 1 } else if line == "}" { depth -= 1 }
        if line.hasPrefix("\""), let end = line.dropFirst().firstIndex(of: "\""), !line.contains("->") {
            members.append(String(line[line.index(after: line.startIndex)..<end]))
        }
    }
    return members
}

/// The DOT statement of node `id` (nil if there is none).
func dotNodeStatement(_ dot: String, _ id: String) -> String? {
    dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("\"\(id)\" [") }
}
