import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// samples/saved_hooks.py: the buffers the checkpointed block and the pack/unpack pair saved are
/// drawn packed by a hook, without a size, with a legend entry saying the tensor is not kept,
/// and the viewer's panel says what the node holds; the one buffer saved without hooks (pow's
/// `self`) is drawn freed, with its size, as before.
@Suite struct PackedSavedBufferRenderTests {
    private static func svg() throws -> SVGDocument {
        var options = RenderOptions()
        options.showSaved = true
        return try #require(
            SVGDocument.parse(try DOTWriter(graph: try recordSample("saved_hooks"), options: options).render(.svg)))
    }

    @Test func packedBuffersAreDrawnApartWithoutASize() throws {
        let svg = try Self.svg()
        let packed = svg.ids(withClasses: "saved packed")
        // Checkpointed block: addmm mat1, tanh result, addmm mat1 and mat2; hooked head: addmm
        // mat1 and mat2, sigmoid result.
        #expect(packed.count == 7, "\(packed)")
        for id in packed {
            let lines = svg.textsByID[id] ?? []
            #expect(lines.contains("packed by hook") && lines.contains("freed by backward · line 31"), "\(id): \(lines)")
            #expect(!lines.contains { $0.contains(" B · ") }, "\(id): \(lines)")
        }
        let freed = svg.ids(withClasses: "saved freed")
        #expect(freed.count == 1)
        #expect(svg.textsByID[freed[0]] == ["saved self", "(3, 1) · 12 B · v0", "freed by backward · line 31"])
        #expect(svg.titles.contains { $0.contains("the node holds what the pack hook returned, not these 96 B") })
    }

    @Test func theViewerPanelSaysWhatAPackedBufferHolds() throws {
        let html = try ViewerPage(graph: try recordSample("saved_hooks"), title: "saved_hooks.py").html()
        let start = try #require(html.firstRange(of: "<script type=\"application/json\" id=\"gradscope-data\">"))
        let end = try #require(html[start.upperBound...].firstRange(of: "</script>"))
        let model = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        let ops = try #require((model as? [String: Any])?["ops"] as? [String: [String: Any]])
        let texts = ops.values.flatMap { ($0["saved"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        let packed = texts.filter { $0.hasPrefix("packed by a saved-tensor hook") }
        #expect(texts.count == 8 && packed.count == 7, "\(texts)")
        #expect(
            packed.allSatisfy { $0.contains("the node holds what the pack hook returned") && $0.contains("freed by backward") })
    }

    @Test func theLegendExplainsPackedBuffers() throws {
        let svg = try Self.svg()
        #expect(svg.legendShows(.savedPacked) && svg.legendShows(.savedFreed) && !svg.legendShows(.savedRetained))
        #expect(Legend.caption(for: .savedPacked) == "saved buffer packed by a hook: tensor not kept")
    }
}
