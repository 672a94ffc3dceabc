import GraphModel
import Testing

@testable import GraphRender

/// What a scene keeps per node and edge while it is built: texts the folding may drop are written
/// only when read, role lists are shared, and per-op edge lists live in one column.
@Suite struct SceneFootprintTests {
    private func builtScene(_ graph: Graph, _ options: RenderOptions = RenderOptions()) throws -> (SceneBuilder, Scene) {
        var builder = try SceneBuilder(graph: graph, options: options)
        let scene = builder.build()
        return (builder, scene)
    }

    @Test func tensorNodesKeepOnlyWhatFollowsTheirShapeAndAGradientsNameIsWorkedOutWhenRead() throws {
        let graph = recordScript(trainingLoopScript(steps: 3))
        let (_, scene) = try builtScene(graph)
        var checked = (versions: 0, gradients: 0)
        for node in scene.nodes {
            guard case .tensor(let text) = node.text else { continue }
            if text.version > 0 {
                #expect(text.detailSuffix.hasSuffix(" · v\(text.version)"), "\(text.detailSuffix)")
                checked.versions += 1
            }
            if case .gradient = text.name {
                // w.grad and b.grad: the only leaves of their shapes.
                let label = "\(node.label)"
                #expect(label.contains("w.grad") || label.contains("b.grad"), "\(label)")
                checked.gradients += 1
            }
            // The label is the one written at once would give: name, then shape and dtype, then the suffix.
            let detail = Describe.tensorDetail(graph.tensors[text.tensor]) + text.detailSuffix
            #expect("\(node.label)".contains(DOTEscape.html(detail.split(separator: "\n")[0].description)))
        }
        #expect(checked.versions >= 6 && checked.gradients >= 1, "\(checked)")
    }

