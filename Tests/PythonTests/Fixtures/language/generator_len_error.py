def g():
    yield 1
print(len(g()))
