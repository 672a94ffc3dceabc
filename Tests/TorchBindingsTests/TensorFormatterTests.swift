import Autograd
import Foundation
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// One tensor and what PyTorch 2.15 printed for it (Fixtures/tensor_repr_cases.json, generated
/// by running the conformance scripts and extra cases under real PyTorch).
private struct ReprCase: Decodable {
    let source: String
    let shape: [Int]
    let dtype: String
    let requiresGrad: Bool
    let gradFn: String?
    let repr: String
    let values: [String]

    func tensor() throws -> Tensor {
        let dt: DType
        switch dtype {
        case "float64": dt = .float64
        case "int64": dt = .int64
        case "bool": dt = .bool
        default: dt = .float32
        }
        let t = try Tensor(values.map { Double($0) ?? .nan }, shape: shape, dtype: dt)
        if requiresGrad && gradFn == nil { try t.setRequiresGrad(true) }
        return t
    }

    /// The repr of the rebuilt tensor. Cases whose tensor had a grad_fn are rebuilt as plain
    /// tensors, so the grad_fn suffix is added the way `repr` adds it.
    func rendered() throws -> String {
        let t = try tensor()
        guard let gradFn else { return TensorFormatter.repr(t) }
        var suffixes: [String] = []
        var body = "[]"
        if t.numel == 0 {
            if t.dim != 1 { suffixes.append("size=" + TensorFormatter.tupleRepr(t.shape)) }
            if t.dtype != .float32 { suffixes.append("dtype=" + t.dtype.name) }
        } else {
            if t.dtype == .float64 { suffixes.append("dtype=torch.float64") }
            body = TensorFormatter.tensorString(t, indent: 7)
        }
        suffixes.append("grad_fn=<\(gradFn)>")
        return TensorFormatter.addSuffixes("tensor(" + body, suffixes, indent: 7)
    }
}

private struct ReprCases: Decodable { let cases: [ReprCase] }

private func fixtureURL(_ name: String) throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
}

private let allCases: [ReprCase] = {
    guard let url = try? fixtureURL("tensor_repr_cases.json"),
        let data = try? Data(contentsOf: url),
        let decoded = try? JSONDecoder().decode(ReprCases.self, from: data)
    else { return [] }
    return decoded.cases
}()

private func conformanceStdout(_ name: String) throws -> String {
    let url = try fixtureURL("conformance/\(name).expected.json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    return try #require(object?["stdout"] as? String)
}

@Test func reprCasesAreLoaded() {
    #expect(allCases.count > 150)
}

@Test func everyReprCaseMatchesPyTorch() throws {
    for c in allCases {
        let got = try c.rendered()
        #expect(got == c.repr, "\(c.source)")
    }
}

@Test func conformanceTensorsAppearInExpectedOutput() throws {
    let conformance = allCases.filter { $0.source.hasPrefix("conformance/") }
    #expect(conformance.count >= 100)
    for c in conformance {
        let name = String(c.source.dropFirst("conformance/".count))
        let stdout = try conformanceStdout(name)
        #expect(stdout.contains(try c.rendered()), "\(name)")
    }
}

@Test func printFormatsScriptOutputIsReproducedExactly() throws {
    let printed = try allCases.filter { $0.source == "conformance/print_formats" }.map { try $0.rendered() }
    try #require(printed.count == 15)
    var lines = printed
    lines.insert(DType.float32.name + " " + DType.int64.name, at: 14)
    #expect(lines.joined(separator: "\n") + "\n" == (try conformanceStdout("print_formats")))
}

@Test func reprUsesGradFnAndRequiresGradFromTheTensor() throws {
    let x = Tensor.ones([2, 2])
    try x.setRequiresGrad(true)
    #expect(TensorFormatter.repr(x) == "tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)")
    let y = try x + 2
    #expect(TensorFormatter.repr(y) == "tensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)")
    let z = try y * y * 3
    #expect(TensorFormatter.repr(z) == "tensor([[27., 27.],\n        [27., 27.]], grad_fn=<MulBackward0>)")
    let w = try Tensor([0.5, 1.5], shape: [2], dtype: .float64)
    try w.setRequiresGrad(true)
    let v = try w * 3.0
    #expect(TensorFormatter.repr(v) == "tensor([1.5000, 4.5000], dtype=torch.float64, grad_fn=<MulBackward0>)")
}

@Test func longSuffixesWrapOntoTheirOwnLine() throws {
    let t = try Tensor((0..<11).map(Double.init), shape: [11], dtype: .float64)
    try t.setRequiresGrad(true)
    #expect(
        TensorFormatter.repr(t) == """
            tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10.],
                   dtype=torch.float64, requires_grad=True)
            """)
}

@Test func emptyTensorsShowSizeAndNonDefaultDtype() throws {
    #expect(TensorFormatter.repr(try Tensor([], shape: [0])) == "tensor([])")
    #expect(TensorFormatter.repr(try Tensor([], shape: [0, 3])) == "tensor([], size=(0, 3))")
    #expect(TensorFormatter.repr(try Tensor([], shape: [0], dtype: .int64)) == "tensor([], dtype=torch.int64)")
    #expect(
        TensorFormatter.repr(try Tensor([], shape: [2, 0], dtype: .bool))
            == "tensor([], size=(2, 0), dtype=torch.bool)")
}

@Test func zeroDimTensors() throws {
    #expect(TensorFormatter.repr(Tensor.scalar(27)) == "tensor(27.)")
    #expect(TensorFormatter.repr(Tensor.scalar(3.5)) == "tensor(3.5000)")
    #expect(TensorFormatter.repr(Tensor.scalar(1, dtype: .bool)) == "tensor(True)")
    #expect(TensorFormatter.repr(Tensor.scalar(-5, dtype: .int64)) == "tensor(-5)")
    #expect(TensorFormatter.repr(Tensor.scalar(.nan)) == "tensor(nan)")
    #expect(TensorFormatter.repr(Tensor.scalar(1e-5)) == "tensor(1.0000e-05)")
}

@Test func summarizationKeepsThreeEdgeItems() throws {
    let t = try Tensor((0..<2000).map(Double.init), shape: [2000], dtype: .int64)
    #expect(TensorFormatter.repr(t) == "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])")
    let m = try Tensor((0..<1010).map { Double($0 % 7) - 3 }, shape: [101, 10], dtype: .int64)
    #expect(
        TensorFormatter.repr(m) == """
            tensor([[-3, -2, -1,  ..., -3, -2, -1],
                    [ 0,  1,  2,  ...,  0,  1,  2],
                    [ 3, -3, -2,  ...,  3, -3, -2],
                    ...,
                    [-3, -2, -1,  ..., -3, -2, -1],
                    [ 0,  1,  2,  ...,  0,  1,  2],
                    [ 3, -3, -2,  ...,  3, -3, -2]])
            """)
}

@Test func sizeRepr() {
    #expect(TensorFormatter.sizeRepr([2, 3]) == "torch.Size([2, 3])")
    #expect(TensorFormatter.sizeRepr([]) == "torch.Size([])")
    #expect(TensorFormatter.sizeRepr([5]) == "torch.Size([5])")
}
