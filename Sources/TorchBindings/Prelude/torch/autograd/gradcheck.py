# torch.autograd.gradcheck after PyTorch's torch/autograd/gradcheck.py (the slow, real-valued
# mode): finite-difference Jacobians compared with the ones backward computes.
# GradScope simplifications: no fast_mode, no forward AD, no batched or undefined-grad checks,
# no complex or sparse inputs; backward is deterministic here, so it runs once per row.
import _gradscope
import torch

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    r"""Error raised by :func:`gradcheck` and :func:`gradgradcheck`."""


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    elif isinstance(x, list):
        return tuple(x)
    else:
        return (x,)


def _is_tensor(x):
    return isinstance(x, torch.Tensor)


def _iter_tensors(x, only_requiring_grad=False):
    if _is_tensor(x):
        return [x] if x.requires_grad or not only_requiring_grad else []
    found = []
    if isinstance(x, (list, tuple)):
        for elem in x:
            found += _iter_tensors(elem, only_requiring_grad)
    return found


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


def _check_inputs(tupled_inputs):
    any_input_requiring_grad = False
    for idx, inp in enumerate(tupled_inputs):
        if _is_tensor(inp) and inp.requires_grad:
            if not (inp.dtype == torch.float64):
                _gradscope.warn(
                    f"Input #{idx} requires gradient and "
                    "is not a double precision floating point or complex. "
                    "This check will likely fail if all the inputs are "
                    "not of double precision floating point or complex. "
                )
            any_input_requiring_grad = True
    if not any_input_requiring_grad:
        raise ValueError(
            "gradcheck expects at least one input tensor to require gradient, "
            "but none of them have requires_grad=True."
        )
    return True


def _compute_numerical_gradient(fn, entry, v, norm_v):
    # Central difference of `fn` at `entry`, perturbed in place by `v`.
    orig = entry.clone()
    entry.copy_(orig - v)
    outa = fn()
    entry.copy_(orig + v)
    outb = fn()
    entry.copy_(orig)

    def compute(a, b):
        ret = (b - a) / (2 * norm_v)
        return ret.detach().reshape(-1)

    return tuple(compute(a, b) for (a, b) in zip(outa, outb))


def _get_numerical_jacobian_wrt_specific_input(fn, inputs, outputs, input, eps):
    x = input.data.view(-1)
    n = x.numel()
    jacobians = [torch.zeros(n, o.numel(), dtype=o.dtype) for o in outputs]

    def wrapped_fn():
        return tuple(a.clone() for a in _as_tuple(fn(*inputs)))

    for k in range(n):
        columns = _compute_numerical_gradient(wrapped_fn, x[k], eps, eps)
        for i, jacobian in enumerate(jacobians):
            jacobian[k] = columns[i]
    return jacobians


def _get_numerical_jacobian(fn, inputs, outputs, eps):
    # One list per input requiring grad, of one (input.numel(), output.numel()) matrix per output.
    return [
        _get_numerical_jacobian_wrt_specific_input(fn, inputs, outputs, inp, eps)
        for inp in inputs
        if _is_tensor(inp) and inp.requires_grad
    ]


def _transpose(matrix_of_tensors):
    return list(zip(*matrix_of_tensors))


def _compute_analytical_jacobian_rows(vjp_fn, sample_output):
    grad_out_base = torch.zeros_like(sample_output)
    flat_grad_out = grad_out_base.view(-1)
    jacobians_rows = []
    for j in range(flat_grad_out.numel()):
        flat_grad_out.zero_()
        flat_grad_out[j] = 1.0
        grad_inputs = vjp_fn(grad_out_base)
        for i, d_x in enumerate(grad_inputs):
            if j == 0:
                jacobians_rows.append([])
            jacobians_rows[i] += [d_x.clone() if isinstance(d_x, torch.Tensor) else None]
    return jacobians_rows


def _stack_and_check_tensors(list_of_list_of_tensors, inputs, numel_outputs):
    diff_input_list = list(_iter_tensors(inputs, True))
    out_jacobians = [torch.zeros(inp.numel(), numel_outputs, dtype=inp.dtype) for inp in diff_input_list]
    correct_grad_sizes = True
    correct_grad_types = True
    for i, tensor_list in enumerate(list_of_list_of_tensors):
        inp = diff_input_list[i]
        out_jacobian = out_jacobians[i]
        for j, tensor in enumerate(tensor_list):
            if tensor is not None and tensor.size() != inp.size():
                correct_grad_sizes = False
            elif tensor is not None and tensor.dtype != inp.dtype:
                correct_grad_types = False
            if tensor is None:
                out_jacobian[:, j] = 0.0
            else:
                out_jacobian[:, j] = tensor.reshape(-1)
    return out_jacobians, correct_grad_types, correct_grad_sizes


def _check_analytical_jacobian_attributes(inputs, output, check_grad_dtypes):
    diff_input_list = list(_iter_tensors(inputs, True))

    def vjp_fn(grad_output):
        return torch.autograd.grad(output, diff_input_list, grad_output, retain_graph=True, allow_unused=True)

    vjps = _compute_analytical_jacobian_rows(vjp_fn, output.clone())
    jacobians, types_ok, sizes_ok = _stack_and_check_tensors(vjps, inputs, output.numel())
    if not types_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    return jacobians


def _get_notallclose_msg(analytical, numerical, output_idx, input_idx):
    return "Jacobian mismatch for output %d with respect to input %d,\nnumerical:%s\nanalytical:%s\n" % (
        output_idx,
        input_idx,
        numerical,
        analytical,
    )


