/// `torch.normal` with one tensor and one number: sampled as ATen's `normal_out_impl` does,
/// recorded as one `normal` op whose node (NormalBackward1 / NormalBackward2) sends a zero
/// gradient to the tensor, as derivatives.yaml has it.
extension Tensor {
    /// `torch.normal(mean, std)` with a tensor `mean`: normals of standard deviation `std`,
    /// then `mean` added.
    public static func normal(mean: Tensor, std: Double, generator: Generator? = nil) throws -> Tensor {
        let out = try Observation.hidden {
            try GradMode.noGrad {
                try Tensor.zeros(mean.shape, dtype: mean.dtype).normal_(mean: 0, std: std, generator: generator)
                    .add_(.tensor(mean))
            }
        }
        let shape = mean.shape
        record("normal", .normalBackward1, inputs: [mean], outputs: [out]) { ctx in
            [Tensor.zeros(shape, dtype: ctx.grad.dtype)]
        }
        return out
    }

    /// `torch.normal(mean, std)` with a tensor `std`: standard normals multiplied by `std`,
    /// then `mean` added.
    public static func normal(mean: Double, std: Tensor, generator: Generator? = nil) throws -> Tensor {
        let out = try Observation.hidden {
            try GradMode.noGrad {
                let t = try Tensor.zeros(std.shape, dtype: std.dtype).normal_(mean: 0, std: 1, generator: generator)
                try t.mul_(.tensor(std))
                return try t.add_(.scalar(.double(mean)))
            }
        }
        let shape = std.shape
        record("normal", .normalBackward2, inputs: [std], outputs: [out]) { ctx in
            [Tensor.zeros(shape, dtype: ctx.grad.dtype)]
        }
        return out
    }
}

extension NodeKind {
    static let normalBackward1 = NodeKind("NormalBackward1")
    static let normalBackward2 = NodeKind("NormalBackward2")
}
