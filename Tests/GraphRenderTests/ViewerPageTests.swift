import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// The HTML viewer's page as GraphRender writes it: self-contained, deterministic, and carrying
/// the model the scripts read (the browser tests under Tests/Browser drive the page itself).
@Suite struct ViewerPageTests {
    static let noGradSource = try! String(contentsOf: samplesDirectory.appendingPathComponent("no_grad.py"), encoding: .utf8)

    func page(_ sample: String) throws -> String {
        let source = try String(contentsOf: samplesDirectory.appendingPathComponent(sample + ".py"), encoding: .utf8)
        return try ViewerPage(graph: try recordSample(sample), source: source, title: sample + ".py").html()
    }

    /// The JSON embedded in a page, parsed.
    func model(_ html: String) throws -> [String: Any] {
        let start = try #require(html.firstRange(of: "<script type=\"application/json\" id=\"gradscope-data\">"))
        let rest = html[start.upperBound...]
        let end = try #require(rest.firstRange(of: "</script>"))
        let object = try JSONSerialization.jsonObject(with: Data(rest[..<end.lowerBound].utf8))
        return try #require(object as? [String: Any])
    }

    /// The model is the same from the same graph; the bytes of whole pages are compared across
    /// processes (ViewerCLITests): Graphviz numbers what it lays out per process, so a second
    /// layout in one process may order its SVG groups differently.
    @Test func theSameGraphGivesTheSameModel() throws {
        let graph = try recordSample("selective_backprop")
        let a = try model(try ViewerPage(graph: graph, title: "s.py").html())
        let b = try model(try ViewerPage(graph: try recordSample("selective_backprop"), title: "s.py").html())
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
    }

