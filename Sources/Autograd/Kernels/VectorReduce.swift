/// The lane-by-lane reductions of PyTorch's vectorised helpers (aten/src/ATen/cpu/vec/functional_base.h:
/// `reduce_all`, `map_reduce_all`, `map2_reduce_all`, `vec_reduce_all`). PyTorch 2.15 on this
/// machine runs kernels registered with REGISTER_DISPATCH with 32-byte vectors (AVX2: 8 floats,
/// 4 doubles) and those registered with ALSO_REGISTER_AVX512_DISPATCH with 64-byte vectors
/// (16 floats, 8 doubles).
struct VectorLanes<T: FloatElement> {
    /// Lanes in one vector.
    let width: Int

    /// 32-byte vectors, for kernels registered with REGISTER_DISPATCH.
    static var avx2: Self { Self(width: 32 / MemoryLayout<T>.size) }
    /// 64-byte vectors, for kernels registered with ALSO_REGISTER_AVX512_DISPATCH.
    static var avx512: Self { Self(width: 64 / MemoryLayout<T>.size) }

    /// `vec_reduce_all` of a full vector: float32 folds the halves together (VecReduceAllSIMD:
    /// lane i plus lane i ^ width/2, and so on down to i ^ 1); float64 adds the lanes in order.
    func fold(_ lanes: [T]) -> T {
        if T.self == Float.self {
            var v = lanes
            var step = v.count / 2
            while step > 0 {
                v = v.indices.map { v[$0] + v[$0 ^ step] }
                step /= 2
            }
            return v[0]
        }
        return lanes.dropFirst().reduce(lanes[0], +)
    }

    /// `map2_reduce_all(map, +, ...)` over `count` mapped values `value(i)` (`reduce_all(+, ...)`
    /// when map is the identity): fewer values than a vector are added in order; otherwise the
    /// first vector seeds the lanes, `step(lane, i)` adds value i of each later whole vector to
    /// its lane, `tailStep` those of the partial last vector, then `fold`. By default both steps
    /// add `value(i)`; a kernel whose compiled loop fuses the map into the addition passes an
    /// FMA step.
    func reduce(
        count: Int, _ value: (Int) -> T, step: ((T, Int) -> T)? = nil, tailStep: ((T, Int) -> T)? = nil
    ) -> T {
        if count < width {
            guard count > 0 else { return 0 }
            var acc = value(0)
            for i in 1..<count { acc += value(i) }
            return acc
        }
        var acc = (0..<width).map(value)
        let whole = count - count % width
        var d = width
        while d < whole {
            for lane in 0..<width { acc[lane] = step?(acc[lane], d + lane) ?? acc[lane] + value(d + lane) }
            d += width
        }
        for lane in 0..<(count - d) { acc[lane] = tailStep?(acc[lane], d + lane) ?? acc[lane] + value(d + lane) }
        return fold(acc)
    }

    /// `reduce_all(+, ...)` / `map_reduce_all(map, +, ...)` of `count` values.
    func sum(count: Int, _ value: (Int) -> T) -> T { reduce(count: count, value) }
}
