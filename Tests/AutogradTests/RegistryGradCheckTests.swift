import TestSupport
import Testing

@testable import Autograd

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

/// Checks one declaration's analytic gradients (out of place, and in place on a copy) against
/// finite differences for `layout`, and, for contiguous inputs, that the output has the
/// declared grad_fn (the finite differences themselves run under no_grad).
private func checkGradients(_ declaration: OpDeclaration, _ layout: Layout) throws {
    let slots = try OpSampling.tensorSlots(declaration)
    let names = slots.flatMap { slot in Array(repeating: slot.name, count: slot.count) }
    let shapes = names.enumerated().map { k, name -> [Int] in
        let shape = declaration.samples.shapes[name] ?? [2, 3]
        if layout == .broadcast && k > 0 { return Array(shape.dropFirst()) }
        return shape
    }
    let transposes = layout == .transposed
    let inputs = try shapes.enumerated().map { k, shape in
        try OpSampling.tensor(
            transposes && shape.count >= 2 ? swappingFirstAndLast(shape) : shape, declaration.samples.domain, seed: k)
    }
    let fixed = try OpSampling.arguments(declaration)
    let context = "\(declaration.signatureText) \(layout)"
    let checksGradFn = layout == .contiguous

    func bind(_ leaves: [Tensor], copyingSelf: Bool) throws -> OpArguments {
        var values = fixed
        var remaining = leaves[...]
        for slot in slots {
            let tensors = try remaining.prefix(slot.count).map { leaf -> Tensor in
                var t = transposes && leaf.dim >= 2 ? try leaf.transpose(0, leaf.dim - 1) : leaf
                if declaration.samples.domain == .positiveDefinite {
                    t = try t.add(.tensor(t.transpose(-2, -1))).mul(.scalar(.double(0.5)))
                }
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
    if let underived = declaration.underivedInPlaceGradFn {
        let nonLeaves = try inputs.map { t -> Tensor in
            let leaf = try Tensor(t.doubles(), shape: t.shape, dtype: .float64)
            try leaf.setRequiresGrad(true)
            return try leaf.mul(.scalar(.int(1)))
        }
        let out = try declaration.callInPlace(bind(nonLeaves, copyingSelf: false))
        #expect(out.gradFn?.name == underived, "\(context) in place")
        #expect(throws: TorchError.self, "\(context) in place") { try out.sum().backward() }
        return
    }
    try expectGradientsMatchFiniteDifferences(inputs) { leaves in
        let arguments = try bind(leaves, copyingSelf: true)
        let out = try declaration.callInPlace(arguments)
        #expect(try out === arguments.tensor("self"), "\(context) in place")
        if checksGradFn && GradMode.isEnabled {
            #expect(out.gradFn?.name == (declaration.inPlaceGradFn ?? declaration.gradFn), "\(context) in place")
        }
        return out
    }
}

@Test func everyDifferentiableOpMatchesFiniteDifferences() throws {
    for declaration in try OpRegistry.build().declarations where declaration.isDifferentiable {
        let hasTensorPairs = try OpSampling.tensorSlots(declaration).count > 1
        for layout in Layout.allCases {
            if layout == .broadcast && !(declaration.samples.broadcasts && hasTensorPairs) { continue }
            if layout == .transposed && !declaration.samples.acceptsNonContiguous { continue }
            try checkGradients(declaration, layout)
        }
    }
}

@Test func nonDifferentiableOpsRecordNoGradFn() throws {
    for declaration in try OpRegistry.build().declarations where !declaration.isDifferentiable {
        var values = try OpSampling.arguments(declaration)
        for p in try declaration.signature.parameters
        where p.type == .tensor && p.defaultValue == nil && declaration.samples.constants[p.name] == nil {
            let t = try OpSampling.tensor([2, 3], declaration.samples.domain, seed: values.count)
            try t.setRequiresGrad(true)
            values[p.name] = .tensor(t)
        }
        let out = try declaration(declaration.arguments(values))
        #expect(out.gradFn == nil && !out.requiresGrad, "\(declaration.signatureText)")
    }
}
