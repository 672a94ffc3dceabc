# The `re` module as scripts use it: normalising and tokenising text (the seq2seq tutorial's
# normalizeString), parsing log lines, groups and named groups, flags, lookarounds, sub with
# templates and functions, split, findall/finditer, and CPython's errors for bad patterns.
import re

def normalizeString(s):
    s = s.lower().strip()
    s = re.sub(r"([.!?])", r" \1", s)
    s = re.sub(r"[^a-zA-Z!?]+", r" ", s)
    return s.strip()

print(normalizeString("Go on, Tom! Really?? It's 5 o'clock."))
print(re.findall(r"\w+", "the quick, brown fox"))
print(re.findall(r"(\w+)=(\d+)", "a=1 b=22 c=x d=333"))
print(re.findall(r"\d*", "a12b"), re.sub("x*", "-", "abxd"), re.split(r"\s*", "a b  c"))
m = re.search(r"(?P<epoch>\d+)/(?P<total>\d+).*loss[:=]\s*(?P<loss>[0-9.]+)", "Epoch 3/10 - loss: 0.2531 - acc 0.9")
print(m, m.group('epoch'), m.groupdict(), m.span('loss'), m.start(), m.end(2), m.lastgroup, m.lastindex)
print(m[0], m['total'], m.groups(), m.expand(r"\g<epoch> of \2"))
print(re.match(r"a|ab", "abc").group(), re.fullmatch(r"a|ab", "ab"), re.match("b", "abc"))
print(re.search(r"^\s*#", "x\n  # comment", re.M), re.search(r"^\s*#", "x\n  # comment"))
print(re.findall(r"a.c", "abc a\nc", re.S), re.findall(r"a.c", "abc a\nc"), re.findall("ABC", "abc AbC", re.I))
print(re.sub(r"(\d+)", lambda m: str(int(m.group(1)) * 2), "3 apples and 12 pears"))
print(re.subn(r"\s+", " ", "a   b \t c"), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.findall(r"\b\w", "hello big world"), re.findall(r"\B\w", "ab cd"), re.findall(r"(?<!x)y", "xy zy y"))
print(re.split(r"(,)\s*", "a, b,c"), re.split(r",", "a,b,c,d", maxsplit=2), re.split(r"x*", "axbc"))
print([m.span() for m in re.finditer(r"\d+", "a1 b22 c333")])
print(re.findall(r"<.*?>", "<a><b></b>"), re.findall(r"<.*>", "<a><b></b>"), re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2}?", "aaa"))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"[\d.]+", "v1.2 and 3.45"), re.findall(r"[^\W\d_]+", "ab_12cd"))
print(re.findall(r"(\w)\1", "aabbcd"), re.findall(r"(?P<c>\w)(?P=c)", "xxyz"), re.findall(r"(?i)hello", "HeLLo"))
print(re.compile(r"\d+"), re.compile("a", re.I | re.M), re.compile(r"x").pattern, re.compile(r"(a)(?P<n>b)").groups, re.compile(r"(a)(?P<n>b)").groupindex)
print(re.escape("a.b*c (1+2)"), re.findall(r"""\d +  # digits
                                 [a-z]  # then a letter""", "12a 3b", re.X))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"a", r"\n", "bab") == "b\nb", re.sub("", "-", "ab"))
print(re.match(r"(a*)*b", "aaab").groups(), re.match(r"(a|b)*c", "abac").group(1), re.match(r"(?:ab)+", "ababx").group())
print(re.findall(r"[a-c-]", "a-d"), re.findall(r"[]a]", "]a"), re.findall(r"\x41\u0042\t", "AB\t"), re.findall(r"[\s\d]", "a 1"))
print(bool(re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", "valid_name1")), re.match(r"\d+$", "12\n").group())
for bad in ["(", "a)", "*a", "a**", "[a", r"\q", "(?P<1>a)", "a{3,2}", r"(a)\2", "(?<=a+)b"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("re.error:", e)
try:
    re.sub("a", r"\9", "a")
except re.error as e:
    print("re.error:", e)
