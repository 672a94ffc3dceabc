import Foundation
import Testing

@testable import GraphRender

/// A PNG larger than cairo can draw is refused with a message that says what to do instead.
@Suite struct BitmapLimitTests {
    /// A chain of `n` nodes spaced `rankSeparation` inches apart.
    static func chain(_ n: Int, rankSeparation: Int) -> String {
        let edges = (0..<n - 1).map { "n\($0) -> n\($0 + 1);" }.joined(separator: " ")
        return "digraph { graph [ranksep=\"\(rankSeparation)\", pad=\"0.25\"]; \(edges) }"
    }

    @Test func aTooTallPNGIsRefusedWithSuggestions() throws {
        // 40 ranks 10 inches apart: about 37,500 pixels at 96 dpi, past cairo's 32,767.
        let dot = BitmapLimitTests.chain(40, rankSeparation: 10)
        do {
            _ = try GraphvizRenderer.render(dot: dot, format: .png)
            Issue.record("a 37,500-pixel PNG was drawn")
        } catch let e as RenderError {
            #expect(e.kind == .pictureTooLarge)
            #expect(e.message.contains("too large for a PNG") && e.message.contains("32767 pixels a side"), "\(e)")
            #expect(e.message.contains("-o graph.svg") && e.message.contains("--max-nodes") && e.message.contains("--depth"))
        }
        // The same picture as SVG is fine: vectors have no such limit.
        #expect(!(try GraphvizRenderer.render(dot: dot, format: .svg)).isEmpty)
    }

    @Test func aPNGUnderTheLimitIsDrawnAtFullSize() throws {
        // 20 ranks 10 inches apart: about 18,500 pixels tall, drawn as it is (not scaled down).
        let png = try GraphvizRenderer.render(dot: BitmapLimitTests.chain(20, rankSeparation: 10), format: .png)
        let size = try #require(pngSize(png))
        #expect(size.height > 18_000 && size.height <= GraphvizRenderer.maxBitmapSide, "\(size)")
    }

    /// DOTWriter no longer caps big pictures with `size`, which drew them scaled to a strip.
    @Test func bigScenesAreNotScaledDown() throws {
        var options = RenderOptions()
        options.unfold = true
        let dot = try DOTWriter(graph: recordScript(trainingLoopScript(steps: 30)), options: options).dot()
        #expect(dot.contains("nslimit"), "over 150 nodes")
        #expect(!dot.contains("size=\"125,125\""))
    }
}
