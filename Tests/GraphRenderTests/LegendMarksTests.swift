import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// The legend explains the marks a picture draws beyond node and edge styles: backward frames,
/// `×n` fold badges, `updated ×n` tensors and versions (`· vN`), each only when drawn.
@Suite struct LegendMarksTests {
    func svg(_ sample: String, unfold: Bool = false, showGrads: Bool = false) throws -> SVGDocument {
        var options = RenderOptions()
        options.unfold = unfold
        options.showGrads = showGrads
        return try #require(SVGDocument.parse(try DOTWriter(graph: try recordSample(sample), options: options).render(.svg)))
    }

    @Test func aFoldedLoopExplainsItsFrameBadgesAndUpdates() throws {
        let svg = try svg("training_loop")
        #expect(svg.texts.contains("backward ×20 (line 14)") && svg.legendShows(.passFrame))
        #expect(svg.ids.contains { $0.hasPrefix("fold_") } && svg.legendShows(.foldedNode))
        #expect(svg.texts.contains("updated ×20") && svg.legendShows(.updatedTensor))
    }

    @Test func unfoldedInPlaceChangesExplainTheirVersions() throws {
        let svg = try svg("training_loop", unfold: true)
        #expect(svg.texts.contains { $0.hasSuffix("· v1") } && svg.legendShows(.tensorVersion))
        #expect(!svg.legendShows(.foldedNode) && !svg.legendShows(.updatedTensor))
    }

    @Test func marksThePictureDoesNotDrawAreNotExplained() throws {
        let framed = try svg("nan_grad", showGrads: true)
        #expect(!framed.ids(withClasses: "pass").isEmpty && framed.legendShows(.passFrame))
        #expect(!framed.legendShows(.foldedNode) && !framed.legendShows(.updatedTensor) && !framed.legendShows(.tensorVersion))
        let plain = try svg("tutorial", showGrads: true)
        #expect(plain.ids(withClasses: "pass").isEmpty && !plain.legendShows(.passFrame))
    }
}
