/// Graphviz's SVG adapted for reading in a browser: the picture scales to the window, and every
/// edge gets a wide invisible twin of its path so that its tooltip is easy to hover.
///
/// Graphviz writes one element per line, an edge as `<g id=… class="edge …">` holding its path
/// (inside the tooltip's `<a>`), its arrowhead and its label; the rewrite works on those lines
/// and leaves every other byte as Graphviz wrote it.
enum BrowserSVG {
    /// The stroke width, in points, of an edge's hover target.
    static let hoverWidth = 10

    /// `svg` with the root element sized `width="100%" height="100%"` (its `viewBox` keeps the
    /// proportions) and a transparent hover target after each edge path.
    static func adapted(_ svg: [UInt8]) -> [UInt8] {
        var output: [String] = []
        var inEdge = false
        var sizedRoot = false
        for line in String(decoding: svg, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if !sizedRoot, line.hasPrefix("<svg ") {
                output.append(scaledRoot(String(line)))
                sizedRoot = true
                continue
            }
            output.append(String(line))
            if line.hasPrefix("<g id=") && !line.hasPrefix("<g id=\"a_") {
                inEdge = line.contains("class=\"edge")
            } else if inEdge && line.hasPrefix("<path fill=\"none\""), let target = hoverTarget(for: line) {
                output.append(target)
            }
        }
        return Array(output.joined(separator: "\n").utf8)
    }

    /// The `<svg` start line with its `width="…pt"` and `height="…pt"` replaced by 100%.
    static func scaledRoot(_ line: String) -> String {
        var result = line
        for attribute in ["width", "height"] {
            guard let start = result.range(of: " \(attribute)=\""),
                let end = result[start.upperBound...].firstIndex(of: "\"")
            else { continue }
            result.replaceSubrange(start.lowerBound...end, with: " \(attribute)=\"100%\"")
        }
        return result
    }

    /// A transparent, wide copy of an edge's `<path … d="…"/>` line, or nil without a `d`.
    static func hoverTarget(for path: Substring) -> String? {
        guard let start = path.range(of: " d=\""), let end = path[start.upperBound...].firstIndex(of: "\"") else {
            return nil
        }
        let geometry = path[start.upperBound..<end]
        return "<path class=\"hover-target\" fill=\"none\" stroke=\"transparent\" stroke-width=\"\(hoverWidth)\" "
            + "d=\"\(geometry)\"/>"
    }
}
