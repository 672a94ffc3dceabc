import Testing

@testable import Autograd

/// The seed programs of the conformance corpus, written against the Swift API, with PyTorch's numbers.
struct EngineScenarioTests {
    func leaf(_ values: [Double], _ shape: [Int]? = nil) throws -> Tensor {
        try Tensor(values, shape: shape ?? [values.count], requiresGrad: true)
    }

    @Test func tutorialGivesFourAndAHalf() throws {
        let x = try Tensor.factory("ones", Tensor.ones([2, 2]), requiresGrad: true)
        let y = try x + 2
        #expect(y.gradFn?.name == "AddBackward0")
        let out = try (y * y * 3).mean()
        try out.backward()
        #expect(x.storedGrad?.doubles() == [4.5, 4.5, 4.5, 4.5])
        try y.backward(gradient: x)
        #expect(x.storedGrad?.doubles() == [5.5, 5.5, 5.5, 5.5])
    }

    @Test func selectiveBackpropGives50Then70ThenMinus20() throws {
        let x = try leaf([1])
        func loss(detachFirst: Bool, detachSecond: Bool) throws -> Tensor {
            var out1 = try x * 2
            var out2 = try x * 7
            if detachFirst { out1 = out1.detach() }
            if detachSecond { out2 = out2.detach() }
            return try (out1 - out2).pow(2)
        }
        var results = [Double]()
        for (a, b) in [(false, false), (true, false), (false, true)] {
            try loss(detachFirst: a, detachSecond: b).backward()
            results.append(x.storedGrad!.doubles()[0])
            try x.storedGrad!.data.zero_()
        }
        #expect(results == [50, 70, -20])
    }

    @Test func bothBranchesDetachedCannotBackward() throws {
        let x = try leaf([1])
        let l = try ((x * 2).detach() - (x * 7).detach()).pow(2)
        #expect(!l.requiresGrad)
        #expect(throws: TorchError.runtime(AutogradMessages.doesNotRequireGrad(0))) { try l.backward() }
    }

    @Test func zeroingADetachedOutputBreaksTheSavedSigmoidResult() throws {
        let a = try leaf([1, 2, 3])
        let out = try a.sigmoid()
        try out.detach().zero_()
        let expected = AutogradMessages.modifiedInPlace(
            dtype: .float32, shape: [3], producer: ("Sigmoid", 0),
            version: 1, expected: 0)
        #expect(throws: TorchError.runtime(expected)) { try out.sum().backward() }
    }

    @Test func secondBackwardNeedsRetainGraph() throws {
        let x = try leaf([2])
        let y = try x * x * x
        try y.backward(retainGraph: true)
        #expect(x.storedGrad?.doubles() == [12])
        try y.backward()
        #expect(x.storedGrad?.doubles() == [24])
        #expect(throws: TorchError.runtime(AutogradMessages.backwardTwice)) { try y.backward() }
    }

    @Test func nodesWithoutSavedTensorsCanRunTwice() throws {
        let x = try leaf([1, 2])
        let y = try (x + 2).sum()
        try y.backward()
        try y.backward()
        #expect(x.storedGrad?.doubles() == [2, 2])
    }

    @Test func autogradGradLeavesDotGradAlone() throws {
        let x = try leaf([1, 1, 1])
        let w = try leaf([0.5, -1, 2])
        let z = try (x * w).sum()
        let g = try Autograd.grad(outputs: [z], inputs: [x, w])
        #expect(g[0]?.doubles() == [0.5, -1, 2] && g[1]?.doubles() == [1, 1, 1])
        #expect(x.storedGrad == nil)
    }

