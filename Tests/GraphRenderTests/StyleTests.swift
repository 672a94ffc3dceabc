import Foundation
import Testing

@testable import GraphRender

/// Relative luminance-ish brightness (0…765) of a `#rrggbb` colour.
private func brightness(_ color: String) -> Double {
    guard let (r, g, b) = Style.rgb(color) else { return -1 }
    return r + g + b
}

@Suite struct StyleTests {
    @Test func gradientColourDarkensWithMagnitude() {
        let magnitudes = [0, 1e-6, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100, 1e6]
        let levels = magnitudes.map { brightness(Style.gradientColor(magnitude: $0)) }
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 >= $1 }, "\(levels)")
        #expect(Style.gradientColor(magnitude: 0) == Style.Palette.gradientRamp.first)
        #expect(Style.gradientColor(magnitude: 1e-4) == Style.Palette.gradientRamp.first)
        #expect(Style.gradientColor(magnitude: 100) == Style.Palette.gradientRamp.last)
        #expect(Style.gradientColor(magnitude: 1e9) == Style.Palette.gradientRamp.last)
        #expect(Style.gradientColor(magnitude: -10) == Style.gradientColor(magnitude: 10))
        // 0.1 sits halfway between 1e-4 and 1e2 on the log scale: the middle stop.
        #expect(Style.gradientColor(magnitude: 0.1) == Style.Palette.gradientRamp[2])
        #expect(Style.gradientPosition(magnitude: 0.1) == 0.5)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteGradientsAreRed(magnitude: Double) {
        #expect(Style.gradientColor(magnitude: magnitude) == Style.Palette.error)
        #expect(Style.gradientEdge(magnitude: magnitude) == Style.attributes(for: .nonFiniteGradient))
    }

    @Test func gradientEdgesThickenWithMagnitude() {
        func width(_ magnitude: Double) -> Double {
            guard case .text(let text)? = Style.gradientEdge(magnitude: magnitude)["penwidth"] else { return -1 }
            return Double(text) ?? -1
        }
        #expect(width(1e-5) == 1.2)
        #expect(width(1e-5) < width(1e-2))
        #expect(width(1e-2) < width(1))
        #expect(width(1) < width(1e3))
        #expect(width(1e3) == 3.5)
    }

    @Test func everyRoleHasAClassAndNodeRolesAShapeOrOverlay() {
        for role in StyleRole.allCases {
            let attributes = Style.attributes(for: role)
            #expect(attributes["class"] != nil, "\(role)")
            let clusterOrOverlay: [StyleRole] = [
                .gradModeRegion, .moduleCall, .loopBox, .passFrame, .detached, .noGradientLeaf, .firstNonFinite,
                .foldedNode, .updatedTensor, .tensorVersion
            ]
            if !role.isEdgeRole && !clusterOrOverlay.contains(role) {
                #expect(attributes["shape"] != nil, "\(role)")
            }
        }
    }

    @Test func overlaysApplyOnTopOfTheBaseRole() {
        let faded = Style.attributes(for: [.intermediate, .detached])
        #expect(faded["fontcolor"] == .text(Style.Palette.detachedText))
        #expect(faded["shape"] == "box")
        let marked = Style.attributes(for: [.parameterLeaf, .noGradientLeaf])
        #expect(marked["fillcolor"] == .text(Style.Palette.parameterFill))
        #expect(marked["color"] == .text(Style.Palette.warning))
    }

    @Test func savedBufferStatesMapToRolesAndLabels() {
        #expect(SavedBufferState.retained.role == .savedRetained)
        #expect(SavedBufferState.freed.role == .savedFreed)
        let invalid = SavedBufferState.invalidated(savedVersion: 0, currentVersion: 2)
        #expect(invalid.role == .savedInvalidated)
        #expect(Style.savedLabel(name: "self", detail: "(3,) · 12 B", state: .retained) == .text("saved self\n(3,) · 12 B"))
        #expect(Style.savedLabel(name: "other", detail: "", state: .freed) == .text("saved other\nfreed"))
        #expect(Style.savedLabel(name: "self", detail: "(3,)", state: invalid) == .text("saved self\n(3,)\nsaved v0 · now v2"))
        #expect(Style.attributes(for: .savedFreed)["style"] == "dashed,filled")
        #expect(Style.attributes(for: .savedInvalidated)["color"] == .text(Style.Palette.error))
        #expect(SavedBufferState.packed.role == .savedPacked)
        #expect(
            Style.savedLabel(name: "mat1", detail: "(3, 4) · v0", state: .packed)
                == .text("saved mat1\n(3, 4) · v0\npacked by hook"))
        #expect(Style.savedBufferEdge(.packed)["color"] == .text(Style.Palette.packedBorder))
    }

    @Test func regionAndDetachLabels() {
        #expect(Style.regionLabel(kind: "no_grad", lines: 3...5) == .text("no_grad · lines 3–5"))
        #expect(Style.regionLabel(kind: "inference_mode", lines: 7...7) == .text("inference_mode · line 7"))
        #expect(Style.detachLabel(line: 4) == .text("detach · line 4"))
        #expect(Style.detachLabel(line: nil) == .text("detach"))
    }

    @Test func opAndTensorLabelsEscapeTheirText() {
        #expect(
            Style.opLabel(op: "a<b", gradFn: "MulBackward0", line: 7)
                == Style.stackedLabel([
                    "<B>a&lt;b</B>", "<FONT POINT-SIZE=\"8.5\">MulBackward0</FONT>", "<FONT POINT-SIZE=\"8\">line 7</FONT>"
                ]))
        #expect(
            Style.opLabel(op: "add", gradFn: nil, line: nil)
                == .html(
                    "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD><B>add</B></TD></TR>"
                        + "<TR><TD><FONT POINT-SIZE=\"8.5\">no grad_fn</FONT></TD></TR></TABLE>"))
        guard case .html(let html) = Style.tensorLabel(name: "x&y", detail: "(2, 3)", noGradient: true) else {
            Issue.record("tensor labels are HTML-like")
            return
        }
        #expect(html.contains("<TR><TD><B>x&amp;y</B></TD></TR><TR>"))
        #expect(html.contains("grad is None"))
    }

    @Test func formattedWidthsAreShort() {
        #expect(Style.formatted(1.2) == "1.2")
        #expect(Style.formatted(3.5) == "3.5")
        #expect(Style.formatted(2) == "2")
        #expect(Style.formatted(1.234) == "1.23")
        #expect(Style.formatted(1.05) == "1.05")
    }
}
