import Python

/// PyTorch's alias names (native_functions.yaml's "alias for" entries, torch/_torch_docs.py):
/// `torch.divide` is `torch.div`, `Tensor.greater_equal` is `Tensor.ge`, and so on. An alias is
/// the target's own binding, so it takes the same arguments and records the target's op and
/// grad_fn, as in PyTorch (`torch.absolute(x)` has grad_fn AbsBackward0).
enum OpAliases {
    /// Alias and target, for `torch.` and for `Tensor.`; each in-place form (`divide_` for
    /// `div_`) is aliased too where the target has one.
    static let pairs: [(alias: String, target: String)] = [
        ("absolute", "abs"), ("arccos", "acos"), ("arcsin", "asin"), ("arctan", "atan"), ("arctan2", "atan2"),
        ("arccosh", "acosh"), ("arcsinh", "asinh"), ("arctanh", "atanh"), ("divide", "div"), ("multiply", "mul"),
        ("subtract", "sub"), ("greater", "gt"), ("greater_equal", "ge"), ("less", "lt"), ("less_equal", "le"),
        ("not_equal", "ne"), ("fix", "trunc"), ("negative", "neg"), ("moveaxis", "movedim"), ("ger", "outer"),
        ("concatenate", "cat"), ("concat", "cat"), ("row_stack", "vstack")
    ]

    /// `members` with every alias whose target it binds (and that it does not bind itself).
    static func adding(to members: [String: Value]) -> [String: Value] {
        var members = members
        for (alias, target) in pairs {
            for suffix in ["", "_"] where members[alias + suffix] == nil {
                if let binding = members[target + suffix] { members[alias + suffix] = binding }
            }
        }
        return members
    }

    /// The Tensor method an alias stands for (`divide_` -> `div_`); nil for other names.
    static func methodTarget(of name: String) -> String? { methodTargets[name] }

    private static let methodTargets: [String: String] = {
        var targets = [String: String]()
        for (alias, target) in pairs {
            targets[alias] = target
            targets[alias + "_"] = target + "_"
        }
        return targets
    }()
}
