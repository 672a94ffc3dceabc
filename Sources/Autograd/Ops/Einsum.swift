/// `torch.einsum(equation, operands)` as PyTorch 2.15 computes it without opt_einsum
/// (aten/src/ATen/native/Linear.cpp, `einsum` and `sumproduct_pair`): every operand's repeated
/// labels are reduced to their diagonal, missing labels unsqueezed and its dims permuted into one
/// order (output labels, then the contracted ones in label order); operands are then contracted
/// left to right, each pair through permute, reshape and `bmm`. The recorded ops, values and
/// gradients are PyTorch's.
extension Tensor {
    /// The result of contracting `operands` as `equation` says (`"ij,jk->ik"`, `"bij->bji"`,
    /// `"ii->i"`, `"...ij,...jk"`, with the implicit output when there is no `->`).
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        guard !operands.isEmpty else { throw TorchError.runtime("einsum(): must provide at least one operand") }
        let parsed = try EinsumEquation(equation, operands: operands)
        var (ops, dimCounts) = try parsed.align(operands)
        let (outputRank, rank) = (parsed.outputRank, parsed.rank)
        while ops.count > 1 {
            var a = ops.removeFirst()
            var b = ops.removeFirst()
            var sumDims = [Int]()
            var aDims = [Int]()
            var bDims = [Int]()
            for dim in outputRank..<rank {
                let (sa, sb) = (a.shape[dim] != 1, b.shape[dim] != 1)
                if sa && sb {
                    guard a.shape[dim] == b.shape[dim] else { throw TorchError.runtime("non-broadcast dimensions must match") }
                    dimCounts[dim] -= 1
                    if dimCounts[dim] == 1 {
                        sumDims.append(dim)
                        dimCounts[dim] = 0
                    }
                } else if dimCounts[dim] == 1 {
                    if sa {
                        aDims.append(dim)
                        dimCounts[dim] = 0
                    } else if sb {
                        bDims.append(dim)
                        dimCounts[dim] = 0
                    }
                }
            }
            if !aDims.isEmpty { a = try a.sum(dims: aDims, keepdim: true) }
            if !bDims.isEmpty { b = try b.sum(dims: bDims, keepdim: true) }
            ops.insert(try sumProductPair(a, b, sumDims: sumDims), at: 0)
        }
        guard rank > outputRank else { return ops[0] }
        if operands.count > 1 { return try ops[0].view(Array(ops[0].shape.prefix(outputRank))) }
        return try ops[0].sum(dims: Array(outputRank..<rank))
    }

    /// `sumproduct_pair(left, right, sum_dims, keepdim=true)`: `(left * right).sum(sumDims)` by
    /// permuting both into (batch, kept, summed) matrices multiplied with `bmm`.
    private static func sumProductPair(_ left: Tensor, _ right: Tensor, sumDims: [Int]) throws -> Tensor {
        guard !sumDims.isEmpty else { return try left.mul(.tensor(right)) }
        var (left, right) = (left, right)
        var (lro, lo, ro) = ([Int](), [Int](), [Int]())
        var (lroSize, loSize, roSize, sumSize) = (1, 1, 1, 1)
        for i in 0..<left.dim {
            let (sl, sr) = (left.shape[i] != 1, right.shape[i] != 1)
            if sumDims.contains(i) {
                if sl && sr {
                    guard left.shape[i] == right.shape[i] else {
                        throw TorchError.runtime("non-broadcast dimensions must match")
                    }
                    sumSize *= left.shape[i]
                } else if sl {
                    left = try left.sum(dims: [i], keepdim: true)
                } else if sr {
                    right = try right.sum(dims: [i], keepdim: true)
                }
            } else if sl && sr {
                guard left.shape[i] == right.shape[i] else { throw TorchError.runtime("non-broadcast dimensions must match") }
                lro.append(i)
                lroSize *= left.shape[i]
            } else if sl {
                lo.append(i)
                loSize *= left.shape[i]
            } else {
                ro.append(i)
                roSize *= right.shape[i]
            }
        }
        // When the right operand's dims all come before the left's in the output, swapping them
        // lets bmm produce the output's memory order directly.
        if let lastRight = ro.last, let firstLeft = lo.first, lastRight < firstLeft {
            swap(&left, &right)
            swap(&lo, &ro)
            swap(&loSize, &roSize)
        }
        let outSize =
            lro.map { left.shape[$0] } + lo.map { left.shape[$0] } + sumDims.map { _ in 1 } + ro.map { right.shape[$0] }
        let outputOrder = lro + lo + sumDims + ro
        var outputPermutation = [Int](repeating: -1, count: outputOrder.count)
        for (position, dim) in outputOrder.enumerated() { outputPermutation[dim] = position }
        let leftMatrix = try left.permute(lro + lo + sumDims + ro).reshape([lroSize, loSize, sumSize])
        let rightMatrix = try right.permute(lro + sumDims + ro + lo).reshape([lroSize, sumSize, roSize])
        return try leftMatrix.bmm(rightMatrix).view(outSize).permute(outputPermutation)
    }
}

