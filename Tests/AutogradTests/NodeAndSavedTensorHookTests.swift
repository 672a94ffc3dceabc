import Foundation
import Testing

@testable import Autograd

/// Records what a pack/unpack pair saw; packs by keeping a copy scaled by 4, unpacks by dividing.
private final class ScalingHooks: SavedTensorHooks {
    var packed: [[Double]] = []
    var unpackCount = 0

    func pack(_ tensor: Tensor) throws -> AnyObject {
        packed.append(tensor.doubles())
        #expect(!GradMode.isEnabled)
        return try tensor.mul(.scalar(.double(4)))
    }

    func unpack(_ packed: AnyObject) throws -> Tensor {
        unpackCount += 1
        return try (packed as! Tensor).div(.scalar(.double(4)))
    }
}

@Test func nodePreHookReplacesTheIncomingGradient() throws {
    let a = try Tensor([1, 2, 3], requiresGrad: true)
    let b = try a.clone()
    _ = b.gradFn!.registerPreHook(named: "double") { grads in try [grads[0]!.mul(.scalar(.double(2)))] }
    try b.sum().backward()
    #expect(a.storedGrad?.doubles() == [2, 2, 2])
}

@Test func nodePostHookSeesBothSidesAndRunsAfterTensorHooks() throws {
    let a = try Tensor([1, 2], requiresGrad: true)
    let b = try a.mul(.scalar(.double(3)))
    var order: [String] = []
    _ = try b.registerHook { g in
        order.append("tensor")
        return g
    }
    let handle = b.gradFn!.registerPostHook(named: "plus") { gradInputs, gradOutputs in
        order.append("node")
        #expect(gradOutputs[0]?.doubles() == [1, 1])
        #expect(gradInputs.count == 2 && gradInputs[1] == nil)
        return [try gradInputs[0]!.add(.scalar(.double(10))), nil]
    }
    try b.sum().backward(retainGraph: true)
    #expect(order == ["tensor", "node"])
    #expect(a.storedGrad?.doubles() == [13, 13])
    handle.remove()
    try b.sum().backward()
    #expect(a.storedGrad?.doubles() == [16, 16])
}

@Test func nodeHookReturningTheWrongCountFails() throws {
    let a = try Tensor([1], requiresGrad: true)
    let b = try a.clone()
    _ = b.gradFn!.registerPostHook(named: "two") { gradInputs, _ in gradInputs + gradInputs }
    #expect(throws: TorchError.self) { try b.sum().backward() }
}

@Test func savedTensorHooksPackOnceAndUnpackOnEveryRead() throws {
    let hooks = ScalingHooks()
    let a = try Tensor([1, 2], requiresGrad: true)
    let b = try Tensor([3, 4], requiresGrad: true)
    SavedTensorHookStack.push(hooks)
    let loss = try (a * b).exp().sum()
    SavedTensorHookStack.pop()
    // mul saves other then self; exp saves its result.
    #expect(hooks.packed.count == 3 && hooks.packed[0] == [3, 4] && hooks.packed[1] == [1, 2])
    try loss.backward(retainGraph: true)
    #expect(hooks.unpackCount == 3)
    try loss.backward()
    #expect(hooks.unpackCount == 6)
    let mulNode = try #require(loss.gradFn?.nextEdges[0]?.node.nextEdges[0]?.node)
    #expect(mulNode.saved.allSatisfy { $0.isFreed })
    #expect(throws: TorchError.self) { try mulNode.unpackSaved("self") }
    // Two passes of d/da sum(exp(a * b)) = b * exp(a * b).
    let expected = [2 * 3 * Foundation.exp(3.0), 2 * 4 * Foundation.exp(8.0)]
    #expect(zip(try #require(a.storedGrad).doubles(), expected).allSatisfy { abs($0 - $1) < 1e-3 * $1 })
}

@Test func unsavedSlotsAreDeclaredButEmpty() throws {
    let a = try Tensor([1, 2], requiresGrad: true)
    let y = try a * Tensor([3, 4])
    let node = try #require(y.gradFn)
    #expect(node.declaresSaved("self") && node.declaresSaved("other") && !node.declaresSaved("result"))
    #expect(try node.unpackSaved("self") == nil)
    #expect(try node.unpackSaved("other")?.doubles() == [3, 4])
}
