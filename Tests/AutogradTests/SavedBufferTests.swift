import Foundation
import Testing

@testable import Autograd

/// Builds `sum(exp(x) * exp(x))` and returns the loss with a weak handle on the storage of
/// `exp(x)`, which only the graph's saved tensors keep alive.
private func graphSavingIntermediate() throws -> (loss: Tensor, x: Tensor, storage: () -> Storage?) {
    let x = try Tensor([0.5, 1, 2], requiresGrad: true)
    let h = try x.exp()
    weak let weakStorage = h.storage
    let loss = try (h * h).sum()
    return (loss, x, { weakStorage })
}

@Test func backwardFreesSavedBuffers() throws {
    let (loss, x, storage) = try graphSavingIntermediate()
    #expect(storage() != nil)
    try loss.backward()
    #expect(storage() == nil)
    #expect(x.storedGrad != nil)
    let node = try #require(loss.gradFn?.nextEdges.first??.node)
    #expect(node.saved.allSatisfy { $0.isFreed })
    // Slots that shared a storage keep its identity, so they still group as one buffer.
    #expect(node.saved[0].storageID == node.saved[1].storageID)
    #expect(throws: TorchError.self) { try loss.backward() }
}

@Test func retainGraphKeepsSavedBuffers() throws {
    let (loss, x, storage) = try graphSavingIntermediate()
    try loss.backward(retainGraph: true)
    #expect(storage() != nil)
    try loss.backward()
    #expect(storage() == nil)
    // Two passes accumulate: d/dx sum(exp(x)^2) = 2 exp(2x), twice.
    let expected = [0.5, 1, 2].map { 4 * Foundation.exp(2 * $0) }
    for (g, e) in zip(try #require(x.storedGrad).doubles(), expected) { #expect(abs(g - e) < 1e-3 * e) }
}

@Test func freedSlotsOfDistinctStoragesStayDistinct() throws {
    let a = try Tensor([1, 2], requiresGrad: true)
    let b = try Tensor([3, 4], requiresGrad: true)
    let loss = try (a * b).sum()
    try loss.backward()
    let node = try #require(loss.gradFn?.nextEdges.first??.node)
    #expect(node.saved.count == 2 && node.saved.allSatisfy(\.isFreed))
    #expect(node.saved[0].storageID != node.saved[1].storageID)
    #expect(a.storedGrad?.doubles() == [3, 4] && b.storedGrad?.doubles() == [1, 2])
}