/// An einsum equation parsed against its operands: each operand's labels, and the position of
/// every label in the common dimension order (output dims first, then the contracted ones).
private struct EinsumEquation {
    /// Labels as subscripts: 'A'–'Z' are 0–25, 'a'–'z' 26–51; the ellipsis is 52.
    static let ellipsis = 52
    let labels: [[Int]]
    /// Where each subscript's dim goes in the common order (-1: unused).
    let position: [Int]
    /// Where the ellipsis dims start in the common order.
    let ellipsisStart: Int
    let ellipsisRank: Int
    let outputRank: Int
    let rank: Int

    init(_ equation: String, operands: [Tensor]) throws {
        let bytes = Array(equation.utf8)
        let arrow = bytes.indices.first {
            $0 + 1 < bytes.count && bytes[$0] == UInt8(ascii: "-") && bytes[$0 + 1] == UInt8(ascii: ">")
        }
        let lhs = arrow.map { Array(bytes[..<$0]) } ?? bytes
        labels = try Self.operandLabels(lhs, count: operands.count)
        var counts = [Int](repeating: 0, count: 52)
        var ellipsisRank = 0
        for (i, operandLabels) in labels.enumerated() {
            var named = operandLabels.count
            let hasEllipsis = operandLabels.contains(Self.ellipsis)
            for label in operandLabels {
                if label == Self.ellipsis {
                    named -= 1
                } else {
                    counts[label] += 1
                }
            }
            let rank = operands[i].dim
            if hasEllipsis { ellipsisRank = Swift.max(ellipsisRank, rank - named) }
            guard hasEllipsis ? named <= rank : named == rank else {
                throw TorchError.runtime(
                    "einsum(): the number of subscripts in the equation (\(named))"
                        + (hasEllipsis ? " is more than" : " does not match")
                        + " the number of dimensions (\(rank)) for operand \(i)"
                        + (hasEllipsis ? "" : " and no ellipsis was given"))
            }
        }
        var position = [Int](repeating: -1, count: 52)
        var next = 0
        var ellipsisStart = 0
        var ellipsisInOutput = false
        if let arrow {
            let rhs = Array(bytes[(arrow + 2)...])
            var i = 0
            while i < rhs.count {
                let byte = rhs[i]
                if byte == UInt8(ascii: " ") {
                } else if byte == UInt8(ascii: ".") {
                    guard !ellipsisInOutput else {
                        throw TorchError.runtime("einsum(): found '.' for output but an ellipsis (...) was already found")
                    }
                    guard i + 2 < rhs.count, rhs[i + 1] == UInt8(ascii: "."), rhs[i + 2] == UInt8(ascii: ".") else {
                        throw TorchError.runtime("einsum(): found '.' for output that is not part of any ellipsis (...)")
                    }
                    i += 2
                    ellipsisStart = next
                    next += ellipsisRank
                    ellipsisInOutput = true
                } else {
                    guard let code = Self.labelCode(byte) else {
                        throw TorchError.runtime(
                            "einsum(): invalid subscript given at index \(lhs.count + 2 + i) in the equation string, subscripts must be in [a-zA-Z]"
                        )
                    }
                    guard counts[code] > 0, position[code] == -1 else {
                        throw TorchError.runtime(
                            "einsum(): output subscript \(Character(Unicode.Scalar(byte)))"
                                + (position[code] > -1
                                    ? " appears more than once in the output"
                                    : " does not appear in the equation for any input operand"))
                    }
                    position[code] = next
                    next += 1
                }
                i += 1
            }
        } else {
            next = ellipsisRank
            ellipsisInOutput = true
            for label in 0..<52 where counts[label] == 1 {
                position[label] = next
                next += 1
            }
        }
        outputRank = next
        if !ellipsisInOutput {
            ellipsisStart = next
            next += ellipsisRank
        }
        for label in 0..<52 where counts[label] > 0 && position[label] == -1 {
            position[label] = next
            next += 1
        }
        self.position = position
        self.ellipsisStart = ellipsisStart
        self.ellipsisRank = ellipsisRank
        rank = next
    }

