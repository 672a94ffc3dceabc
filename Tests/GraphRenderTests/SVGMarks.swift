import Foundation

/// The lines a Graphviz SVG strokes (node borders, edges, arrowheads, cluster frames) with what
/// each is drawn over: the fill of the innermost cluster holding the mark's first point, or the
/// white page. Invisible strokes (`transparent`, `none`: hover targets, fills) are not marks.
/// Graphviz writes one element per line, which this relies on.
struct SVGMarks {
    struct Mark {
        /// `#rrggbb`.
        var color: String
        var background: String
        /// The id and class of the node, edge or cluster group it belongs to.
        var group: String
        var groupClass: String
    }

    typealias Box = (minX: Double, minY: Double, maxX: Double, maxY: Double)

    private(set) var marks: [Mark] = []
    /// Each cluster's box and fill, by its id.
    private(set) var clusters: [String: (box: Box, fill: String)] = [:]

    init(_ svg: [UInt8]) {
        var strokes: [(color: String, point: (Double, Double), group: String, groupClass: String)] = []
        var group = ""
        var groupClass = ""
        for raw in String(decoding: svg, as: UTF8.self).split(separator: "\n") {
            let line = String(raw)
            if line.hasPrefix("<g id=\""), let cls = SVGPaint.attribute("class", in: line) {
                group = SVGPaint.attribute("id", in: line) ?? ""
                groupClass = cls
                continue
            }
            guard
                line.hasPrefix("<polygon") || line.hasPrefix("<path") || line.hasPrefix("<ellipse")
                    || line.hasPrefix("<polyline"), let box = SVGPaint.box(line)
            else { continue }
            if groupClass.hasPrefix("cluster"), clusters[group] == nil {
                clusters[group] = (
                    (box.0, box.1, box.2, box.3), SVGPaint.attribute("fill", in: line).flatMap(SVGPaint.hex) ?? "#ffffff"
                )
            }
            guard let stroke = SVGPaint.attribute("stroke", in: line).flatMap(SVGPaint.hex) else { continue }
            let point = SVGMarks.firstPoint(line) ?? (box.0, box.1)
            strokes.append((stroke, point, group, groupClass))
        }
        for s in strokes {
            let holding = clusters.filter { id, c in
                id != s.group && c.box.minX <= s.point.0 && s.point.0 <= c.box.maxX && c.box.minY <= s.point.1
                    && s.point.1 <= c.box.maxY
            }
            let innermost = holding.min { a, b in SVGMarks.area(a.value.box) < SVGMarks.area(b.value.box) }
            marks.append(
                Mark(color: s.color, background: innermost?.value.fill ?? "#ffffff", group: s.group, groupClass: s.groupClass))
        }
    }

    /// The first coordinate pair of a path or polygon (an edge's start, on its source's border).
    static func firstPoint(_ line: String) -> (Double, Double)? {
        guard let geometry = SVGPaint.attribute(line.hasPrefix("<path") ? "d" : "points", in: line) else { return nil }
        let pair = geometry.drop { $0 == "M" }.prefix { $0 != " " && $0 != "C" && $0 != "L" }.split(separator: ",")
        guard pair.count == 2, let x = Double(pair[0]), let y = Double(pair[1]) else { return nil }
        return (x, y)
    }

    static func area(_ b: Box) -> Double { (b.maxX - b.minX) * (b.maxY - b.minY) }
}
