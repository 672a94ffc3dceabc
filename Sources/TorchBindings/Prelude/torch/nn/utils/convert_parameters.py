# torch.nn.utils.parameters_to_vector / vector_to_parameters, after PyTorch's
# torch/nn/utils/convert_parameters.py (every tensor here is on the CPU, so the device check
# always passes).
import torch


def parameters_to_vector(parameters):
    r"""Flatten an iterable of parameters into a single vector."""
    vec = []
    for param in parameters:
        vec.append(param.view(-1))
    return torch.cat(vec)


def vector_to_parameters(vec, parameters):
    r"""Copy slices of a vector into an iterable of parameters."""
    # Ensure vec of type Tensor
    if not isinstance(vec, torch.Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {type(vec).__name__}")

    # Pointer for slicing the vector for each parameter
    pointer = 0
    for param in parameters:
        # The length of the parameter
        num_param = param.numel()
        # Slice the vector, reshape it, and replace the old data of the parameter
        param.data = vec[pointer : pointer + num_param].view_as(param).data

        # Increment the pointer
        pointer += num_param