    @Test func unusedInputIsAnErrorUnlessAllowed() throws {
        let x = try leaf([1, 1])
        let u = try leaf([1, 1])
        let y = try (x * 2).sum()
        #expect(throws: TorchError.runtime(AutogradMessages.unusedInput(1))) {
            try Autograd.grad(outputs: [y], inputs: [x, u], retainGraph: true)
        }
        let g = try Autograd.grad(outputs: [y], inputs: [x, u], allowUnused: true)
        #expect(g[0]?.doubles() == [2, 2] && g[1] == nil)
    }

    @Test func higherOrderDerivativesOfTheCube() throws {
        let x = try leaf([1, 2, 3])
        let g1 = try Autograd.grad(outputs: [x.pow(3).sum()], inputs: [x], createGraph: true)[0]!
        #expect(g1.doubles() == [3, 12, 27] && g1.gradFn?.name == "MulBackward0")
        let g2 = try Autograd.grad(outputs: [g1.sum()], inputs: [x], createGraph: true)[0]!
        #expect(g2.doubles() == [6, 12, 18])
        let g3 = try Autograd.grad(outputs: [g2.sum()], inputs: [x])[0]!
        #expect(g3.doubles() == [6, 6, 6] && g3.gradFn == nil)
    }

    @Test func hooksRunInOrderAndCanReplaceTheGradient() throws {
        let x = try leaf([1, 2, 3])
        var seen = [[Double]]()
        let first = try x.registerHook { g in
            seen.append(g.doubles())
            return try g * 10
        }
        try x.registerHook { g in
            seen.append(g.doubles())
            return nil
        }
        try (x * x).sum().backward()
        #expect(seen == [[2, 4, 6], [20, 40, 60]])
        #expect(x.storedGrad?.doubles() == [20, 40, 60])
        first.remove()
        try x.setGrad(nil)
        try (x * x).sum().backward()
        #expect(x.storedGrad?.doubles() == [2, 4, 6])
    }

    @Test func retainGradKeepsANonLeafGradient() throws {
        let x = try leaf([1, 2, 3])
        let h = try x * 2
        try h.retainGrad()
        try h.pow(2).sum().backward()
        #expect(h.storedGrad?.doubles() == [4, 8, 12] && h.retainsGrad)
        #expect(x.storedGrad?.doubles() == [8, 16, 24])
    }

    @Test func hooksAndRetainGradNeedRequiresGrad() throws {
        let t = Tensor.ones([2])
        #expect(throws: TorchError.runtime(AutogradMessages.hookNoGrad)) { try t.registerHook { _ in nil } }
        #expect(throws: TorchError.runtime(AutogradMessages.retainGradNoGrad)) { try t.retainGrad() }
    }

    @Test func customSigmoidMatchesTheBuiltIn() throws {
        let a = try leaf([-1, 0, 2])
        let b = try leaf([-1, 0, 2])
        let out = try CustomFunction.apply(
            FunctionClass(name: "Sigmoid"), arguments: [a],
            forward: { ctx in
                let o = try 1.0 / (1.0 + a.neg().exp())
                ctx.saveForBackward([o])
                return [o]
            },
            backward: { ctx, grads in
                let o = try ctx.savedTensors()[0]!
                return [try o * (1.0 - o) * grads[0]]
            })[0]
        #expect(out.gradFn?.name == "SigmoidBackward")
        try out.sum().backward()
        try b.sigmoid().sum().backward()
        #expect(try a.storedGrad!.allclose(b.storedGrad!))
    }

    @Test func customFunctionReturningTooFewGradientsFails() throws {
        let a = try leaf([1])
        let b = try leaf([2])
        let out = try CustomFunction.apply(
            FunctionClass(name: "Foo"), arguments: [a, b], forward: { _ in [try a * b] },
            backward: { _, g in [g[0]] })[0]
        #expect(throws: TorchError.runtime(AutogradMessages.wrongGradientCount("FooBackward", expected: 2, got: 1))) {
            try out.backward()
        }
    }

    @Test func gradModesControlRecording() throws {
        let x = try leaf([1, 1])
        let a = try GradMode.noGrad { try x * 2 }
        #expect(!a.requiresGrad && a.isLeaf && a.gradFn == nil)
        let b = try GradMode.noGrad { try GradMode.with(enabled: true) { try x * 2 } }
        #expect(b.requiresGrad && b.gradFn?.name == "MulBackward0")
        let f = try GradMode.inferenceMode { try x * 5 }
        #expect(!f.requiresGrad && f.isInference)
        #expect(GradMode.isEnabled && !GradMode.isInferenceMode)
    }

    @Test func leafInPlaceIsAnErrorExceptUnderNoGrad() throws {
        let w = try leaf([1, 1, 1])
        #expect(throws: TorchError.runtime(AutogradMessages.leafInPlace)) { try w.add_(.scalar(.int(1))) }
        _ = try GradMode.noGrad { try w.add_(.scalar(.int(1))) }
        #expect(w.doubles() == [2, 2, 2] && w.isLeaf && w.requiresGrad && w.version == 1)
    }

    @Test func detachSharesStorageAndVersionButDataDoesNot() throws {
        let a = try leaf([1, 2, 3])
        let out = try a * 2
        let c = out.detach()
        try c.fill_(7)
        #expect(out.doubles() == [7, 7, 7] && out.version == 1)
        let d = out.data
        try d.zero_()
        #expect(out.doubles() == [0, 0, 0] && out.version == 1)
    }

    @Test func detachInPlaceMakesALeaf() throws {
        let x = try leaf([1, 2])
        let m = try x * 3
        m.detachInPlace()
        #expect(m.isLeaf && !m.requiresGrad && m.gradFn == nil)
    }

    @Test func requiresGradRules() throws {
        let x = try leaf([1, 1])
        let y = try x * 2
        #expect(throws: TorchError.runtime(AutogradMessages.requiresGradNonLeafFalse)) { try y.assignRequiresGrad(false) }
        #expect(throws: TorchError.runtime(AutogradMessages.requiresGradNonLeaf)) { try y.assignRequiresGrad(true) }
        try y.requiresGrad_()
        let ints = try Tensor([1, 2], shape: [2], dtype: .int64)
        #expect(throws: TorchError.runtime(AutogradMessages.onlyFloatRequiresGrad)) { try ints.requiresGrad_() }
    }

    @Test func nonScalarBackwardNeedsAGradient() throws {
        let x = try leaf([1, 1, 1, 1], [2, 2])
        let y = try x * 3
        #expect(throws: TorchError.runtime(AutogradMessages.implicitGradScalarOnly)) { try y.backward() }
        try y.backward(gradient: Tensor.ones([2, 2]))
        #expect(x.storedGrad?.doubles() == [3, 3, 3, 3])
    }

    @Test func gradientsFromSeveralUsesAreSummedBeforeTheNodeRuns() throws {
        let x = try leaf([1, 2])
        let h = try x * 1
        var calls = 0
        try h.registerHook { _ in
            calls += 1
            return nil
        }
        try (h * 2 + h * 3).sum().backward()
        #expect(calls == 1 && x.storedGrad?.doubles() == [5, 5])
    }

    @Test func observerSeesOpsBackwardStepsAndFreedBuffers() throws {
        final class Log: AutogradObserver {
            var ops = [String](), nodes = [String](), freed = 0
            func opExecuted(_ e: OpEvent) { ops.append(e.name) }
            func nodeExecuted(_ n: Node, gradOutputs: [Tensor?], gradInputs: [Tensor?]) { nodes.append(n.name) }
            func savedTensorsFreed(_ n: Node) { freed += 1 }
        }
        let log = Log()
        Observation.observer = log
        defer { Observation.observer = nil }
        let x = try leaf([1, 2])
        let y = try (x * x).sum()
        #expect(log.ops == ["mul", "sum"])
        try y.backward()
        #expect(log.nodes == ["torch::autograd::AccumulateGrad", "MulBackward0", "SumBackward0"].reversed())
        #expect(log.freed == 1)
    }
}
