import Foundation

/// The texts of a Graphviz SVG with what they are painted on, found as a browser paints: in
/// document order, a text sits on the last filled shape drawn before it (a node's box, a table
/// cell, a cluster's fill, the white page) whose bounding box holds it. Edge shapes (arrowheads)
/// are never a background. Graphviz writes one element per line, which this relies on.
struct SVGPaint {
    struct Text {
        var content: String
        var x: Double
        var y: Double
        var size: Double
        /// `#rrggbb`.
        var color: String
        var background: String
        /// The id of the node, edge or cluster group it belongs to.
        var group: String
    }

    private(set) var texts: [Text] = []

    init(_ svg: [UInt8]) {
        var shapes: [(box: (Double, Double, Double, Double), color: String)] = []
        var group = ""
        var inEdge = false
        for raw in String(decoding: svg, as: UTF8.self).split(separator: "\n") {
            let line = String(raw)
            if line.hasPrefix("<g id=\""), let cls = SVGPaint.attribute("class", in: line) {
                group = SVGPaint.attribute("id", in: line) ?? ""
                inEdge = cls.hasPrefix("edge")
                continue
            }
            if line.hasPrefix("<text") {
                guard let x = SVGPaint.number("x", in: line), let y = SVGPaint.number("y", in: line),
                    let size = SVGPaint.number("font-size", in: line)
                else { continue }
                let content = line.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                let anchor = SVGPaint.attribute("text-anchor", in: line) ?? "start"
                let probeX = anchor == "start" ? x + 1 : anchor == "end" ? x - 1 : x
                let probeY = y - size * 0.3
                let background =
                    shapes.last { s in
                        s.box.0 <= probeX && probeX <= s.box.2 && s.box.1 <= probeY && probeY <= s.box.3
                    }?.color ?? "#ffffff"
                let color = SVGPaint.attribute("fill", in: line).flatMap(SVGPaint.hex) ?? "#000000"
                texts.append(
                    Text(content: String(content), x: x, y: y, size: size, color: color, background: background, group: group))
                continue
            }
            guard !inEdge, line.hasPrefix("<polygon") || line.hasPrefix("<path") || line.hasPrefix("<ellipse"),
                let fill = SVGPaint.attribute("fill", in: line).flatMap(SVGPaint.hex), let box = SVGPaint.box(line)
            else { continue }
            shapes.append((box, fill))
        }
    }

    /// The bounding box (minX, minY, maxX, maxY) of a polygon's points, a path's coordinates or an ellipse.
    static func box(_ line: String) -> (Double, Double, Double, Double)? {
        if line.hasPrefix("<ellipse") {
            guard let cx = number("cx", in: line), let cy = number("cy", in: line), let rx = number("rx", in: line),
                let ry = number("ry", in: line)
            else { return nil }
            return (cx - rx, cy - ry, cx + rx, cy + ry)
        }
        guard let geometry = attribute(line.hasPrefix("<path") ? "d" : "points", in: line) else { return nil }
        var xs: [Double] = []
        var ys: [Double] = []
        for pair in geometry.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "C" || $0 == "L" || $0 == "Z" }) {
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { continue }
            xs.append(x)
            ys.append(y)
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return (minX, minY, maxX, maxY)
    }

    /// `#rrggbb` for a fill: hex colours as written, `white` and `black`; nil for `none` and
    /// `transparent` (nothing painted).
    static func hex(_ fill: String) -> String? {
        switch fill.lowercased() {
        case "none", "transparent": return nil
        case "white": return "#ffffff"
        case "black": return "#000000"
        default: return fill.hasPrefix("#") && fill.count == 7 ? fill.lowercased() : nil
        }
    }

    static func attribute(_ name: String, in line: String) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        return String(line[start.upperBound...].prefix { $0 != "\"" })
    }

    static func number(_ name: String, in line: String) -> Double? { attribute(name, in: line).flatMap(Double.init) }

    /// WCAG 2 contrast ratio of two `#rrggbb` colours, 1…21.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ color: String) -> Double {
            let value = UInt32(color.dropFirst(), radix: 16) ?? 0
            let channels = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