def _check_no_differentiable_outputs(func, inputs, func_out, eps):
    jacobians_all_inputs_outputs = _get_numerical_jacobian(func, inputs, func_out, eps)
    for jacobians_all_outputs_and_fixed_input in jacobians_all_inputs_outputs:
        for jacobian in jacobians_all_outputs_and_fixed_input:
            if torch.ne(jacobian, 0).sum() > 0:
                raise GradcheckError("Numerical gradient for function expected to be zero")
    return True


def _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, rtol, atol, check_grad_dtypes):
    func_out = _as_tuple(func_out)
    if not outputs:
        return _check_no_differentiable_outputs(func, tupled_inputs, func_out, eps)
    numerical = _transpose(_get_numerical_jacobian(func, tupled_inputs, func_out, eps))
    numerical = [nj for o, nj in zip(func_out, numerical) if o.requires_grad]
    for i, o in enumerate(outputs):
        analytical = _check_analytical_jacobian_attributes(tupled_inputs, o, check_grad_dtypes)
        for j, (a, n) in enumerate(zip(analytical, numerical[i])):
            if not torch.allclose(a, n.to(a.dtype), rtol, atol):
                raise GradcheckError(_get_notallclose_msg(a, n, i, j))
    return True


def _test_backward_mul_by_grad_output(outputs, inputs):
    diff_input_list = list(_iter_tensors(inputs, True))
    if not diff_input_list:
        raise GradcheckError("no Tensors requiring grad found in input")
    grads_input = torch.autograd.grad(
        outputs, diff_input_list, [torch.zeros_like(o) for o in outputs], allow_unused=True
    )
    for gi, di in zip(grads_input, diff_input_list):
        if gi is None:
            continue
        if not gi.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if gi.dtype != di.dtype:
            raise GradcheckError("grad is incorrect type")
        if gi.size() != di.size():
            raise GradcheckError("grad is incorrect size")
    return True


def _gradcheck_helper(func, inputs, eps, atol, rtol, check_grad_dtypes, check_backward_ad):
    tupled_inputs = _as_tuple(inputs)
    _check_inputs(tupled_inputs)
    func_out = func(*tupled_inputs)
    outputs = _differentiable_outputs(func_out)
    _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, rtol, atol, check_grad_dtypes)
    if check_backward_ad and outputs:
        _test_backward_mul_by_grad_output(outputs, tupled_inputs)
    return True


def gradcheck(
    func,
    inputs,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_batched_forward_grad=False,
    check_forward_ad=False,
    check_backward_ad=True,
    fast_mode=False,
    masked=None,
):
    r"""Check gradients computed via small finite differences against analytical gradients
    w.r.t. tensors in :attr:`inputs` that are of floating point type and with
    ``requires_grad=True``; returns True if all differences satisfy the allclose condition."""
    if not raise_exception:
        try:
            return _gradcheck_helper(func, inputs, eps, atol, rtol, check_grad_dtypes, check_backward_ad)
        except GradcheckError:
            return False
    return _gradcheck_helper(func, inputs, eps, atol, rtol, check_grad_dtypes, check_backward_ad)


def gradgradcheck(
    func,
    inputs,
    grad_outputs=None,
    *,
    eps=1e-6,
    atol=1e-5,
    rtol=1e-3,
    gen_non_contig_grad_outputs=False,
    raise_exception=True,
    nondet_tol=0.0,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_fwd_over_rev=False,
    check_rev_over_rev=True,
    fast_mode=False,
    masked=False,
):
    r"""Check gradients of gradients computed via small finite differences against analytical
    gradients w.r.t. tensors in :attr:`inputs` and :attr:`grad_outputs`; random grad_outputs in
    [-1, 1) are drawn from the default generator when none are given."""
    tupled_inputs = _as_tuple(inputs)
    if grad_outputs is None:
        outputs = _differentiable_outputs(func(*tupled_inputs))
        tupled_grad_outputs = tuple(
            torch.empty(x.shape, dtype=x.dtype if x.is_floating_point() else torch.double)
            .uniform_(-1, 1)
            .requires_grad_()
            for x in outputs
        )
    else:
        tupled_grad_outputs = _as_tuple(grad_outputs)
    num_outputs = len(tupled_grad_outputs)
    diff_input_args_indices = {i for i, x in enumerate(tupled_inputs) if _is_tensor(x) and x.requires_grad}
    diff_grad_output_indices = {i for i, x in enumerate(tupled_grad_outputs) if x.requires_grad}

    def new_func(*args):
        input_args = tuple(
            x.requires_grad_() if i in diff_input_args_indices else x for i, x in enumerate(args[:-num_outputs])
        )
        outputs = _differentiable_outputs(func(*input_args))
        grad_outputs = tuple(
            x.requires_grad_() if i in diff_grad_output_indices else x for i, x in enumerate(args[-num_outputs:])
        )
        diff_input_args = tuple(x for i, x in enumerate(input_args) if i in diff_input_args_indices)
        grad_inputs = torch.autograd.grad(outputs, diff_input_args, grad_outputs, create_graph=True, allow_unused=True)
        grad_inputs = tuple(g for g in grad_inputs if g is not None)
        return grad_inputs

    return gradcheck(
        new_func,
        tupled_inputs + tupled_grad_outputs,
        eps=eps,
        atol=atol,
        rtol=rtol,
        raise_exception=raise_exception,
        check_grad_dtypes=check_grad_dtypes,
        check_backward_ad=check_rev_over_rev,
    )
