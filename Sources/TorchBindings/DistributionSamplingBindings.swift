import Autograd
import Python

/// The C++ samplers `torch.distributions` calls: `torch.poisson(input, generator=None)` and
/// `torch.binomial(count, prob, generator=None)` (Poisson, Binomial; Autograd's CountSampling),
/// and for Gamma, Chi2, Beta and Dirichlet `torch._standard_gamma(alpha, generator=None)`,
/// `torch._sample_dirichlet(alpha, generator=None)` with their reparameterised gradients
/// `torch._standard_gamma_grad(self, output)` and `torch._dirichlet_grad(x, alpha, total)`
/// (Autograd's Tensor+Gamma).
enum DistributionSamplingBindings {
    /// `torch.*` functions, merged into the torch module's members.
    static func functions() -> [String: Value] {
        [
            "poisson": .object(
                BuiltinFunction("poisson") { a, i in
                    try a.check("poisson", maxPositional: 2, allowed: ["input", "generator"])
                    let rates = try i.tensorValue(a.value(0, "input"), "poisson", "input")
                    return .tensor(try rates.poisson(generator: try i.generatorArgument(a, "poisson")))
                }),
            "binomial": .object(
                BuiltinFunction("binomial") { a, i in
                    try a.check("binomial", maxPositional: 3, allowed: ["count", "prob", "generator"])
                    return .tensor(
                        try Tensor.binomial(
                            count: try i.tensorValue(a.value(0, "count"), "binomial", "count"),
                            prob: try i.tensorValue(a.value(1, "prob"), "binomial", "prob"),
                            generator: try i.generatorArgument(a, "binomial")))
                }),
            "_standard_gamma": .object(
                BuiltinFunction("_standard_gamma") { a, i in
                    try a.check("_standard_gamma", maxPositional: 2, allowed: ["self", "generator"])
                    let alpha = try i.tensorValue(a.value(0, "self"), "_standard_gamma", "self")
                    return .tensor(try alpha.standardGamma(generator: try i.generatorArgument(a, "_standard_gamma")))
                }),
            "_standard_gamma_grad": .object(
                BuiltinFunction("_standard_gamma_grad") { a, i in
                    try a.check("_standard_gamma_grad", maxPositional: 2, allowed: ["self", "output"])
                    return .tensor(
                        try Tensor.standardGammaGrad(
                            try i.tensorValue(a.value(0, "self"), "_standard_gamma_grad", "self"),
                            output: try i.tensorValue(a.value(1, "output"), "_standard_gamma_grad", "output")))
                }),
            "_sample_dirichlet": .object(
                BuiltinFunction("_sample_dirichlet") { a, i in
                    try a.check("_sample_dirichlet", maxPositional: 2, allowed: ["self", "generator"])
                    let alpha = try i.tensorValue(a.value(0, "self"), "_sample_dirichlet", "self")
                    return .tensor(try alpha.sampleDirichlet(generator: try i.generatorArgument(a, "_sample_dirichlet")))
                }),
            "_dirichlet_grad": .object(
                BuiltinFunction("_dirichlet_grad") { a, i in
                    try a.check("_dirichlet_grad", maxPositional: 3, allowed: ["x", "alpha", "total"])
                    return .tensor(
                        try Tensor.dirichletGrad(
                            try i.tensorValue(a.value(0, "x"), "_dirichlet_grad", "x"),
                            alpha: try i.tensorValue(a.value(1, "alpha"), "_dirichlet_grad", "alpha"),
                            total: try i.tensorValue(a.value(2, "total"), "_dirichlet_grad", "total")))
                })
        ]
    }
}
