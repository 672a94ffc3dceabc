import torch
results = []
for d in [2, 0, 5]:
    try:
        results.append(10 // d)
    except ZeroDivisionError:
        results.append(None)
        continue
    finally:
        results.append("f")
print(results)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return str(e)
print(safe_div(1, 2), safe_div(1, 0))
errs = []
for shape in [(2,), (3,)]:
    try:
        torch.ones(2) + torch.ones(*shape)
    except RuntimeError as e:
        errs.append(type(e).__name__)
print(errs)
