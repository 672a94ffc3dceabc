import torch

for f, args in [
    (torch.linalg.qr, (torch.ones(3),)), (torch.linalg.qr, (torch.ones(2, 2, dtype=torch.long),)),
    (torch.linalg.qr, (torch.eye(2), "foo")), (torch.linalg.svd, (torch.ones(3),)),
    (torch.linalg.svd, (torch.ones(2, 2, dtype=torch.long),)), (torch.linalg.svdvals, (torch.ones(3),)),
    (torch.svd, (torch.ones(3),)), (torch.linalg.eigh, (torch.ones(3),)), (torch.linalg.eigh, (torch.ones(3, 2),)),
    (torch.linalg.eigh, (torch.eye(2), "X")), (torch.linalg.eigh, (torch.eye(2), "LU")),
    (torch.linalg.eigh, (torch.ones(2, 2, dtype=torch.long),)), (torch.linalg.eigvalsh, (torch.ones(3, 2),)),
]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.linalg.svd(torch.eye(2), driver="gesvd")
except RuntimeError as e:
    print(e)
for name in ("qr", "svd", "eigh"):
    print(name, torch.linalg.eigvalsh(torch.zeros(0, 0)).shape)
for some in (True, False):
    try:
        torch.qr(torch.eye(2), some)
    except RuntimeError as e:
        print(e)
try:
    torch.eye(2).qr()
except RuntimeError as e:
    print(e)
torch.linalg.qr(torch.ones(2, 2, 2, dtype=torch.long))