    /// Subscript of a label letter, nil for anything else.
    private static func labelCode(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 26
        default: nil
        }
    }

    private static func letter(_ code: Int) -> Character {
        Character(Unicode.Scalar(UInt8(code < 26 ? code + 65 : code - 26 + 97)))
    }

    /// The labels of each operand in the left-hand side, with PyTorch's parse errors.
    private static func operandLabels(_ lhs: [UInt8], count: Int) throws -> [[Int]] {
        var labels = [[Int]](repeating: [], count: count)
        var current = 0
        var ellipsisSeen = false
        var i = 0
        while i < lhs.count {
            let byte = lhs[i]
            switch byte {
            case UInt8(ascii: " "):
                break
            case UInt8(ascii: "."):
                guard !ellipsisSeen else {
                    throw TorchError.runtime("einsum(): found '.' for operand \(current) for which an ellipsis was already found")
                }
                guard i + 2 < lhs.count, lhs[i + 1] == UInt8(ascii: "."), lhs[i + 2] == UInt8(ascii: ".") else {
                    throw TorchError.runtime("einsum(): found '.' for operand \(current) that is not part of any ellipsis")
                }
                i += 2
                labels[current].append(ellipsis)
                ellipsisSeen = true
            case UInt8(ascii: ","):
                current += 1
                guard current < count else {
                    throw TorchError.runtime("einsum(): fewer operands were provided than specified in the equation")
                }
                ellipsisSeen = false
            default:
                guard let code = labelCode(byte) else {
                    throw TorchError.runtime(
                        "einsum(): invalid subscript given at index \(i) in the equation string, subscripts must be in [a-zA-Z]")
                }
                labels[current].append(code)
            }
            i += 1
        }
        guard current == count - 1 else {
            throw TorchError.runtime("einsum(): more operands were provided than specified in the equation")
        }
        return labels
    }

    /// The operands with their repeated labels' diagonals taken, missing labels unsqueezed and
    /// their dims permuted into the common order, checking that sizes broadcast; and how many
    /// operands have a size other than 1 at each position.
    func align(_ operands: [Tensor]) throws -> (operands: [Tensor], dimCounts: [Int]) {
        var labelSize = [Int](repeating: 1, count: 52)
        var ellipsisSizes = [Int](repeating: 1, count: ellipsisRank)
        var dimCounts = [Int](repeating: 0, count: rank)
        /// Counts a dim of `size` other than 1 at `position`, after checking it broadcasts with
        /// the size `seen` before (the message gets that size).
        func note(_ size: Int, _ seen: inout Int, at position: Int, _ mismatch: (Int) -> String) throws {
            guard size != 1 else { return }
            guard seen == 1 || seen == size else { throw TorchError.runtime(mismatch(seen)) }
            seen = size
            dimCounts[position] += 1
        }
        var aligned = [Tensor]()
        for (i, operand) in operands.enumerated() {
            var op = operand
            var permutation = [Int](repeating: -1, count: rank)
            var dim = 0
            for label in labels[i] {
                if label == Self.ellipsis {
                    let covered = operand.dim - (labels[i].count - 1)
                    for j in (ellipsisRank - covered)..<ellipsisRank {
                        let size = op.shape[dim]
                        try note(size, &ellipsisSizes[j], at: ellipsisStart + j) {
                            "einsum(): dimension \(dim) covered by ellipsis in operand \(i)has size \(size) which does not broadcast with previously seen ellipsis with size \($0) for the respective dimension"
                        }
                        permutation[ellipsisStart + j] = dim
                        dim += 1
                    }
                } else if permutation[position[label]] == -1 {
                    let size = op.shape[dim]
                    try note(size, &labelSize[label], at: position[label]) {
                        "einsum(): subscript \(Self.letter(label)) has size \(size) for operand \(i) which does not broadcast with previously seen size \($0)"
                    }
                    permutation[position[label]] = dim
                    dim += 1
                } else {
                    let previous = permutation[position[label]]
                    guard op.shape[dim] == op.shape[previous] else {
                        throw TorchError.runtime(
                            "einsum(): subscript \(Self.letter(label)) is repeated for operand \(i) but the sizes don't match, \(op.shape[dim]) != \(op.shape[previous])"
                        )
                    }
                    op = try op.diagonal(offset: 0, dim1: previous, dim2: dim).movedim([-1], [previous])
                }
            }
            for p in permutation.indices where permutation[p] == -1 {
                op = try op.unsqueeze(dim)
                permutation[p] = dim
                dim += 1
            }
            aligned.append(try op.permute(permutation))
        }
        return (aligned, dimCounts)
    }
}
