# PyTorch's errors around the narrow integer dtypes, word for word.
import torch

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

i = torch.tensor([1, 2], dtype=torch.int32)
show(lambda: torch.tensor([1, 2], dtype=torch.int32, requires_grad=True))
show(lambda: i.requires_grad_())
show(lambda: torch.zeros(2, dtype=torch.uint8, requires_grad=True))
show(lambda: i.mean())
show(lambda: torch.tensor([1.0, 2.0, 3.0])[torch.tensor([0, 2], dtype=torch.int8)])
show(lambda: torch.tensor([1.0, 2.0, 3.0])[torch.tensor([0, 2], dtype=torch.int16)])
show(lambda: torch.tensor([1.0, 2.0, 3.0])[torch.tensor([1, 0], dtype=torch.uint8)])
show(lambda: torch.tensor([1.0, 2.0, 3.0])[torch.tensor([0, 1, 1], dtype=torch.uint8)])
show(lambda: torch.iinfo(torch.float32))
show(lambda: torch.iinfo(torch.bool))
show(lambda: torch.finfo(torch.int32))
x = torch.tensor([1, 2], dtype=torch.int32)
def inplace_float():
    x.mul_(2.5)
show(inplace_float)
def inplace_div():
    x.div_(2)
show(inplace_div)
show(lambda: torch.tensor([1.0]).index_select(0, torch.tensor([0], dtype=torch.int16)))
show(lambda: torch.tensor([1.0]).scatter(0, torch.tensor([0], dtype=torch.int32), torch.tensor([2.0])))
show(lambda: torch.nn.functional.one_hot(torch.tensor([1], dtype=torch.int32)))
show(lambda: i.sqrt())
show(lambda: (i.float() * 2).sum())
show(lambda: torch.tensor([1, 2], dtype=torch.int16).exp())
