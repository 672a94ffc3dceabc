import Python

/// The deprecated `size_average=` and `reduce=` keywords of the `torch.nn.functional` losses,
/// as `torch.nn._reduction.legacy_get_string` maps them onto `reduction=`, with its warning.
enum LegacyReduction {
    /// The functional losses the registry binds that take `size_average`/`reduce` in PyTorch
    /// (`huber_loss` and `gaussian_nll_loss` do not).
    static let registryLosses: Set<String> = [
        "l1_loss", "mse_loss", "smooth_l1_loss", "kl_div", "binary_cross_entropy_with_logits", "margin_ranking_loss",
        "hinge_embedding_loss", "cosine_embedding_loss", "poisson_nll_loss", "multilabel_soft_margin_loss",
        "soft_margin_loss", "multi_margin_loss", "multilabel_margin_loss",
        "triplet_margin_loss"
    ]

    /// `legacy_get_string(size_average, reduce)`: None counts as True for both.
    static func reduction(sizeAverage: Value?, reduce: Value?, _ interp: Interpreter) throws -> String {
        func flag(_ v: Value?) throws -> Bool {
            guard let v, !interp.isNone(v) else { return true }
            return try interp.truthy(v)
        }
        let reduces = try flag(reduce)
        let averages = try flag(sizeAverage)
        let mode = averages && reduces ? "mean" : reduces ? "sum" : "none"
        interp.warn(
            "size_average and reduce args will be deprecated, please use reduction='\(mode)' instead.",
            category: "UserWarning")
        return mode
    }

    /// The reduction a hand-bound loss runs: from `size_average`/`reduce` when either is given
    /// and not None (PyTorch then ignores `reduction`), else `reduction`.
    static func reduction(
        _ args: Arguments, sizeAverageAt sizeAverageIndex: Int, reduceAt reduceIndex: Int, reductionAt reductionIndex: Int,
        _ interp: Interpreter
    ) throws -> String {
        let sizeAverage = args.value(sizeAverageIndex, "size_average")
        let reduce = args.value(reduceIndex, "reduce")
        if [sizeAverage, reduce].contains(where: { $0.map { !interp.isNone($0) } ?? false }) {
            return try reduction(sizeAverage: sizeAverage, reduce: reduce, interp)
        }
        return try interp.optionalString(args.value(reductionIndex, "reduction") ?? .none) ?? "mean"
    }

    /// `args` with `size_average=`/`reduce=` keywords replaced by the `reduction=` they stand for
    /// (when either is not None), for a loss the registry binds.
    static func rewritingKeywords(_ args: Arguments, _ interp: Interpreter) throws -> Arguments {
        let sizeAverage = args.keyword("size_average")
        let reduce = args.keyword("reduce")
        guard sizeAverage != nil || reduce != nil else { return args }
        var rewritten = args
        rewritten.keywords.removeAll { $0.name == "size_average" || $0.name == "reduce" }
        if [sizeAverage, reduce].contains(where: { $0.map { !interp.isNone($0) } ?? false }) {
            let mode = try reduction(sizeAverage: sizeAverage, reduce: reduce, interp)
            rewritten.keywords.removeAll { $0.name == "reduction" }
            rewritten.keywords.append((name: "reduction", value: .string(mode)))
        }
        return rewritten
    }
}
