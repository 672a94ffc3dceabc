import Autograd
import Python

/// An `nn.Module` call as a `TorchObserver` sees it: the module, its class, a short summary of
/// its key sizes, its own parameters, and (on demand) the modules registered below it.
package struct ModuleCallEvent {
    /// The module object; its identity tells calls of one module apart from another's.
    package let module: AnyObject
    /// Its class's name (`Linear`).
    package let className: String
    /// Its key sizes as a picture labels them (`4→3`, `1→6, 5×5`); empty for modules without any.
    package let summary: String
    /// Its own registered parameters (`weight`, `bias`) as they are when called (after the call,
    /// a lazy module's materialized ones), in registration order; None entries left out.
    package let parameters: () -> [(name: String, tensor: Tensor)]
    /// Every module registered below a module (this one, or any other object) with its dotted
    /// path relative to it (`fc1`, `layers.0`), in `named_modules()` order; empty for an object
    /// that is not a module. Computed when called.
    package let submodules: (AnyObject) -> [(path: String, module: AnyObject)]

    /// The event for `module` (a prelude `nn.Module` instance) in `interp`.
    init(module: PyObject, className: String, interp: Interpreter) {
        self.module = module
        self.className = className
        summary = ModuleCallEvent.summary(of: module, interp)
        parameters = { [unowned interp] in
            ModuleCallEvent.dictionary(module, "_parameters", interp).compactMap { key, value in
                guard case .string(let name) = key, case .object(let tensor as Tensor) = value else { return nil }
                return (name, tensor)
            }
        }
        submodules = { [unowned interp] root in
            (root as? PyObject).map { ModuleCallEvent.namedSubmodules(of: $0, interp) } ?? []
        }
    }

    /// The items of the dict attribute `name` of `module` (empty when it has none).
    private static func dictionary(_ module: PyObject, _ name: String, _ interp: Interpreter) -> [(Value, Value)] {
        guard case .dict(let d)? = try? module.attribute(name, interp) else { return [] }
        return d.items
    }

    /// The modules below `root` with their paths, each module once, as `named_modules()` walks them.
    private static func namedSubmodules(of root: PyObject, _ interp: Interpreter) -> [(path: String, module: AnyObject)] {
        var result: [(path: String, module: AnyObject)] = []
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var stack: [(prefix: String, module: PyObject)] = [("", root)]
        while let (prefix, module) = stack.popLast() {
            var children: [(prefix: String, module: PyObject)] = []
            for (key, value) in dictionary(module, "_modules", interp) {
                guard case .string(let name) = key, case .object(let child) = value,
                    seen.insert(ObjectIdentifier(child)).inserted
                else { continue }
                let path = prefix.isEmpty ? name : prefix + "." + name
                result.append((path, child))
                children.append((path, child))
            }
            stack.append(contentsOf: children.reversed())
        }
        return result
    }

    /// `4→3` for Linear, `1→6, 5×5` for Conv2d, `6` for BatchNorm2d, `p=0.5` for Dropout, from
    /// the attributes PyTorch's modules keep.
    private static func summary(of module: PyObject, _ interp: Interpreter) -> String {
        func value(_ name: String) -> Value? { try? module.attribute(name, interp) }
        func text(_ v: Value?) -> String? {
            switch v {
            case .int(let i)?: return String(i)
            case .float(let d)?: return Formatting.repr(.float(d))
            case .tuple(let items)?: return joined(items)
            case .list(let list)?: return joined(list.items)
            default: return nil
            }
        }
        func joined(_ items: [Value]) -> String? {
            let parts = items.compactMap { text($0) }
            return parts.count == items.count && !parts.isEmpty ? parts.joined(separator: "×") : nil
        }
        // A lazy module (`LazyLinear`) learns its input size from its first input: `?` until then.
        func input(_ name: String) -> String? { text(value(name)).map { $0 == "0" ? "?" : $0 } }
        if let i = input("in_features"), let o = text(value("out_features")) { return "\(i)→\(o)" }
        if let i = input("in_channels"), let o = text(value("out_channels")) {
            return "\(i)→\(o)" + (text(value("kernel_size")).map { ", " + $0 } ?? "")
        }
        if let n = text(value("num_embeddings")), let d = text(value("embedding_dim")) { return "\(n), \(d)" }
        if let n = text(value("num_features")) { return n }
        if let s = text(value("normalized_shape")) { return s }
        if let k = text(value("kernel_size")) { return k }
        if let i = text(value("input_size")), let h = text(value("hidden_size")) { return "\(i)→\(h)" }
        if let p = text(value("p")) { return "p=\(p)" }
        return ""
    }
}
