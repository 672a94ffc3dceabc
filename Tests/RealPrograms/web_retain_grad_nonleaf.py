# source: https://runebook.dev/en/docs/pytorch/generated/torch.tensor.retain_grad (both examples; torch.randn seeded with torch.manual_seed(0))
import torch

torch.manual_seed(0)  # added

# Create a leaf tensor
x = torch.randn(1, 10, requires_grad=True)

# Intermediate non-leaf tensors
y = x * 2
z = y.relu()

# A final tensor
output = z.sum()

# Perform the backward pass
output.backward()

# Try to access the gradients
print(f"Gradients of x (leaf): {x.grad}")
print(f"Gradients of y (non-leaf): {y.grad}")  # This will be None

# Create a leaf tensor
x = torch.randn(1, 10, requires_grad=True)

# Intermediate non-leaf tensor
y = x * 2

# Call retain_grad() on the non-leaf tensor you want to inspect
y.retain_grad()

z = y.relu()
output = z.sum()

# Perform the backward pass
output.backward()

# Now you can access the gradients of y
print(f"Gradients of x (leaf): {x.grad}")
print(f"Gradients of y (non-leaf): {y.grad}") # This will now have a value
print(y.retains_grad, x.is_leaf, y.is_leaf)  # added
