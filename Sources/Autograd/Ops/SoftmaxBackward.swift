extension Tensor {
    /// `_softmax_backward_data(grad_output, output, dim)` (or `_log_softmax_backward_data` when
    /// `log`): the input gradient of softmax from its output, computed by PyTorch's kernels
    /// (Kernels/SoftmaxBackwardKernel.swift). Under create_graph it records
    /// SoftmaxBackwardDataBackward0 / LogSoftmaxBackwardDataBackward0 over `grad_output` and
    /// `output`, whose own gradients are PyTorch's double-backward formulas.
    static func softmaxBackwardData(_ grad: Tensor, output: Tensor, dim d: Int, log: Bool) throws -> Tensor {
        let out = Storage.uninitialized(output.dtype, count: output.numel)
        let pass = SoftmaxVisitor.Pass.backward(
            grad: grad.contiguousStorage(as: output.dtype), output: output.contiguousStorage())
        output.dtype.dispatchFloat(SoftmaxVisitor(pass: pass, out: out, layout: output.softmaxKernelShape(d), log: log))
        let result = Tensor(storage: out, shape: output.shape)
        let name = log ? "_log_softmax_backward_data" : "_softmax_backward_data"
        record(
            name, log ? .logSoftmaxBackwardDataBackward0 : .softmaxBackwardDataBackward0, inputs: [grad, output],
            outputs: [result], saving: [.input("grad_output", grad), .input("output", output)]
        ) { ctx in
            let (gradOutput, y) = (try ctx.saved(0), try ctx.saved(1))
            let v = ctx.grad
            func rowSum(_ t: Tensor) throws -> Tensor { y.dim > 0 ? try t.sum(dims: [d], keepdim: true) : t }
            if log {
                let z = try y.exp()
                return [
                    ctx.needsGrad(0) ? try v.sub(.tensor(rowSum(v.mul(.tensor(z))))) : nil,
                    ctx.needsGrad(1) ? try v.mul(.tensor(z)).mul(.tensor(rowSum(gradOutput))).neg() : nil
                ]
            }
            return [
                ctx.needsGrad(0) ? try softmaxBackwardData(v, output: y, dim: d, log: false) : nil,
                ctx.needsGrad(1)
                    ? try v.mul(.tensor(gradOutput.sub(.tensor(rowSum(gradOutput.mul(.tensor(y)))))))
                        .sub(.tensor(gradOutput.mul(.tensor(rowSum(v.mul(.tensor(y)))))))
                    : nil
            ]
        }
        return result
    }
}

extension NodeKind {
    static let logSoftmaxBackwardDataBackward0 = NodeKind("LogSoftmaxBackwardDataBackward0")
    static let softmaxBackwardDataBackward0 = NodeKind("SoftmaxBackwardDataBackward0")
}
