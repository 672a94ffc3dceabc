/// Copies tensors as a `torch.save` then `torch.load` round trip does (torch/serialization.py):
/// each storage once and whole, each tensor over its storage's copy with the same offset, shape and
/// strides, so tensors saved together over one storage (views, tied weights) share one storage
/// after loading. A copy is a leaf with its own version counter: it keeps `requires_grad` and
/// Parameter-ness, not `grad_fn` or `.grad`. One copier serves one `save` or one `load` call.
public final class SerializationCopier {
    private var storageCopies: [ObjectIdentifier: Storage] = [:]
    private let factoryName: String?

    /// Copies reported to the observer as made by the factory `factoryName` (`"load"`), or not
    /// reported at all when nil (what `torch.save` keeps is no tensor of the script's).
    public init(reportingAs factoryName: String?) { self.factoryName = factoryName }

    /// The copy of `tensor`.
    public func copy(_ tensor: Tensor) throws -> Tensor {
        let key = ObjectIdentifier(tensor.storage)
        let storage = storageCopies[key] ?? copyStorage(tensor.storage)
        storageCopies[key] = storage
        let copy = Tensor(storage: storage, shape: tensor.shape, strides: tensor.strides, offset: tensor.offset)
        try copy.setRequiresGrad(tensor.requiresGrad)
        copy.isParameter = tensor.isParameter
        if let factoryName { reportCreated(copy, factoryName) }
        return copy
    }
}
