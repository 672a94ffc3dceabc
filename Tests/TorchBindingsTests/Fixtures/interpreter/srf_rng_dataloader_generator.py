import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    from torch.utils.data import DataLoader, TensorDataset
    ds = TensorDataset(torch.arange(13))
    print(seed, [b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True, generator=g)])
    print([b[0].tolist() for b in DataLoader(ds, batch_size=5, shuffle=True)], torch.rand(1).tolist())
