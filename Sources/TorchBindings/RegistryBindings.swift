import Autograd
import Python

/// The `torch.X`, `Tensor.X` and `torch.nn.functional.X` bindings derived from the op registry:
/// every name `OpRegistry.shared` declares in a namespace, except the few listed in
/// `keptByHand`, calls its declarations through `RegistryFunction`. The names the registry does
/// not declare (indexing, factories, autograd functions, Python-only helpers) are bound by hand
/// in `TensorMethods` and `TorchFunctions`; no name is bound both ways.
enum RegistryBindings {
    /// A name the registry declares whose Python binding does more than its declarations can
    /// yet say, so `TensorMethods`/`TorchFunctions` keep it.
    struct KeptByHand: Sendable {
        let namespace: OpExposure
        let name: String
        let reason: String
    }

    /// The names the registry declares but the hand-written bindings keep, each with why.
    static let keptByHand: [KeptByHand] =
        [
            KeptByHand(namespace: .functional, name: "relu", reason: "F.relu takes inplace="),
            KeptByHand(
                namespace: .functional, name: "softmax",
                reason: "F.softmax takes dim=None (with its warning), _stacklevel and dtype="
            ),
            KeptByHand(
                namespace: .functional, name: "log_softmax",
                reason: "F.log_softmax takes dim=None (with its warning), _stacklevel and dtype="),
            KeptByHand(
                namespace: .functional, name: "max_pool2d", reason: "F.max_pool2d takes return_indices= (FunctionalBindings)"),
            KeptByHand(
                namespace: .functional, name: "adaptive_avg_pool2d",
                reason: "F.adaptive_avg_pool2d takes None in output_size (FunctionalBindings)"),
            KeptByHand(namespace: .method, name: "view", reason: "view(dtype) raises GradScope's own not-supported error"),
            KeptByHand(namespace: .method, name: "nonzero", reason: "nonzero takes as_tuple= (a tuple of index tensors)"),
            KeptByHand(namespace: .torch, name: "nonzero", reason: "torch.nonzero takes as_tuple= (a tuple of index tensors)")
        ]
        + InPlaceActivationBindings.names.map {
            KeptByHand(namespace: .functional, name: $0, reason: "F.\($0) takes inplace= (InPlaceActivationBindings)")
        }

    /// `torch.X` from the registry, by name.
    static let torch = build(.torch)
    /// `Tensor.X` from the registry, by name.
    static let methods = build(.method)
    /// `torch.nn.functional.X` from the registry, by name.
    static let functional = build(.functional)
    /// `torch.linalg.X` from the registry, by name.
    static let linalg = build(.linalg)

    /// The registry's bindings in `namespace` (one of `OpExposure.namespaces`), by name.
    static func bindings(in namespace: OpExposure) -> [String: RegistryFunction] {
        switch namespace {
        case .torch: return torch
        case .method: return methods
        case .linalg: return linalg
        default: return functional
        }
    }

    /// A module's hand-bound `members` with the registry's bindings in `namespace` added; a
    /// name bound both ways is a programming error.
    static func adding(_ namespace: OpExposure, to members: [String: Value]) -> [String: Value] {
        members.merging(
            bindings(in: namespace).mapValues { function in
                guard namespace == .functional, LegacyReduction.registryLosses.contains(function.name) else {
                    return .object(
                        BuiltinFunction(function.name) { args, interp in try function.call(receiver: nil, args, interp) })
                }
                return .object(
                    BuiltinFunction(function.name) { args, interp in
                        try function.call(receiver: nil, try LegacyReduction.rewritingKeywords(args, interp), interp)
                    })
            }
        ) { _, _ in preconditionFailure("a \(namespace) name is bound both by hand and by the registry") }
    }

    private static func build(_ namespace: OpExposure) -> [String: RegistryFunction] {
        var table = [String: RegistryFunction]()
        for name in OpRegistry.shared.names(in: namespace)
        where !keptByHand.contains(where: { $0.namespace == namespace && $0.name == name }) {
            table[name] = RegistryFunction(name: name, namespace: namespace)
        }
        return table
    }
}
