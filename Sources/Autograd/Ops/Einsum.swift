/// `torch.einsum(equation, operands)`: each operand's repeated labels reduced to their
/// diagonal, its dims permuted into one common label order (output labels first, then the
/// summed ones) with size-1 dims for the labels it lacks, the operands multiplied with
/// broadcasting and the summed labels reduced. Values and gradients are PyTorch's; the
/// grad_fn chain is not (PyTorch contracts pairs through `bmm`).
extension Tensor {
    /// The result of contracting `operands` as `equation` says (`"ij,jk->ik"`, `"bij->bji"`,
    /// `"ii->i"`, `"...ij,...jk"`, with NumPy's implicit output when there is no `->`).
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        let text = equation.filter { $0 != " " }
        let sides = text.components(separatedBy: "->")
        guard sides.count <= 2 else { throw TorchError.runtime("einsum(): invalid subscript given at index \(text.count)") }
        let inputs = sides[0].components(separatedBy: ",")
        guard !operands.isEmpty else {
            throw TorchError.runtime("einsum(): must provide at least one operand")
        }
        guard inputs.count <= operands.count else {
            throw TorchError.runtime("einsum(): fewer operands were provided than specified in the equation")
        }
        guard inputs.count >= operands.count else {
            throw TorchError.runtime("einsum(): more operands were provided than specified in the equation")
        }
        // Labels are letters' scalars; the ellipsis dims get ids from 1000, aligned to the right.
        var ellipsisRank = 0
        var operandLabels = [[Int]]()
        for (k, subscripts) in inputs.enumerated() {
            let parts = subscripts.components(separatedBy: "...")
            guard parts.count <= 2 else {
                throw TorchError.runtime("einsum(): found '.' for operand \(k) that is not part of any ellipsis")
            }
            let letters = parts.joined()
            for c in letters where !c.isLetter {
                throw TorchError.runtime("einsum(): invalid subscript given at index \(k)")
            }
            let named = letters.count
            let rank = operands[k].dim
            if parts.count == 1 {
                guard named == rank else {
                    throw TorchError.runtime(
                        "einsum(): the number of subscripts in the equation (\(named)) does not match the number of dimensions (\(rank)) for operand \(k) and no ellipsis was given"
                    )
                }
                operandLabels.append(letters.unicodeScalars.map { Int($0.value) })
            } else {
                guard named <= rank else {
                    throw TorchError.runtime(
                        "einsum(): the number of subscripts in the equation (\(named)) is more than the number of dimensions (\(rank)) for operand \(k)"
                    )
                }
                let covered = rank - named
                ellipsisRank = Swift.max(ellipsisRank, covered)
                let ellipsis = (0..<covered).map { 1000 - covered + $0 }
                operandLabels.append(
                    parts[0].unicodeScalars.map { Int($0.value) } + ellipsis + parts[1].unicodeScalars.map { Int($0.value) })
            }
        }
        let ellipsisLabels = (0..<ellipsisRank).map { 1000 - ellipsisRank + $0 }
        var output: [Int]
        if sides.count == 2 {
            let parts = sides[1].components(separatedBy: "...")
            output =
                parts[0].unicodeScalars.map { Int($0.value) } + (parts.count == 2 ? ellipsisLabels : [])
                + (parts.count == 2 ? parts[1].unicodeScalars.map { Int($0.value) } : [])
            for label in output where label < 1000 && !operandLabels.contains(where: { $0.contains(label) }) {
                throw TorchError.runtime(
                    "einsum(): output subscript \(Character(Unicode.Scalar(UInt8(label)))) does not appear in the equation for any input operand"
                )
            }
        } else {
            var counts = [Int: Int]()
            for labels in operandLabels { for l in labels where l < 1000 { counts[l, default: 0] += 1 } }
            output = ellipsisLabels + counts.filter { $0.value == 1 }.keys.sorted()
        }
        var order = output
        for labels in operandLabels { for l in labels where !order.contains(l) { order.append(l) } }
        // Each operand: diagonals of repeated labels, then its dims in `order` with size-1 gaps.
        var aligned = [Tensor]()
        for (k, var labels) in operandLabels.enumerated() {
            var t = operands[k]
            var i = 0
            while i < labels.count {
                if let j = labels[(i + 1)...].firstIndex(of: labels[i]) {
                    guard t.shape[i] == t.shape[j] else {
                        throw TorchError.runtime(
                            "einsum(): subscript \(Character(Unicode.Scalar(UInt8(labels[i])))) is repeated for operand \(k) but the sizes don't match, \(t.shape[i]) != \(t.shape[j])"
                        )
                    }
                    t = try t.diagonal(offset: 0, dim1: i, dim2: j)
                    let label = labels[i]
                    labels.remove(at: j)
                    labels.remove(at: i)
                    labels.append(label)
                } else {
                    i += 1
                }
            }
            let present = order.filter { labels.contains($0) }
            let permutation = present.map { labels.firstIndex(of: $0)! }
            if permutation != Array(0..<labels.count) { t = try t.permute(permutation) }
            for (position, label) in order.enumerated() where !labels.contains(label) { t = try t.unsqueeze(position) }
            aligned.append(t)
        }
        var result = aligned[0]
        for t in aligned.dropFirst() { result = try result.mul(.tensor(t)) }
        if order.count > output.count { result = try result.sum(dims: Array(output.count..<order.count)) }
        return result
    }
}
