import random
random.seed(0)
print(random.random(), random.random())
print([random.randint(1, 10) for _ in range(10)])
random.seed(12345678901234)
print(random.randrange(100), random.randrange(5, 50, 5), random.randrange(10, 0, -3), random.choice("abcdef"))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.sample(range(100), 5), random.sample(xs, 3))
print(random.uniform(-1, 1), random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(2, 0.5))
random.seed(-7)
print(random.getrandbits(5), random.getrandbits(40), random.choices("xyz", k=4), random.choices([1, 2, 3], weights=[1, 0, 5], k=3))
random.seed(3.5)
print(random.random(), random.expovariate(2.0))
random.seed(2 ** 40 + 3)
print(random.random(), random.sample(list(range(1000)), 8))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randrange(5, 5)
except ValueError as e:
    print("ValueError:", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError:", e)
