x = [1, 2, 3]
print(x[::-1], x[-10:10], x[1:-1], x[5:1], x[::2], x[::-2])
s = "hello"
print(s[1:], s[:-1], s[10:], s[-3:])
print(x * 0, [] * 5)
y = x
y.append(4)
print(x)
z = x[:]
z.append(5)
print(x, z)
x[1:3] = [9] if False else x[1:3]
print(list(range(10))[2:8:3])
print(3 if [] else 4)
a = b = []
a.append(1)
print(b)
i = 0
for i in range(0):
    pass
print(i)
print(None if None else "none")
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(nums)[:3], max(nums), min(nums), sum(nums) / len(nums))
print(nums.index(1), nums.count(1))
print([n for n in nums if n > 3][::-1])
print(list(map(str, nums)))
print(", ".join(str(n) for n in nums))
print(tuple(n * 2 for n in range(3)))
print(dict(zip("abc", range(3))))
print(list(enumerate(["x", "y"])))
print(len([[]]), [[1, 2], [3]][1][0])
print(isinstance(nums, (list, tuple)), type(nums) == list)
print(round(3.14159, 2), round(-0.5), round(1.5), round(2.675, 2), round(0.125, 2))
print(10 / 4, 10 // 4, 10 % 4, -10 // 4, 2 ** 0.5)
print(int("-7"), float("-1e-3"), str(-0.0), float("  2  "))
print(1_000_000, 0x1f, 0o17, 0b101, 1e3, 1E-2, .5, 5.)
print("a" "b", 'single', """triple""")
print(max("apple", "banana", key=len), min([(2, "b"), (1, "z")]))
print(abs(-0.0), -0.0 == 0.0)
print(bool(float("nan")), float("nan") == float("nan"))
