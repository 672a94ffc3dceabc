import Autograd
import Python

/// `torch.UntypedStorage` (from `Tensor.untyped_storage()`) and the deprecated
/// `torch.TypedStorage` (from `Tensor.storage()`): the buffer behind a tensor and its views.
/// Scripts use them to tell whether two tensors share memory, so each storage has one Python
/// object per run (`t.untyped_storage() is v.untyped_storage()` for views, as in PyTorch) and a
/// stable address from `StorageAddresses`; sizes, bytes and printing are PyTorch's.
final class StorageObject: PyObject {
    let storage: Storage
    /// The element type of a `TypedStorage`; nil for an `UntypedStorage` (of bytes).
    let elementType: DType?
    private let address: Int

    init(_ storage: Storage, elementType: DType?, address: Int) {
        self.storage = storage
        self.elementType = elementType
        self.address = address
    }

    var typeName: String { elementType == nil ? "UntypedStorage" : "TypedStorage" }

    /// Elements: bytes of an untyped storage, values of a typed one.
    private var size: Int { elementType == nil ? storage.byteCount : storage.count }

    func repr() -> String {
        let info =
            elementType.map { "[torch.storage.TypedStorage(dtype=\($0.name), device=cpu) of size \(size)]" }
            ?? "[torch.storage.UntypedStorage(device=cpu) of size \(size)]"
        let values = (0..<size).map { " " + Formatting.repr(element($0)) }
        return (values + [info]).joined(separator: "\n")
    }

    /// Element `i`: a byte as an int, or a typed value as its Python number.
    private func element(_ i: Int) -> Value {
        guard let elementType else { return .int(Int(storage.data.load(fromByteOffset: i, as: UInt8.self))) }
        let offset = i * elementType.itemSize
        switch elementType {
        case .bool: return .bool(storage.data.load(fromByteOffset: offset, as: UInt8.self) != 0)
        case .int64: return .int(Int(storage.data.load(fromByteOffset: offset, as: Int64.self)))
        case .float32: return .float(Double(storage.data.load(fromByteOffset: offset, as: Float.self)))
        case .float64: return .float(storage.data.load(fromByteOffset: offset, as: Double.self))
        case .uint8: return .int(Int(storage.data.load(fromByteOffset: offset, as: UInt8.self)))
        case .int8: return .int(Int(storage.data.load(fromByteOffset: offset, as: Int8.self)))
        case .int16: return .int(Int(storage.data.load(fromByteOffset: offset, as: Int16.self)))
        case .int32: return .int(Int(storage.data.load(fromByteOffset: offset, as: Int32.self)))
        }
    }

    func length(_ interp: Interpreter) throws -> Int? { size }

    func iterate(_ interp: Interpreter) throws -> [Value]? { try interp.makeItems(count: size, objectBytes: 0, element) }

    func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        guard case .int(let index) = key else { return nil }
        let i = index < 0 ? index + size : index
        guard i >= 0 && i < size else {
            throw PyException(.indexError, "index \(index) out of range for storage of size \(size)")
        }
        return element(i)
    }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        let value: Value
        switch name {
        case "device": return .object(DeviceObject.cpu)
        case "dtype" where elementType != nil: return .object(DTypeObject.of(elementType ?? .float32))
        case "data_ptr": value = .int(address)
        case "nbytes": value = .int(storage.byteCount)
        case "size", "__len__": value = .int(size)
        case "element_size": value = .int(elementType?.itemSize ?? 1)
        case "is_shared", "is_pinned": value = .bool(false)
        case "tolist": value = .list(ListStorage((0..<size).map(element)))
        case "type":
            value = .string(
                elementType.map { "torch.\($0.legacyTypeName.dropFirst(6).dropLast(6))Storage" }
                    ?? "torch.storage.UntypedStorage")
        case "cpu": value = .object(self)
        default: return nil
        }
        return .object(
            BuiltinFunction(name) { args, _ in
                try args.check(name, maxPositional: 0, allowed: [])
                return value
            })
    }
}

/// Stable stand-ins for the addresses of storages, for `data_ptr()`: the sandbox shows no real
/// pointers, and scripts compare addresses, not their digits. Each storage gets, the first time
/// it is asked, the next 64-byte-aligned address after the last one handed out; the address
/// and the storage's Python objects are kept while the storage lives.
final class StorageAddresses {
    private struct Entry {
        weak var storage: Storage?
        let address: Int
        weak var untyped: StorageObject?
        weak var typed: StorageObject?
    }

    private var entries: [ObjectIdentifier: Entry] = [:]
    private var next = 0x7f3a_c000_0040

    /// The address of `storage`'s first byte.
    func address(of storage: Storage) -> Int { entry(storage).address }

    /// The one `UntypedStorage` (or, with `elementType`, `TypedStorage`) object of `storage`.
    func object(of storage: Storage, elementType: DType?) -> StorageObject {
        var e = entry(storage)
        if let o = elementType == nil ? e.untyped : e.typed { return o }
        let o = StorageObject(storage, elementType: elementType, address: e.address)
        if elementType == nil { e.untyped = o } else { e.typed = o }
        entries[ObjectIdentifier(storage)] = e
        return o
    }

    private func entry(_ storage: Storage) -> Entry {
        let key = ObjectIdentifier(storage)
        if let e = entries[key], e.storage === storage { return e }
        let e = Entry(storage: storage, address: next, untyped: nil, typed: nil)
        next += (max(storage.byteCount, 1) + 127) / 64 * 64
        entries[key] = e
        return e
    }
}

/// `Tensor.untyped_storage()`, `Tensor.storage()` (with PyTorch's deprecation warning) and
/// `Tensor.data_ptr()`: the address of the tensor's first element in its storage.
enum StorageBindings {
    static let typedStorageWarning =
        "TypedStorage is deprecated. It will be removed in the future and UntypedStorage will be the only storage class. "
        + "This should only matter to you if you are using storages directly.  To access UntypedStorage directly, "
        + "use tensor.untyped_storage() instead of tensor.storage()"

    static let methods: [String: TensorMethod] = [
        "untyped_storage": { t, a, i in
            try a.check("untyped_storage", maxPositional: 0, allowed: [])
            return .object(TorchRuntime.of(i).storageAddresses.object(of: t.storage, elementType: nil))
        },
        "storage": { t, a, i in
            try a.check("storage", maxPositional: 0, allowed: [])
            i.warnOnce(typedStorageWarning, category: "UserWarning")
            return .object(TorchRuntime.of(i).storageAddresses.object(of: t.storage, elementType: t.dtype))
        },
        "data_ptr": { t, a, i in
            try a.check("data_ptr", maxPositional: 0, allowed: [])
            return .int(TorchRuntime.of(i).storageAddresses.address(of: t.storage) + t.offset * t.dtype.itemSize)
        }
    ]
}
