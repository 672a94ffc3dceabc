import GraphModel
import Session
import Testing

/// Op attributes and value previews: recorded from a script run, written to the `/3` JSON and
/// read back, and in the text dump. Expected reprs are PyTorch 2.15's `print` of the same tensors.
@Suite struct RecordedValuesTests {
    static func record(_ source: String, values: Bool = true) -> Graph {
        ScriptRunner.runRecording(
            source: source, filename: "v.py", writeOutput: { _ in }, writeError: { _ in }, values: values
        ).graph
    }

    static let inPlace = """
        import torch
        w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        a = torch.zeros(3)
        a.add_(w.detach())
        a.mul_(2)
        loss = (w * a).sum()
        loss.backward()
        """

    @Test func aTensorChangedInPlaceHasOnePreviewPerVersion() throws {
        let graph = Self.record(Self.inPlace)
        let a = try #require(graph.tensors.first { $0.label == "a" })
        let previews = graph.values(of: a.id)
        #expect(previews.map(\.version) == [0, 1, 2])
        #expect(previews.map(\.text) == ["tensor([0., 0., 0.])", "tensor([1., 2., 3.])", "tensor([2., 4., 6.])"])
        let loss = try #require(graph.tensors.first { $0.label == "loss" })
        #expect(graph.values(of: loss.id).map(\.text) == ["tensor(28.)"])
    }

    @Test func withoutValuesNothingIsRecorded() {
        #expect(Self.record(Self.inPlace, values: false).tensorValues.isEmpty)
    }

    @Test func aLargeTensorIsSummarised() throws {
        let graph = Self.record("import torch\nbig = torch.arange(2000.0).reshape(40, 50)\n")
        let big = try #require(graph.tensors.first { $0.label == "big" })
        #expect(
            graph.values(of: big.id).map(\.text)
                == ["2000 elements (shape [40, 50], torch.float32), not printed: min 0.0, max 1999.0, mean 999.5"])
    }

    @Test func attributesAndValuesSurviveTheJSON() throws {
        let graph = Self.record(
            Self.inPlace + "\nz = torch.add(w, w, alpha=3).pow(2).sum(0, keepdim=True)\n")
        let text = graph.json()
        #expect(text.contains("[[\"alpha\",\"3\"]]"))
        let read = try Graph(json: text)
        #expect(read.attributeSets == graph.attributeSets)
        #expect(graph.ops.indices.map(read.attributes(ofOp:)) == graph.ops.indices.map(graph.attributes(ofOp:)))
        #expect(graph.ops.contains { graph.attributes(ofOp: $0.id) == [OpAttribute(name: "exponent", value: "2")] })
        #expect(read.tensorValues == graph.tensorValues)
        #expect(read.json() == text)
    }

    @Test func opsKeepingTheSameValuesShareOneList() {
        let graph = Self.record(
            "import torch\ny = torch.ones(1, requires_grad=True)\nfor i in range(5):\n    y = y * 1.5 + 0.5\n")
        #expect(graph.attributeSets == [[OpAttribute(name: "other", value: "1.5")], [OpAttribute(name: "alpha", value: "1")]])
        #expect(graph.ops.filter { $0.name == "mul" }.allSatisfy { graph.attributes(ofOp: $0.id).first?.value == "1.5" })
    }

    /// In a loop the recorder compares a node's values with the lists it recorded a moment ago
    /// (in place, without building a list): each op must still get what it gets recorded alone,
    /// where the list is built and formatted. Values differ in number, in type (`2` and `2.0`)
    /// and in name for the same node class.
    @Test func attributesReusedInALoopAreThoseOfEachOpRecordedAlone() throws {
        let statements = [
            "y = y * 1.5", "y = y * 2", "y = y * 2.0", "y = y * 1.5", "y = torch.add(y, y, alpha=2)",
            "y = torch.add(y, y, alpha=3)", "y = y + 0.5", "y = y.pow(2)", "y = y.pow(3)", "y = y.pow(2)",
            "y = y * torch.tensor(2.0)"
        ]
        let start = "import torch\ny = torch.ones(1, requires_grad=True)\n"
        func text(_ attributes: [OpAttribute]) -> String { attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }
        let alone = try statements.map { statement in
            let graph = Self.record(start + statement + "\n", values: false)
            return text(graph.attributes(ofOp: try #require(graph.ops.last).id))
        }
        #expect(
            alone == [
                "other=1.5", "other=2", "other=2.0", "other=1.5", "alpha=2", "alpha=3", "alpha=1", "exponent=2",
                "exponent=3", "exponent=2", ""
            ])
        let loop = Self.record(
            start + "for i in range(3):\n" + statements.map { "    " + $0 + "\n" }.joined(), values: false)
        let ops = loop.ops.filter { $0.name != "tensor" && $0.name != "scalar_tensor" }
        #expect(ops.map { text(loop.attributes(ofOp: $0.id)) } == Array([alone, alone, alone].joined()))
    }

    @Test func theTextDumpListsAttributesOnTheOpLine() {
        let dump = Self.record("import torch\nx = torch.ones(2, requires_grad=True)\ny = x.pow(3)\n").textDump()
        #expect(dump.contains("pow(t0 x) -> t1 y grad_fn n1 PowBackward0 {exponent: 3}"), "\(dump)")
    }
}
