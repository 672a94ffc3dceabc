import torch

vals = [torch.tensor([1e-8, 1.0, 1000.0]), torch.tensor([1.0, 2.0, 3.0]), torch.tensor([12345678.0, 1.0]),
        torch.tensor([0.5, 0.25]), torch.tensor([0.0, float('nan'), float('inf')]), torch.tensor(1e-5),
        torch.tensor([100.0, 2e9], dtype=torch.float64), torch.tensor([1, 2, 3])]
for mode in [None, True, False]:
    torch.set_printoptions(sci_mode=mode)
    for v in vals:
        print(mode, v)
torch.set_printoptions(precision=2, sci_mode=True)
print(torch.tensor([[1.5, -2.25], [3.0, 4.125]]))
torch.set_printoptions(precision=2)
print(torch.tensor([[1e-9, 2.0]]))
