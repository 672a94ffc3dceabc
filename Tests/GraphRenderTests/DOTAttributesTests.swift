import Foundation
import Testing

@testable import GraphRender

@Suite struct DOTAttributesTests {
    @Test func quotedEscapesQuotesBackslashesAndNewlines() {
        #expect(DOTEscape.quoted("plain") == "\"plain\"")
        #expect(DOTEscape.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(DOTEscape.quoted("a\\b") == "\"a\\\\b\"")
        #expect(DOTEscape.quoted("one\ntwo\r\n") == "\"one\\ntwo\\n\"")
        #expect(DOTEscape.quoted("") == "\"\"")
        #expect(DOTEscape.identifier("node") == "\"node\"")
    }

    @Test func htmlEscapesMarkupCharacters() {
        #expect(DOTEscape.html("a<b & c>\"d\"'") == "a&lt;b &amp; c&gt;&quot;d&quot;&#39;")
        #expect(DOTEscape.html("one\ntwo") == "one<BR/>two")
    }

    @Test func attributesKeepOrderAndReplaceInPlace() {
        var attributes: DOTAttributes = ["shape": "box", "color": "red", "label": "x"]
        attributes["color"] = "blue"
        attributes["label"] = nil
        attributes["id"] = "n1"
        #expect(attributes.dot == "[shape=\"box\", color=\"blue\", id=\"n1\"]")
        #expect(attributes.statements == "shape=\"box\"; color=\"blue\"; id=\"n1\";")
        #expect(DOTAttributes().dot == "")
        let merged = attributes.merging(["color": "green", "style": "dashed"])
        #expect(merged.dot == "[shape=\"box\", color=\"green\", id=\"n1\", style=\"dashed\"]")
        #expect(DOTValue.html("<B>x</B>").dot == "<<B>x</B>>")
    }

    /// Text with DOT-special characters survives the trip through Graphviz unchanged.
    @Test func escapedTextRendersLiterallyInSVG() throws {
        let label = "say \"hi\" \\N {x}; <y> & z"
        let tooltip = "line one\nline \"two\""
        let html = DOTValue.html(DOTEscape.html("a<b> & \"c\""))
        let dot = """
            digraph {
              n1 [label=\(DOTEscape.quoted(label)), tooltip=\(DOTEscape.quoted(tooltip)), id="n1"];
              n2 [label=\(html.dot), id="n2"];
              n1 -> n2;
            }
            """
        let svg = String(decoding: try GraphvizRenderer.render(dot: dot, format: .svg), as: UTF8.self)
        #expect(svg.contains(">say &quot;hi&quot; \\N {x}; &lt;y&gt; &amp; z</text>"))
        #expect(svg.contains("xlink:title=\"line one&#10;line &quot;two&quot;\""))
        #expect(svg.contains(">a&lt;b&gt; &amp; &quot;c&quot;</text>"))
    }
}
