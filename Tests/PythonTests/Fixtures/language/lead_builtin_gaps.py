# Builtins real scripts reach for: int() with a base, find/index/count/startswith with start and
# end, ord and chr.
for args in [('12',), (' -7 ',), ('0x1f', 16), ('0x1f', 0), ('1_000',), ('z', 36), ('ff', 16), ('0b101', 0), ('077', 8), ('0o17', 0), ('1010', 2)]:
    print(int(*args))
for bad in [('09', 0), ('1__0',), ('_1',), ('12', 1), ('g', 16), ('',), ('0x', 16)]:
    try:
        print(int(*bad))
    except ValueError as e:
        print('ValueError:', e)
try:
    int(5, 10)
except TypeError as e:
    print('TypeError:', e)
print(int('0', 0), int('00', 0), int('-0x10', 16))
s = 'ab<cd>ab'
print(s.find('>', 3), s.find('>', 6), s.find('ab', 1), s.find('ab', -3), s.find('', 8), s.find('', 9), s.find('b', 0, 1))
print(s.rfind('ab', 0, 5), s.rfind('', 2, 4), s.rfind('', 9), s.index('c', 2), s.count('a', 1), s.count('', 2, 4), s.count('a', 10))
print('xyz'.startswith('y', 1), 'xyz'.startswith('', 4), 'xyz'.endswith('y', 0, 2), 'xyz'.startswith(('a', 'z'), -1), 'abc'.find('c', None, None))
try:
    s.index('q', 2)
except ValueError as e:
    print(e)
print(ord('a'), ord('é'), ord('\n'), chr(65), chr(0x1F600), repr(chr(0)))
for bad in [lambda: ord(''), lambda: ord('ab'), lambda: chr(-1), lambda: chr(0x110000), lambda: ord(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
