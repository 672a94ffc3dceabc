import Foundation
import Testing

@testable import GraphRender

/// The legend entry roles present in the SVG rendering of a graph holding only `legend`: the
/// roles whose caption is among the legend's texts.
private func renderedLegendRoles(_ legend: String) throws -> Set<StyleRole> {
    let dot = "digraph { graph \(Style.graph.dot); node \(Style.node.dot); edge \(Style.edge.dot);\n\(legend)\n}"
    let svg = try #require(SVGDocument.parse(try GraphvizRenderer.render(dot: dot, format: .svg)))
    let texts = svg.textsByID["legend"] ?? []
    for role in StyleRole.allCases {
        #expect(texts.filter { $0 == Legend.caption(for: role) }.count <= 1, "each entry appears once: \(role)")
    }
    return Set(StyleRole.allCases.filter(svg.legendShows))
}

@Suite struct LegendTests {
    @Test(arguments: [
        Set<StyleRole>([.parameterLeaf, .op, .gradientEdge]),
        [.detachEdge, .detached, .savedFreed],
        [.gradModeRegion, .untrackedOp],
        [.moduleCall, .collapsedModule],
        [.nonFiniteGradient],
        [.backwardRoot],
        Set(StyleRole.allCases)
    ])
    func legendListsExactlyTheGivenRoles(roles: Set<StyleRole>) throws {
        #expect(try renderedLegendRoles(Legend.dot(for: roles)) == roles)
        let text = Legend.dot(for: roles)
        for role in StyleRole.allCases where !roles.contains(role) {
            #expect(!text.contains("\"\(Legend.id(for: role))"), "\(role) must not appear")
        }
    }

    @Test func emptyRoleSetGivesNoLegend() {
        #expect(Legend.dot(for: []).isEmpty)
    }

    @Test func entriesFollowRoleOrder() {
        #expect(Legend.entries(for: [.nonFiniteGradient, .op, .parameterLeaf]) == [.parameterLeaf, .op, .nonFiniteGradient])
    }

    @Test func theKeyIsACompactTableOfSamplesAndCaptions() throws {
        let table = try #require(Legend.table(for: [.op, .dataEdge, .parameterLeaf]))
        guard case .html(let html) = table else { throw LegendTestError.notHTML }
        // Three entries: one row of three samples, each beside its caption.
        #expect(html.components(separatedBy: "<TR>").count - 1 == 1)
        for role in [StyleRole.op, .dataEdge, .parameterLeaf] {
            #expect(html.contains("ID=\"\(Legend.id(for: role))\"") && html.contains(Legend.caption(for: role)))
        }
        #expect(Legend.columns(forEntries: 3) == 3 && Legend.columns(forEntries: 8) == 2)
        #expect(Legend.columns(forEntries: 20) == 3)
    }

    @Test func legendSamplesUseTheRolesOwnLook() {
        let text = Legend.dot(for: [.parameterLeaf, .detachEdge])
        #expect(text.contains("BGCOLOR=\"\(Style.Palette.parameterFill)\" COLOR=\"\(Style.Palette.parameterBorder)\""))
        #expect(text.contains("COLOR=\"\(Style.Palette.detach)\" STYLE=\"dashed\""))
    }

    /// The key sits below the graph: in a picture as wide as the key it widens nothing, and it is
    /// drawn under every node.
    @Test func theKeyIsBelowTheGraphNotBesideIt() throws {
        let graph = try recordSample("selective_backprop")
        var options = RenderOptions()
        options.showGrads = true
        let with = try DOTWriter(graph: graph, options: options).render(.svg)
        options.legend = false
        let without = try DOTWriter(graph: graph, options: options).render(.svg)
        let (w, wo) = (try #require(svgWidth(with)), try #require(svgWidth(without)))
        #expect(w <= wo * 1.05, "the legend widened the picture from \(wo) to \(w)")
        let dot = try DOTWriter(graph: graph, options: RenderOptions()).dot()
        #expect(dot.contains("subgraph \"cluster_legend\" {") && dot.contains("labelloc=\"b\""))
    }
}

/// The width of an SVG's viewBox.
private func svgWidth(_ svg: [UInt8]) -> Double? {
    let text = String(decoding: svg, as: UTF8.self)
    guard let range = text.range(of: "viewBox=\"") else { return nil }
    let numbers = text[range.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
    return numbers.count == 4 ? Double(numbers[2]) : nil
}

private enum LegendTestError: Error { case notHTML }
