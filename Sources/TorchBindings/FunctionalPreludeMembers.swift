import Python

/// The `torch.nn.functional` functions the prelude writes in Python, as PyTorch's
/// torch/nn/functional.py does (`multi_head_attention_forward`, `scaled_dot_product_attention`'s
/// choice of kernel, the mask helpers the transformer modules call, `embedding_bag`'s checks, `rms_norm`,
/// `gumbel_softmax`, `affine_grid` and `grid_sample`'s checks, `local_response_norm`, `max_unpool1d`/`2d`, `lp_pool1d`/`2d`,
/// the deprecated `upsample` wrappers):
/// each runs its prelude module's source on first call.
enum FunctionalPreludeMembers {
    /// The prelude module holding each function, by the function's name.
    static let modules = [
        "scaled_dot_product_attention": "torch.nn._functional_attention",
        "multi_head_attention_forward": "torch.nn._functional_attention",
        "_canonical_mask": "torch.nn._functional_attention",
        "_none_or_dtype": "torch.nn._functional_attention",
        "_mha_shape_check": "torch.nn._functional_attention",
        "_in_projection_packed": "torch.nn._functional_attention",
        "_in_projection": "torch.nn._functional_attention",
        "embedding_bag": "torch.nn._functional_embedding_bag",
        "rms_norm": "torch.nn._functional_normalization",
        "local_response_norm": "torch.nn._functional_normalization",
        "max_unpool1d": "torch.nn._functional_unpool",
        "max_unpool2d": "torch.nn._functional_unpool",
        "lp_pool1d": "torch.nn._functional_lp_pool",
        "lp_pool2d": "torch.nn._functional_lp_pool",
        "upsample": "torch.nn._functional_upsample",
        "upsample_nearest": "torch.nn._functional_upsample",
        "upsample_bilinear": "torch.nn._functional_upsample",
        "gumbel_softmax": "torch.nn._functional_sampling",
        "affine_grid": "torch.nn._functional_grid",
        "grid_sample": "torch.nn._functional_grid"
    ]

    /// One host function per name, calling the prelude's function of that name.
    static func members() -> [String: Value] {
        var members = [String: Value]()
        for (name, moduleName) in modules {
            members[name] = .object(
                BuiltinFunction(name) { args, interp in
                    guard let module = TorchRuntime.of(interp).prelude?.modules[moduleName],
                        let function = try module.attribute(name, interp)
                    else {
                        throw PyException.attribute("module 'torch.nn.functional' has no attribute '\(name)'")
                    }
                    return try interp.call(function, args)
                })
        }
        return members
    }
}
