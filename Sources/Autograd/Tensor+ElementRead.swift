/// Reading a few elements in place.
extension Tensor {
    /// The elements at row-major `positions`, as Doubles, read from the storage without a copy:
    /// printing a summarized tensor reads only the edges it shows.
    package func doubles(at positions: [Int]) -> [Double] {
        positions.map { position in
            let index = storageIndex(ofPosition: position)
            switch dtype {
            case .float32: return Double(storage.pointer(Float.self)[index])
            case .float64: return storage.pointer(Double.self)[index]
            case .int64: return Double(storage.pointer(Int64.self)[index])
            case .bool: return storage.pointer(Bool.self)[index] ? 1 : 0
            case .uint8, .int8, .int16, .int32: return dtype.dispatch(SingleValueReader(storage: storage, offset: index))
            }
        }
    }

    /// The elements of an int64 tensor at row-major `positions`, exactly (past 2^53 a Double
    /// cannot hold them).
    package func int64s(at positions: [Int]) -> [Int64] {
        let values = storage.pointer(Int64.self)
        return positions.map { values[storageIndex(ofPosition: $0)] }
    }

    /// The storage index of the element at row-major `position`.
    private func storageIndex(ofPosition position: Int) -> Int {
        var rest = position
        var index = offset
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            index += rest % shape[d] * strides[d]
            rest /= shape[d]
        }
        return index
    }
}
