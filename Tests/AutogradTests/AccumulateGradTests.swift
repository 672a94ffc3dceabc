import Testing

@testable import Autograd

/// AccumulateGrad takes a gradient nobody else references instead of copying it; whatever it
/// takes must never alias a tensor that is visible elsewhere.
@Test func leafGradientsNeverAliasEachOther() throws {
    let a = try Tensor([1, 2], requiresGrad: true)
    let b = try Tensor([3, 4], requiresGrad: true)
    try (a + b).sum().backward() // AddBackward0 hands one tensor to both leaves
    let ga = try #require(a.storedGrad)
    let gb = try #require(b.storedGrad)
    #expect(ga !== gb && ga.storage !== gb.storage)
    try GradMode.noGrad { _ = try ga.zero_() }
    #expect(gb.doubles() == [1, 1])
}

@Test func leafGradientNeverAliasesAGivenGradient() throws {
    let x = try Tensor([1, 2], requiresGrad: true)
    let given = try Tensor([5, 6])
    try x.backward(gradient: given)
    let g = try #require(x.storedGrad)
    #expect(g !== given && g.storage !== given.storage)
    try GradMode.noGrad { _ = try g.zero_() }
    #expect(given.doubles() == [5, 6])
}

@Test func leafGradientNeverAliasesWhatAHookKept() throws {
    let x = try Tensor([1, 2], requiresGrad: true)
    var seen: Tensor? = nil
    try x.registerHook { g in
        seen = g
        return nil
    }
    try (x * 3.0).sum().backward()
    let kept = try #require(seen)
    let g = try #require(x.storedGrad)
    #expect(g.storage !== kept.storage)
    try GradMode.noGrad { _ = try g.zero_() }
    #expect(kept.doubles() == [3, 3])
}

@Test func takenGradientsAccumulateLikeCopies() throws {
    let w = try Tensor([1, 2, 3, 4], shape: [2, 2], requiresGrad: true)
    let x = try Tensor([1, 0, 0, 1], shape: [2, 2])
    for _ in 0..<2 { try x.mm(w).sum().backward() }
    #expect(w.storedGrad?.doubles() == [2, 2, 2, 2])
    #expect(w.storedGrad?.isContiguous == true && w.storedGrad?.gradFn == nil)
}