    @Test func dataEdgesAndPlainNodesShareTheirRoleLists() throws {
        let (_, scene) = try builtScene(recordScript(trainingLoopScript(steps: 3)))
        let data = scene.edges.filter { $0.roles == [.dataEdge] }
        #expect(data.count > 20)
        let buffers = Set(data.map { $0.roles.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        #expect(buffers.count == 1)
        let ops = scene.nodes.filter { $0.kind == .op && $0.roles == [.op] }
        #expect(ops.count > 10)
        #expect(Set(ops.map { $0.roles.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } }).count == 1)
    }

    @Test func edgeGradientsAreWordedFromThePassWhenRead() throws {
        let graph = recordScript(trainingLoopScript(steps: 2))
        let (_, scene) = try builtScene(graph)
        var lines = 0
        for edge in scene.edges {
            for g in edge.tooltipParts.gradients {
                let record = graph.backwardPasses[g.pass]
                let grad = try #require(record.edgeGradients[g.index].grad)
                #expect(g.line == "\ngradient in \(Describe.pass(record)): " + Describe.gradientDetail(grad))
                #expect(edge.tooltip.contains(g.line))
                lines += 1
            }
        }
        #expect(lines >= 10)
    }

    @Test func aLoopFoldedWhileItIsBuiltIsNeverHeldUnfoldedAndIsTheSceneFoldedAfterwards() throws {
        let graph = recordScript(trainingLoopScript(steps: 30))
        let (plain, unfolded) = try builtScene(graph)
        var builder = try SceneBuilder(graph: graph, options: RenderOptions())
        let folded = builder.build(foldingLoops: true)
        // No node or edge went into the unfolded scene: they were folded as they were made.
        #expect(builder.scene.nodes.isEmpty && builder.scene.edges.isEmpty)
        #expect(builder.unfoldedNodeCount == unfolded.nodes.count)
        #expect(folded.nodes.count * 10 < unfolded.nodes.count, "\(folded.nodes.count) of \(unfolded.nodes.count)")
        let afterwards = unfolded.folded(loops: plain.loops)
        #expect(
            DOTWriter.write(folded, layout: "dot", options: RenderOptions())
                == DOTWriter.write(afterwards, layout: "dot", options: RenderOptions()))
        // The folder keeps whole only a group's first and last node.
        var folder = SceneFolder(byLoop: true)
        for n in unfolded.nodes { folder.add(n) }
        #expect(folder.nodeCount == unfolded.nodes.count)
        #expect(folder.keptNodeCount <= 2 * afterwards.nodes.count, "\(folder.keptNodeCount)")
    }

    @Test func optionsThatChangeNodesAfterTheOpsAreDrawnBuildTheSceneUnfolded() throws {
        let graph = recordScript(trainingLoopScript(steps: 3))
        for change in [{ (o: inout RenderOptions) in o.showSaved = true }, { $0.showGrads = true }, { $0.view = .backward }] {
            var options = RenderOptions()
            change(&options)
            var builder = try SceneBuilder(graph: graph, options: options)
            let scene = builder.build(foldingLoops: true)
            #expect(builder.unfoldedNodeCount == nil && scene.nodes.count == builder.scene.nodes.count)
        }
    }

    @Test func opEdgeListsKeepEachOpsListInOneColumn() {
        var lists = OpEdgeLists(ops: 4)
        lists.start(1)
        lists.append(7, to: 1)
        lists.append(nil, to: 1)
        lists.append(9, to: 1)
        lists.start(3)
        lists.append(nil, to: 3)
        #expect(lists.count(of: 0) == 0 && lists.count(of: 1) == 3 && lists.count(of: 2) == 0 && lists.count(of: 3) == 1)
        #expect(lists[1, 0] == 7 && lists[1, 1] == nil && lists[1, 2] == 9 && lists[3, 0] == nil)
        #expect(lists.drawn(of: 1) == [7, 9] && lists.drawn(of: 3).isEmpty && lists.drawn(of: 0).isEmpty)
    }

    @Test func edgesKeepNoIDStringAndTheirIDIsMadeFromTheirEndsWhenRead() throws {
        let (_, scene) = try builtScene(recordScript(trainingLoopScript(steps: 2)))
        #expect(scene.edges.count > 20 && scene.edges.allSatisfy { $0.writtenID == nil })
        for e in scene.edges {
            #expect(scene.id(of: e) == "e_\(scene.nodes[e.from].id)_\(scene.nodes[e.to].id)_\(e.position)")
        }
        var edge = SceneEdge(from: 0, to: 1, position: 2, kind: .data, roles: [], attributes: DOTAttributes(), text: .written(""))
        let ends = Scene(nodes: [
            SceneNode(id: "t3", kind: .tensor, roles: [], label: "x", tooltip: "", cluster: nil, foldKey: nil, order: 0),
            SceneNode(id: "op7", kind: .op, roles: [], label: "mul", tooltip: "", cluster: nil, foldKey: nil, order: 1)
        ])
        #expect(ends.id(of: edge) == "e_t3_op7_2")
        edge.writtenID = "p0_e_t3_op7_2"
        #expect(ends.id(of: edge) == "p0_e_t3_op7_2")
    }

    @Test func anEdgeMovedToAnAccumulateGradNodeKeepsItsFirstEndsInItsID() throws {
        var options = RenderOptions()
        options.view = .backward
        let (_, scene) = try builtScene(recordScript(trainingLoopScript(steps: 1)), options)
        let moved = scene.edges.filter { scene.nodes[$0.from].roles == [.accumulateGrad] && scene.nodes[$0.to].kind == .op }
        #expect(!moved.isEmpty)
        for e in moved {
            let leaf = try #require(
                scene.nodes.first { $0.kind == .tensor && "acc\($0.id.dropFirst())" == scene.nodes[e.from].id })
            #expect(scene.id(of: e) == "e_\(scene.nodes[e.from].id)_\(leaf.id)_\(scene.nodes[e.to].id)_\(e.position)")
        }
    }
}
