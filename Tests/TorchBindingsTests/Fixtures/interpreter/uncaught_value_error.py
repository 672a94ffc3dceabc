def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    return v
print(check(1))
print(check(-2))