    @Test func everyPlaceholderIsFilledAndNothingIsFetched() throws {
        let html = try page("no_grad")
        #expect(!html.contains("{{"))
        #expect(html.contains("<title>no_grad.py · GradScope</title>"))
        #expect(html.firstRange(of: #/(src|href)=["']https?:/#) == nil)
        #expect(html.contains("<template id=\"view-main\">\n<svg"))
        #expect(!html.contains("<?xml"))
        for name in ViewerAssets.scriptNames { #expect(ViewerAssets.files[name] != nil, "\(name)") }
        #expect(html.contains("Copyright (c) 2016 - 2024 Andrei Kashcha"))
    }

    @Test func theModelNamesWhatEachNodeStandsFor() throws {
        let m = try model(try page("no_grad"))
        let views = try #require(m["views"] as? [[String: Any]])
        #expect(views.map { $0["key"] as? String } == ["main"])
        let nodes = try #require(views[0]["nodes"] as? [String: [Any]])
        let w1 = try #require(nodes.first { ($0.value[3] as? String)?.hasPrefix("w1 ") == true })
        #expect(w1.value[0] as? String == "tensor")
        let tensors = try #require(m["tensors"] as? [String: [String: Any]])
        let ref = try #require(w1.value[2] as? String)
        let record = try #require(tensors[String(ref.dropFirst())])
        #expect(record["shape"] as? String == "(2, 2)")
        #expect(record["requires_grad"] as? Bool == true)
        #expect(record["code"] as? String == "`w1 = torch.tensor([[0.5, -1.], [1., 0.25]], requires_grad=True)`")
    }

    @Test func whyModeCarriesTheCLISentencesAndTheNoGradCut() throws {
        let graph = try recordSample("no_grad")
        let html = try ViewerPage(graph: graph, source: Self.noGradSource, title: "no_grad.py").html()
        let m = try model(html)
        let why = try #require(m["why"] as? [[String: Any]])
        let w1 = try #require(graph.tensors(named: "w1").first)
        let entry = try #require(why.first { $0["tensor"] as? Int == w1 })
        #expect(entry["text"] as? String == graph.whyText(graph.explain([w1]), source: Self.noGradSource))
        let views = try #require(m["views"] as? [[String: Any]])
        let outcomes = try #require((views[0]["why"] as? [String: [[String: Any]]])?[String(w1)])
        let cut = try #require(outcomes.first?["cut"] as? [String])
        let mm = try #require(graph.ops.first { $0.line == 10 })
        #expect(Set(cut) == ["t\(w1)", "op\(mm.id)"])
        #expect(outcomes.first?["cut_edges"] as? [String] == ["e_t\(w1)_op\(mm.id)_1"])
        #expect((outcomes.first?["path"] as? [String])?.isEmpty == true)
    }

    @Test func eachPassColoursTheEdgesItsGradientsTook() throws {
        let m = try model(try page("selective_backprop"))
        let views = try #require(m["views"] as? [[String: Any]])
        let byID = try #require(views[0]["passes"] as? [String: [String: Any]])
        #expect(byID.keys.sorted() == ["0", "1", "2"])
        let passes = byID.sorted { $0.key < $1.key }.map(\.value)
        let coloured = passes.map { Set(($0["edges"] as? [String: [String]] ?? [:]).keys) }
        #expect(coloured.allSatisfy { !$0.isEmpty })
        #expect(coloured[0] != coloured[2])
        for p in passes {
            for look in (p["edges"] as? [String: [String]] ?? [:]).values {
                #expect(Style.viewerGradientRamp.contains(look[0]) || look[0].hasPrefix("#"))
            }
            #expect((p["roots"] as? [String])?.isEmpty == false)
        }
    }

    @Test func thePageOpensOnTheChosenPassElseTheLast() throws {
        let graph = try recordSample("selective_backprop")
        var options = RenderOptions()
        options.pass = 0
        #expect(try model(try ViewerPage(graph: graph, options: options).html())["pass"] as? Int == 0)
        #expect(try model(try ViewerPage(graph: graph).html())["pass"] as? Int == 2)
    }

    @Test func foldedLoopsAndModulesGetViewsToExpandAndCollapse() throws {
        let loop = try model(try page("training_loop"))
        #expect((loop["views"] as? [[String: Any]])?.map { $0["key"] as? String } == ["main", "unfolded"])
        let mlp = try model(try page("mlp_module"))
        #expect((mlp["views"] as? [[String: Any]])?.map { $0["key"] as? String } == ["main", "unfolded", "depth0", "depth1"])
    }

    /// A tensor updated in place 40 times has versions 0–40: the page keeps the values of the
    /// first `keptFirst` and last `keptLast` and says how many it left out between them.
    @Test func aLongHistoryKeepsTheFirstAndLastVersionsAndCountsTheRest() throws {
        let source = """
            import torch

            w = torch.tensor([1., 2.], requires_grad=True)
            for step in range(40):
                (w * w).sum().backward()
                with torch.no_grad():
                    w -= 0.1 * w.grad
                w.grad = None
            """
        let graph = recordScript(source, values: true)
        let w = try #require(graph.tensors(named: "w").first)
        #expect(graph.values(of: w).map(\.version) == Array(0...40))
        let page = try model(try ViewerPage(graph: graph, source: source).html())
        let tensors = try #require(page["tensors"] as? [String: [String: Any]])
        let values = try #require(tensors[String(w)]?["values"] as? [[String: Any]])
        #expect(values.map { $0["version"] as? Int } == [0, 1, 2, nil] + (31...40).map { $0 })
        #expect(values[3].count == 3)
        #expect(values[3]["omitted"] as? Int == 28)
        #expect(values[3]["first"] as? Int == 3)
        #expect(values[3]["last"] as? Int == 30)
        #expect(values[13]["text"] as? String == graph.values(of: w).last?.text)
    }

    /// A tensor with no more versions than a page keeps has every one, and no omission entry.
    @Test func aShortHistoryKeepsEveryVersion() {
        let previews = (0..<(ViewerValues.keptFirst + ViewerValues.keptLast)).map { ValuePreview(version: $0, text: "v\($0)") }
        #expect(ViewerValues.entries(previews) == previews.map(ViewerValues.Entry.kept))
        let longer = previews + [ValuePreview(version: 99, text: "last")]
        #expect(ViewerValues.entries(longer).count == ViewerValues.keptFirst + ViewerValues.keptLast + 1)
        #expect(ViewerValues.entries(longer)[ViewerValues.keptFirst] == .omitted(count: 1, first: 3, last: 3))
    }

    @Test func scriptDataCannotCloseItsElement() {
        let json = #"{"name":"</script><script>alert(1)</script>"}"#
        let escaped = HTMLEscape.scriptData(json)
        #expect(!escaped.contains("<"))
        #expect(escaped == #"{"name":"\u003c/script>\u003cscript>alert(1)\u003c/script>"}"#)
        #expect(HTMLEscape.text("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }

    @Test func placeholdersAreFilledOnceAndTextPutInIsNotSearchedAgain() {
        let filled = "<p>{{a}} {{b}} {{unknown}}</p>".filling(["a": "{{b}}", "b": "B"])
        #expect(filled == "<p>{{b}} B {{unknown}}</p>")
    }
}
