import torch
from torch.utils.data import DataLoader, TensorDataset, Dataset

torch.manual_seed(0)
X = torch.arange(20.0).reshape(10, 2)
Y = torch.arange(10)
ds = TensorDataset(X, Y)
print(len(ds), ds[3])
loader = DataLoader(ds, batch_size=4, shuffle=True)
print(len(loader))
for epoch in range(2):
    for xb, yb in loader:
        print(epoch, yb.tolist(), xb.shape)
print(torch.rand(2))
for xb, yb in DataLoader(ds, batch_size=3, shuffle=True, drop_last=True):
    print(yb.tolist())
print(len(DataLoader(ds, batch_size=3, drop_last=True)), len(DataLoader(ds, batch_size=3)))
g = torch.Generator().manual_seed(5)
for epoch in range(2):
    print([yb.tolist() for _, yb in DataLoader(ds, batch_size=5, shuffle=True, generator=g)])
print(torch.rand(2))

class Squares(Dataset):
    def __len__(self):
        return 7
    def __getitem__(self, i):
        return float(i), i * i, torch.tensor([i, -i])

for batch in DataLoader(Squares(), batch_size=3):
    print(batch)
for batch in DataLoader(Squares(), batch_size=None):
    print(batch[1], end=' ')
print()
print(next(iter(DataLoader(list(range(5)), batch_size=2))))
