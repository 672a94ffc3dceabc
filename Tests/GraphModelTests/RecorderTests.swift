import Autograd
import Testing

@testable import GraphModel

@Test func recordsEveryOpWithLinesNamesAndNodes() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
        let c = try s.bind(2, "c") { try Tensor([3, 4]) }
        s.bind(3, "d") { try! c * 2 }
        let y = try s.bind(4, "y") { try x * c }
        s.bind(5, "y2") { y }
    }.snapshot()
    #expect(g.ops.map(\.name) == ["mul", "mul"])
    let constantOp = g.ops[0]
    #expect(constantOp.line == 3 && constantOp.gradFn == nil && constantOp.gradEnabled)
    let y = g.ops[1]
    #expect(y.line == 4 && y.inputs == [0, 1])
    let yt = g.tensors[y.outputs[0]]
    // `y2 = y` is an alias: the tensor keeps its first name.
    #expect(yt.names == ["y", "y2"] && yt.label == "y" && yt.source == .op && yt.producer == 1)
    let node = try #require(y.gradFn.map { g.nodes[$0] })
    #expect(node.name == "MulBackward0" && node.op == 1 && node.line == 4)
    let acc = try #require(node.next[0].map { g.nodes[$0.node] })
    #expect(acc.name == "AccumulateGrad" && acc.variable == 0)
    #expect(node.next[1] == nil)
    #expect(g.tensors[0].accumulateGrad == acc.id)
    // As in PyTorch, mul saves `self` only when `other` needs a gradient.
    #expect(node.saved.map(\.name) == ["other"])
    #expect(node.saved.allSatisfy { $0.bytes == 8 && $0.state == .retained })
    #expect(g.parameters == [0])
    #expect(g.leafRole(of: 1) == .input)
}

@Test func regionsNestAndOpsKnowTheirRegion() throws {
    let r = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
        s.recorder.currentLine = 2
        try s.recorder.withRegion(.noGrad, line: 2) {
            try s.bind(3, "a") { try x * 2 }
            s.recorder.currentLine = 4
            try s.recorder.withRegion(.enableGrad, line: 4) {
                try s.bind(5, "b") { try x * 2 }
            }
        }
    }
    let g = r.snapshot()
    #expect(g.regions.count == 2)
    #expect(g.regions[0].kind == .noGrad && g.regions[0].startLine == 2 && g.regions[0].endLine == 5)
    #expect(g.regions[1].parent == 0 && g.regions[1].kind == .enableGrad && g.regions[1].startLine == 4)
    let a = g.ops[0]
    let b = g.ops[1]
    #expect(a.region == 0 && !a.gradEnabled && a.gradFn == nil)
    #expect(b.region == 1 && b.gradEnabled && b.gradFn != nil)
    let cut = g.detachedSubgraphs().first { $0.cut == .noGradRegion(0) }
    #expect(cut?.ops == [0] && cut?.line == 2)
    #expect(g.textDump().contains("[no_grad]"))
}

@Test func inPlaceOpsFoldIntoOneOpAndInvalidateSavedBuffers() throws {
    let r = Recorder()
    let s = ScriptStub(recorder: r)
    try r.recording {
        let a = try s.bind(1, "a") { try Tensor([1, 2], requiresGrad: true) }
        let b = try s.bind(2, "b") { try a * 2 }
        let c = try s.bind(3, "c") { try b * b }
        _ = try s.run(4) { try b.add_(.scalar(.double(1))) }
        do {
            try s.run(5) { try c.sum().backward() }
            Issue.record("backward through a modified buffer must raise")
        } catch let e as TorchError {
            r.recordError(line: 5, error: e)
        }
    }
    let g = r.snapshot()
    let inPlace = try #require(g.ops.first { $0.name == "add_" })
    let b = try #require(g.tensors.first { $0.label == "b" })
    #expect(inPlace.isInPlace && inPlace.line == 4 && inPlace.outputs == [b.id] && inPlace.inputs.first == b.id)
    #expect(inPlace.gradFn.map { g.nodes[$0].name } == "AddBackward0")
    #expect(b.version == 1 && b.gradFn == inPlace.gradFn)
    #expect(!g.ops.contains { $0.name == "add" })
    let mulNode = try #require(g.ops[1].gradFn.map { g.nodes[$0] })
    #expect(mulNode.saved.count == 1 && mulNode.saved[0].name == "other/self")
    #expect(mulNode.saved[0].state == .invalidated(line: 4))
    #expect(mulNode.saved[0].invalidation == Invalidation(line: 4, op: "add_", version: 1))
    let pass = try #require(g.backwardPasses.first)
    #expect(pass.error?.type == "RuntimeError")
    #expect(pass.error?.message.contains("modified by an inplace operation") == true)
    #expect(g.error?.line == 5)
    #expect(g.textDump().contains("[invalidated 8 B at line 4]"))
}

