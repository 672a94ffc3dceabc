import torch

singular = torch.tensor([[1., 2.], [2., 4.]])
cases = [singular, torch.ones(2, 3), torch.ones(3), torch.tensor([[1., 2.], [2., 1.]]),
         torch.zeros(2, 2, dtype=torch.long),
         torch.tensor([[[1., 0.], [0., 1.]], [[1., 2.], [2., 4.]]])]
ops = [("linalg.inv", torch.linalg.inv), ("inverse", torch.inverse), ("det", torch.linalg.det),
       ("slogdet", torch.linalg.slogdet), ("logdet", torch.logdet), ("cholesky", torch.linalg.cholesky),
       ("solve", lambda a: torch.linalg.solve(a, torch.ones(a.shape[-1] if a.dim() else 1, dtype=a.dtype)))]
for M in cases:
    for name, f in ops:
        try:
            print(name, f(M))
        except Exception as e:
            print(name, type(e).__name__, isinstance(e, RuntimeError), isinstance(e, torch.linalg.LinAlgError), e)
for args in [(torch.eye(3), torch.ones(2)), (torch.eye(3), torch.ones(2, 2)), (torch.eye(3), torch.ones(3, dtype=torch.float64))]:
    try:
        torch.linalg.solve(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.linalg.solve(torch.eye(3), torch.ones(3), left=False)
except RuntimeError as e:
    print(e)
print(torch.linalg.LinAlgError)
torch.linalg.inv(torch.zeros(3, 3))
