import Foundation
import Testing

@testable import GraphRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects every `id` attribute in an SVG document.
private final class IdCollector: NSObject, XMLParserDelegate {
    var ids: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if let id = attributeDict["id"] { ids.append(id) }
    }
}

/// The legend entry roles present in the SVG rendering of a graph holding only `legend`.
private func renderedLegendRoles(_ legend: String) throws -> Set<StyleRole> {
    let dot = "digraph { graph \(Style.graph.dot); node \(Style.node.dot); edge \(Style.edge.dot);\n\(legend)\n}"
    let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
    let parser = XMLParser(data: Data(svg))
    let collector = IdCollector()
    parser.delegate = collector
    #expect(parser.parse())
    let entryIds = collector.ids.filter { $0.hasPrefix("legend_") }
    #expect(entryIds.count == Set(entryIds).count, "each entry appears once: \(entryIds)")
    return Set(entryIds.compactMap { StyleRole(rawValue: String($0.dropFirst("legend_".count))) })
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

    @Test func legendIsAClusterWithOneColumnPerKindOfRole() {
        let both = Legend.dot(for: [.op, .dataEdge])
        #expect(both.hasPrefix("subgraph \"cluster_legend\" {"))
        #expect(both.contains("Tensors and ops") && both.contains("Saved buffers and edges"))
        let nodesOnly = Legend.dot(for: [.op])
        #expect(nodesOnly.contains("Tensors and ops") && !nodesOnly.contains("Saved buffers and edges"))
    }

    @Test func legendSamplesUseTheRolesOwnLook() {
        let text = Legend.dot(for: [.parameterLeaf, .detachEdge])
        #expect(text.contains("fillcolor=\"\(Style.Palette.parameterFill)\""))
        #expect(text.contains("arrowhead=\"tee\""))
        #expect(text.contains("color=\"\(Style.Palette.detach)\""))
    }
}
