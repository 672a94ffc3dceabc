try:
    x = [1][5]
except IndexError:
    print("handling")
    raise
