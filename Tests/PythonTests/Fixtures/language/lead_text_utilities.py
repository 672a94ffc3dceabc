# Small pieces of Python that real scripts lean on: textwrap, vars() of an object, %-formatting
# with a mapping and * widths, str.expandtabs / splitlines(keepends) / isidentifier, and
# assigning to a module attribute.
import sys
import textwrap

doc = """
    Trains a two-layer network on random data, printing the loss every ten steps. The learning
    rate decays by half-hearted steps; well-known tricks are not used.
"""
print(textwrap.dedent(doc))
print(textwrap.fill(' '.join(doc.split()), width=40))
print(textwrap.wrap('a-b-c well-known state-of-the-art co-operation', 12))
print(textwrap.fill('supercalifragilisticexpialidocious word', 10))
print(textwrap.indent('one\ntwo\n\nthree', '> '))
print(textwrap.shorten('The quick brown fox jumps over the lazy dog', width=25))
print(textwrap.wrap('   leading and trailing   ', 8))


class Config:
    def __init__(self):
        self.lr = 0.1
        self.epochs = 3
        self.name = 'run'


c = Config()
c.extra = [1, 2]
del c.epochs
c.epochs = 5
print(vars(c))
try:
    vars(3)
except TypeError as e:
    print('TypeError:', e)

print('%(name)s: lr=%(lr).3f epochs=%(epochs)d' % vars(c))
print('[%*d] [%-*s] [%.*f]' % (5, 42, 6, 'ab', 2, 3.14159))
print('%s %%' % {'a': 1})
try:
    print('%(missing)s' % {'a': 1})
except KeyError as e:
    print('KeyError:', e)
try:
    print('%(a)s' % (1,))
except TypeError as e:
    print('TypeError:', e)
print(repr('a\tbc\td\n\tx'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('\t'.expandtabs(0)))
print('one\ntwo\r\nthree\n'.splitlines(), 'one\ntwo\r\nthree\n'.splitlines(True), ''.splitlines())
print('x1'.isidentifier(), '1x'.isidentifier(), '_'.isidentifier(), 'a-b'.isidentifier(), ''.isidentifier())
print('abc'.isascii(), 'é'.isascii())
sys.stderr = sys.stdout
sys.stderr.write('written to stdout\n')
