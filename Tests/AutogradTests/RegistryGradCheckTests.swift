import Testing
@testable import Autograd

/// Sample values: distinct, at least 0.1 away from 0, ±0.5 and ±0.1 (where relu, abs and the
/// declared clamp bounds have kinks).
private let sampleBase: [Double] = [-1.7, -1.1, -0.3, 0.2, 0.7, 1.3, 1.9, -0.8, 0.4, 1.6, -1.4, 0.9]

/// A float64 sample tensor of `shape` in `domain`; `seed` shifts the values per input.
func sampleTensor(_ shape: [Int], _ domain: OpSamples.Domain, seed: Int) throws -> Tensor {
    let values = (0..<shape.reduce(1, *)).map { i -> Double in
        let v = sampleBase[(i + 5 * seed) % sampleBase.count]
        switch domain {
        case .real: return v
        case .positive: return Swift.abs(v)
        case .unitInterval: return v / 2.2
        }
    }
    return try Tensor(values, shape: shape, dtype: .float64)
}

private func swappingFirstAndLast(_ shape: [Int]) -> [Int] {
    var swapped = shape
    swapped.swapAt(0, shape.count - 1)
    return swapped
}

/// How a gradient check lays out the sample tensors.
private enum Layout: CaseIterable {
    case contiguous
    /// Each tensor of two or more dims is a view with its first and last dims swapped.
    case transposed
    /// The tensors after the first drop their leading dims, to broadcast against it.
    case broadcast
}

/// The signature's non-tensor arguments: the declared samples, else a value per type for
/// required parameters (defaults otherwise).
private func sampleArguments(_ declaration: OpDeclaration) throws -> [String: OpValue] {
    var values = declaration.samples.arguments
    for p in try declaration.signature.parameters where ![.tensor, .tensorList].contains(p.type) && p.defaultValue == nil && values[p.name] == nil {
        switch p.type {
        case .int: values[p.name] = .int(1)
        case .intList: values[p.name] = .intList([1])
        case .scalar: values[p.name] = .scalar(.double(1.5))
        case .float: values[p.name] = .double(0.5)
        case .bool: values[p.name] = .bool(false)
        default: Issue.record("\(declaration.signatureText): declare a sample for \(p.name)")
        }
    }
    return values
}

/// The sampled tensor inputs: one per `Tensor` parameter (optional ones only when the
/// declaration gives their shape), two per `Tensor[]` parameter.
private func sampledTensorSlots(_ declaration: OpDeclaration) throws -> [(name: String, count: Int)] {
    try declaration.signature.parameters.compactMap { p in
        switch p.type {
        case .tensor where p.defaultValue == nil || declaration.samples.shapes[p.name] != nil: return (p.name, 1)
        case .tensorList: return (p.name, 2)
        default: return nil
        }
    }
}

/// Checks one declaration's analytic gradients (out of place, and in place on a copy) against
/// finite differences for `layout`, and, for contiguous inputs, that the output has the
/// declared grad_fn (the finite differences themselves run under no_grad).
private func checkGradients(_ declaration: OpDeclaration, _ layout: Layout) throws {
    let slots = try sampledTensorSlots(declaration)
    let names = slots.flatMap { slot in Array(repeating: slot.name, count: slot.count) }
    let shapes = names.enumerated().map { k, name -> [Int] in
        let shape = declaration.samples.shapes[name] ?? [2, 3]
        if layout == .broadcast && k > 0 { return Array(shape.dropFirst()) }
        return shape
    }
    let transposes = layout == .transposed
    let inputs = try shapes.enumerated().map { k, shape in
        try sampleTensor(transposes && shape.count >= 2 ? swappingFirstAndLast(shape) : shape, declaration.samples.domain, seed: k)
    }
    let fixed = try sampleArguments(declaration)
    let context = "\(declaration.signatureText) \(layout)"
    let checksGradFn = layout == .contiguous

    func bind(_ leaves: [Tensor], copyingSelf: Bool) throws -> OpArguments {
        var values = fixed
        var remaining = leaves[...]
        for slot in slots {
            let tensors = try remaining.prefix(slot.count).map { leaf -> Tensor in
                let t = transposes && leaf.dim >= 2 ? try leaf.transpose(0, leaf.dim - 1) : leaf
                return copyingSelf && slot.name == "self" ? try t.clone() : t
            }
            remaining = remaining.dropFirst(slot.count)
            values[slot.name] = slot.count == 1 ? .tensor(tensors[0]) : .tensorList(tensors)
        }
        return try declaration.arguments(values)
    }

    try expectGradientsMatchFiniteDifferences(inputs) { leaves in
        let out = try declaration(bind(leaves, copyingSelf: false))
        if checksGradFn && GradMode.isEnabled { #expect(out.gradFn?.name == declaration.gradFn, "\(context)") }
        return out
    }
    guard declaration.hasInPlaceVariant else { return }
    try expectGradientsMatchFiniteDifferences(inputs) { leaves in
        let arguments = try bind(leaves, copyingSelf: true)
        let out = try declaration.callInPlace(arguments)
        #expect(try out === arguments.tensor("self"), "\(context) in place")
        if checksGradFn && GradMode.isEnabled { #expect(out.gradFn?.name == declaration.gradFn, "\(context) in place") }
        return out
    }
}

@Test func everyDifferentiableOpMatchesFiniteDifferences() throws {
    for declaration in try OpRegistry.build().declarations where declaration.isDifferentiable {
        let hasTensorPairs = try sampledTensorSlots(declaration).count > 1
        for layout in Layout.allCases {
            if layout == .broadcast && !(declaration.samples.broadcasts && hasTensorPairs) { continue }
            if layout == .transposed && !declaration.samples.acceptsNonContiguous { continue }
            try checkGradients(declaration, layout)
        }
    }
}

@Test func nonDifferentiableOpsRecordNoGradFn() throws {
    for declaration in try OpRegistry.build().declarations where !declaration.isDifferentiable {
        var values = try sampleArguments(declaration)
        for p in try declaration.signature.parameters where p.type == .tensor && p.defaultValue == nil {
            let t = try sampleTensor([2, 3], declaration.samples.domain, seed: values.count)
            try t.setRequiresGrad(true)
            values[p.name] = .tensor(t)
        }
        let out = try declaration(declaration.arguments(values))
        #expect(out.gradFn == nil && !out.requiresGrad, "\(declaration.signatureText)")
    }
}
