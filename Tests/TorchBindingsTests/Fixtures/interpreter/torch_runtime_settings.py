# The settings scripts start with for speed or reproducibility: thread count, deterministic algorithms, float32 matmul precision (torch.backends.cuda.matmul.allow_tf32 reads it), cudnn flags; each reads back what was set.
import torch
print(torch.get_num_threads())
torch.set_num_threads(4); print(torch.get_num_threads())
for bad in [0, -1, 2.5, 'a']:
    try: torch.set_num_threads(bad)
    except Exception as e: print(type(e).__name__, e)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(True); print(torch.are_deterministic_algorithms_enabled())
torch.use_deterministic_algorithms(True, warn_only=True); print(torch.is_deterministic_algorithms_warn_only_enabled())
try: torch.use_deterministic_algorithms(1)
except Exception as e: print(type(e).__name__, e)
print(torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision('high'); print(torch.get_float32_matmul_precision())
try: torch.set_float32_matmul_precision('x')
except Exception as e: print(type(e).__name__, e)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark, torch.backends.cudnn.enabled)
print(torch.backends.cuda.matmul.allow_tf32)
torch.backends.cuda.matmul.allow_tf32 = False
print(torch.backends.cuda.matmul.allow_tf32, torch.backends.cuda.matmul.allow_fp16_reduced_precision_reduction)
torch.set_num_threads(1)
x = torch.arange(6.0).reshape(2, 3)
print(x @ x.t())
