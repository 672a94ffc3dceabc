import Testing

@testable import Autograd
@testable import GraphModel

/// The recorder files a node made as a `NodeKind` (add, sub and mul's one node class) by the
/// kind's id: names and attribute lists found that way are the node's own, however the kinds
/// and their values interleave.
@Test func interleavedKindsKeepTheirOwnNamesAndAttributes() throws {
    let numbers = [2.0, 2.0, 3.0, 2.0]
    let g = try record { s in
        var y = try s.bind(1, "x") { try Tensor([0.5], requiresGrad: true) }
        for (i, k) in numbers.enumerated() {
            y = try s.bind(2, "y") { try y.mul(.scalar(.double(k))) }
            y = try s.bind(3, "y") { try y.add(.scalar(.double(1)), alpha: i == 2 ? 2 : 1) }
            y = try s.bind(4, "y") { try y.sub(.tensor(y)) }
        }
    }.snapshot()
    let names = g.ops.map { $0.gradFn.map { g.nodes[$0].name } }
    #expect(names == Array(repeating: ["MulBackward0", "AddBackward0", "SubBackward0"], count: 4).flatMap { $0 })
    let attributes = g.ops.indices.map { g.attributes(ofOp: $0).map { "\($0.name)=\($0.value)" } }
    let expected = numbers.indices.flatMap { i in
        [["other=\(PythonText.float(numbers[i]))"], ["alpha=\(i == 2 ? 2 : 1)"], ["alpha=1"]]
    }
    #expect(attributes == expected)
}

@Test func eachNodeKindHasItsOwnIdAndItsNodesCarryIt() throws {
    let x = try Tensor([0.5], requiresGrad: true)
    let kinds = try [x.mul(.scalar(.double(2))), x.add(.tensor(x)), x.sub(.tensor(x)), x.mul(.tensor(x))].map {
        try #require($0.gradFn).kindID
    }
    #expect(kinds.allSatisfy { $0 >= 0 })
    #expect(Set(kinds).count == 3)
    #expect(kinds[0] == kinds[3])
    let exp = try #require(x.exp().gradFn).kindID
    #expect(exp >= 0 && !kinds.contains(exp))
}
