x = 3
assert x == 3
print("ok")
assert x > 5, "x too small"