@Test func retainGraphKeepsBuffersAndPlainBackwardFreesThem() throws {
    let r = Recorder()
    let s = ScriptStub(recorder: r)
    try r.recording {
        let x = try s.bind(3, "x") { try Tensor([2], requiresGrad: true) }
        let y = try s.bind(4, "y") { try x * x * x }
        try s.run(5) { try y.backward(retainGraph: true) }
        let afterRetain = r.snapshot()
        #expect(afterRetain.nodes.flatMap(\.saved).allSatisfy { $0.state == .retained })
        #expect(afterRetain.backwardPasses[0].freed.isEmpty)
        #expect(afterRetain.textDump().contains("[retained 4 B]"))
        try s.run(7) { try y.backward() }
        #expect(throws: TorchError.self) { try s.run(10) { try y.backward() } }
    }
    let g = r.snapshot()
    let saved = g.nodes.flatMap(\.saved)
    #expect(saved.count == 3 && saved.allSatisfy { $0.state == .freed(pass: 1) })
    #expect(g.backwardPasses[1].freed.count == 2)
    #expect(g.backwardPasses[0].accumulated.first?.grad.values == [12])
    #expect(g.backwardPasses[2].error?.message == AutogradMessages.backwardTwice)
    let flow = try #require(g.gradientFlow(to: 0, in: 2))
    #expect(flow.blocked == .graphFreed(byPass: 1, line: 7))
    #expect(g.textDump().contains("[freed 4 B by b1]"))
}

@Test func createGraphRecordsBackwardOfBackwardNodes() throws {
    let r = Recorder()
    let s = ScriptStub(recorder: r)
    var second: [Tensor?] = []
    try r.recording {
        let x = try s.bind(1, "x") { try Tensor([1, 2, 3], requiresGrad: true) }
        let y = try s.bind(2, "y") { try x * x * x }
        let g = try s.bind(3, "g") {
            try Autograd.grad(outputs: [y.sum()], inputs: [x], createGraph: true)[0] ?? x
        }
        second = try s.run(4) { try Autograd.grad(outputs: [g.sum()], inputs: [x]) }
    }
    #expect(second.first??.doubles() == [6, 12, 18])
    let graph = r.snapshot()
    let first = graph.backwardPasses[0]
    #expect(first.createGraph && first.retainGraph && first.kind == .grad)
    let made = graph.nodes.filter { $0.pass == 0 }
    #expect(!made.isEmpty && made.allSatisfy { $0.line == 3 })
    #expect(graph.ops.contains { $0.pass == 0 && $0.gradFn != nil })
    let gTensor = try #require(graph.tensors.first { $0.label == "g" })
    #expect(gTensor.source == .backward && gTensor.pass == 0 && gTensor.requiresGrad)
    // The second pass runs through nodes the first one created.
    let ran = Set(graph.backwardPasses[1].executed)
    #expect(made.contains { ran.contains($0.id) })
    #expect(graph.backwardPasses[1].edgeGradients.allSatisfy { $0.grad == nil || $0.grad?.hasNonFinite == false })
}

