/// `torch.linspace` and `torch.arange` values computed as PyTorch's CPU kernels compute them
/// (aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp), so that every element is bit-identical.
/// Those kernels are compiled with FMA enabled and the compiler fuses `start + step * i` into
/// one fused multiply-add; the arange kernel's vector path (32-byte vectors) offsets each lane
/// from its vector's first element. Both were checked against PyTorch 2.15 on random ranges.

/// Writes `steps` values from `start` to `end` in `T`'s precision into `values`: the step is
/// `(end - start) / (steps - 1)` in `T`; the first half counts up from `start`, the second half
/// down from `end`.
func linspaceFill<T: BinaryFloatingPoint>(_ values: UnsafeMutablePointer<T>, from start: T, to end: T, steps: Int) {
    if steps == 1 {
        values[0] = start
        return
    }
    let step = (end - start) / T(steps - 1)
    let halfway = steps / 2
    for i in 0..<steps {
        values[i] = i < halfway ? start.addingProduct(step, T(i)) : end.addingProduct(-step, T(steps - i - 1))
    }
}

/// Writes `count` values `start + i * step` of a floating dtype into `values`, computed in
/// double (PyTorch's accumulation type on the CPU) and rounded to `T`: in blocks of two vectors
/// each vector's first value is `start + step * i`, its other lanes that value plus `lane * step`;
/// the elements after the last whole block are `start + step * i` one by one.
func arangeFill<T: BinaryFloatingPoint>(_ values: UnsafeMutablePointer<T>, start: Double, step: Double, count: Int) {
    let width = 32 / MemoryLayout<T>.size
    var index = 0
    while index + 2 * width <= count {
        for _ in 0..<2 {
            let first = Double(T(start.addingProduct(step, Double(index))))
            for lane in 0..<width { values[index + lane] = T(first.addingProduct(Double(lane), step)) }
            index += width
        }
    }
    while index < count {
        values[index] = T(start.addingProduct(step, Double(index)))
        index += 1
    }
}
