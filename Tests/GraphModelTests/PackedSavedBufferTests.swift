import Autograd
import Foundation
import Testing

@testable import GraphModel

/// A `saved_tensors_hooks(pack, unpack)` pair that keeps each saved tensor in a list of its own
/// and gives the node its index, as an offloading script does.
private final class ListHooks: SavedTensorHooks {
    final class Index {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    private(set) var tensors: [Tensor] = []

    func pack(_ tensor: Tensor) throws -> AnyObject {
        tensors.append(tensor)
        return Index(tensors.count - 1)
    }

    func unpack(_ packed: AnyObject) throws -> Tensor {
        guard let i = packed as? Index else { throw TorchError.type("unpack got something pack did not return") }
        return tensors[i.value]
    }
}

/// Saved buffers a saved-tensor hook packed: the node holds what the pack hook returned, so they
/// are recorded as packed, listed without a size, and keep the flag through both JSON forms.
@Suite struct PackedSavedBufferTests {
    /// `y = (x * x).exp()` under the hooks (mul's `other/self` and exp's `result` packed), then
    /// `z = y.sin().sum()` without (sin's `self` kept as usual), one backward at line 5; the
    /// graph after line 4 and after the backward.
    private static func recordHooked() throws -> (beforeBackward: Graph, after: Graph, packs: Int) {
        let hooks = ListHooks()
        let r = Recorder()
        let s = ScriptStub(recorder: r)
        var beforeBackward: Graph? = nil
        try r.recording {
            let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
            let y = try s.bind(3, "y") {
                SavedTensorHookStack.push(hooks)
                defer { SavedTensorHookStack.pop() }
                return try (x * x).exp()
            }
            let z = try s.bind(4, "z") { try y.sin().sum() }
            beforeBackward = r.snapshot()
            try s.run(5) { try z.backward() }
        }
        return (try #require(beforeBackward), r.snapshot(), hooks.tensors.count)
    }

    private static func saved(_ g: Graph, _ node: String) -> [SavedBuffer] {
        g.nodes.first { $0.name == node }?.saved ?? []
    }

    @Test func theRecorderMarksTheBuffersAHookPacked() throws {
        let (before, after, packs) = try Self.recordHooked()
        #expect(packs == 3)
        for g in [before, after] {
            let mul = Self.saved(g, "MulBackward0")
            #expect(mul.map(\.name) == ["other/self"] && mul.map(\.isPacked) == [true])
            #expect(Self.saved(g, "ExpBackward0").map(\.isPacked) == [true])
            #expect(Self.saved(g, "SinBackward0").map(\.isPacked) == [false])
        }
        #expect(after.nodes.flatMap(\.saved).allSatisfy { $0.state == .freed(pass: 0) })
        #expect(Self.saved(after, "ExpBackward0").first?.bytes == 8)
    }

    @Test func theTextDumpSaysPackedByHookWithoutASize() throws {
        let (before, after, _) = try Self.recordHooked()
        let text = before.textDump()
        #expect(text.contains("other/self=[2] v0 [packed by hook, retained]"))
        #expect(text.contains("result=[2] v0 [packed by hook, retained]"))
        #expect(text.contains("self=[2] v0 [retained 8 B]"))
        let freed = after.textDump()
        #expect(freed.contains("other/self=[2] v0 [packed by hook, freed by b0]"))
        #expect(freed.contains("result=[2] v0 [packed by hook, freed by b0]"))
        #expect(freed.contains("self=[2] v0 [freed 8 B by b0]"))
    }

    @Test(arguments: GraphJSONVersion.allCases)
    func bothJSONFormsKeepTheFlag(version: GraphJSONVersion) throws {
        let g = try Self.recordHooked().after
        let text = g.json(version: version)
        #expect(text.components(separatedBy: #""packed":true"#).count - 1 == 2)
        #expect(!text.contains(#""packed":false"#))
        let read = try Graph(json: text)
        #expect(read.nodes.flatMap(\.saved).map(\.isPacked) == g.nodes.flatMap(\.saved).map(\.isPacked))
        #expect(read.json(version: version) == text)
        #expect(read.textDump() == g.textDump())
        // A dump from before the key reads back with no buffer packed.
        let older = text.replacingOccurrences(of: #","packed":true"#, with: "")
        #expect(try Graph(json: older).nodes.flatMap(\.saved).allSatisfy { !$0.isPacked })
    }
}
