# Which of several equal values quantile's gathers read (so which one gets the gradient): PyTorch picks them with std::nth_element, not a sort, once a row has k^2 values for k ranks.
import torch
torch.manual_seed(1)
def gathers(fn, out):
    if fn is None: return
    if fn.name()=='GatherBackward0': out.append(fn._saved_index.flatten().tolist())
    for g,_ in fn.next_functions: gathers(g, out)
for t in range(60):
    n = int(torch.randint(4, 12, ()).item())
    x = torch.randint(0, 3, (2, n)).double().requires_grad_()
    q = float(torch.rand(()).item())
    for mode in ["linear", "lower", "nearest"]:
        res = []
        gathers(torch.quantile(x, q, dim=1, interpolation=mode).grad_fn, res)
        print(t, mode, res)
    res = []
    gathers(torch.quantile(x, torch.tensor([0.2, q, 0.9], dtype=torch.float64), dim=1, interpolation="higher").grad_fn, res)
    print(t, "multi", res)
