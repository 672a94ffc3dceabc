import Foundation
import Testing

@testable import GraphRender

/// Clusters are drawn in the order the DOT text names them, whatever the heap looks like:
/// cgraph's default id discipline ordered them by the addresses of their interned names, so
/// the same DOT gave SVGs with clusters in a different order from run to run.
@Suite struct ClusterOrderTests {
    /// Names chosen so that neither alphabetical nor length order is the order of mention.
    private static let names = ["cluster_zeta", "cluster_a", "cluster_mid", "cluster_b2", "cluster_region_0", "cluster_pass_0"]

    private static var dot: String {
        let clusters = names.enumerated().map { k, name in "  subgraph \(name) { label=\"\(name)\"; n\(k); }" }
        return "digraph G {\n" + clusters.joined(separator: "\n") + "\n  n0 -> n5;\n}"
    }

    /// The cluster ids in the order the SVG draws them.
    private static func drawnOrder(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g id=\"").dropFirst().compactMap { piece in
            guard piece.contains("class=\"cluster\"") || piece.hasPrefix("clust") else { return nil }
            return String(piece.prefix { $0 != "\"" })
        }
    }

    @Test func clustersAreDrawnInTheOrderTheTextNamesThem() throws {
        // Different heap histories between renders: strings of the interned names' sizes made
        // and freed in between, as a long run of a script would.
        var expected: [String]?
        for round in 0..<12 {
            let junk = (0..<(round * 37)).map { String(repeating: "x", count: 16 + $0 % 48) + "\($0)" }
            let svg = String(decoding: try GraphvizRenderer.render(dot: Self.dot, format: .svg), as: UTF8.self)
            #expect(junk.count == round * 37)
            let order = Self.drawnOrder(svg)
            #expect(order.count == Self.names.count, "\(order)")
            if let expected { #expect(order == expected) } else { expected = order }
        }
        let titles = try String(decoding: GraphvizRenderer.render(dot: Self.dot, format: .svg), as: UTF8.self)
            .components(separatedBy: "<title>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(titles.filter { $0.hasPrefix("cluster_") } == Self.names)
    }
}
