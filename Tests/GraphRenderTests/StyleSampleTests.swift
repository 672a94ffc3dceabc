import Foundation
import Testing

@testable import GraphRender

@Suite struct StyleSampleTests {
    /// Renders the all-styles sample; set GRADSCOPE_STYLE_SAMPLE=/path/base to also write
    /// base.png, base.svg and base.dot for a human to look at.
    @Test func sampleWithEveryStyleRendersInEveryFormat() throws {
        let dot = StyleSample.dot
        let png = try GraphvizRenderer.render(dot: dot, format: .png)
        let svg = try GraphvizRenderer.render(dot: dot, format: .svg)
        let pdf = try GraphvizRenderer.render(dot: dot, format: .pdf)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let document = try #require(SVGDocument.parse(svg))
        for role in StyleRole.allCases { #expect(document.legendShows(role), "legend entry for \(role)") }
        if let base = ProcessInfo.processInfo.environment["GRADSCOPE_STYLE_SAMPLE"] {
            try AtomicFileWriter.write(png, to: base + ".png")
            try AtomicFileWriter.write(svg, to: base + ".svg")
            try AtomicFileWriter.write(Array(dot.utf8), to: base + ".dot")
        }
    }
}