@Test func recorderDoesNotKeepTensorsAlive() throws {
    let r = Recorder()
    weak var weakY: Tensor?
    try r.recording {
        let x = try Tensor([1, 2], requiresGrad: true)
        let y = try x * 3
        weakY = y
    }
    #expect(weakY == nil)
    // x, the wrapped constant 3, and y.
    #expect(r.snapshot().tensors.count == 3)
    #expect(r.snapshot().leafRole(of: 1) == .constant)
}

/// Buffers saved from one storage under two version counters (`x` and `x.data`): an in-place
/// change through one marks only the buffers saved under it, in the order they were saved.
@Test func inPlaceChangeMarksOnlyTheBuffersOfItsVersionCounter() throws {
    let r = Recorder()
    let s = ScriptStub(recorder: r)
    try r.recording {
        let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
        let w = try s.bind(2, "w") { try Tensor([3, 4], requiresGrad: true) }
        let raw = s.bind(3, "raw") { x.data }
        _ = try s.bind(4, "p") { try x * w }
        _ = try s.bind(5, "q") { try raw * w }
        _ = try s.bind(6, "r") { try x * w }
        _ = try s.run(7) { try raw.add_(.scalar(.double(1))) }
    }
    let g = r.snapshot()
    let products = g.ops.filter { $0.name == "mul" }.compactMap { $0.gradFn.map { g.nodes[$0] } }
    #expect(products.count == 3)
    // Each product saves both operands: `other` (w) stays valid; `self` is x, raw, x.
    let selfStates = products.map { node in node.saved.first { $0.name == "self" }?.state }
    #expect(selfStates == [.retained, .invalidated(line: 7), .retained])
}

@Test func slotsOnOneStorageJoinTheBufferOfTheFirstAndStayWatched() throws {
    let r = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
        let a = try s.bind(2, "a") { try x * 2 }
        let b = try s.bind(3, "b") { try x * 3 }
        let c = try s.bind(4, "c") { try x * 4 }
        _ = try s.bind(5, "out") {
            try CustomFunction.apply(
                FunctionClass(name: "Foo"), arguments: [a, b, c],
                forward: { ctx in
                    ctx.saveForBackward([a, b, a, c, b])
                    return [try a + b]
                },
                backward: { _, grads in [grads[0], grads[0], nil] })[0]
        }
        s.recorder.currentLine = 6
        try GradMode.noGrad { _ = try b.add_(.scalar(.int(1))) }
    }
    let g = r.snapshot()
    let node = try #require(g.nodes.first { $0.name == "FooBackward" })
    #expect(node.saved.map(\.name) == ["saved_0/saved_2", "saved_1/saved_4", "saved_3"])
    #expect(node.saved.map(\.state) == [.retained, .invalidated(line: 6), .retained])
}

/// An optimiser's update (`p -= lr * grad` under no_grad) writes straight into the parameter
/// while recording too, and is recorded as the general path records it: one in-place op with
/// the parameter and the operand as inputs, the parameter as output, no temporary tensor.
@Test func directInPlaceUpdateIsRecordedAsOneInPlaceOp() throws {
    var madeBetween = 0
    let g = try record { s in
        let p = try s.bind(1, "p") { try Tensor([1, 2, 3, 4], shape: [2, 2]) }
        let step = try s.bind(2, "step") { try Tensor([0.5, 0.5]) }
        s.recorder.currentLine = 3
        try GradMode.noGrad {
            let before = Tensor.scalar(0).id
            try p.sub_(.tensor(step))
            try p.mul_(.scalar(.double(2)))
            madeBetween = Tensor.scalar(0).id - before
        }
        #expect(p.doubles() == [1, 3, 5, 7] && p.version == 2)
    }.snapshot()
    // Only the wrapped number 2 and the id probe were made: no intermediate results.
    #expect(madeBetween == 2)
    #expect(g.ops.map(\.name) == ["sub_", "mul_"])
    #expect(g.ops.allSatisfy { $0.isInPlace && $0.line == 3 && $0.outputs == [0] && $0.inputs.first == 0 })
    #expect(g.ops[0].inputs == [0, 1])
    #expect(g.tensors.count == 3 && g.tensors[0].version == 2)
}
