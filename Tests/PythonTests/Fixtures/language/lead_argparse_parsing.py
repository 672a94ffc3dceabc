# argparse as training scripts use it: options with types, defaults, choices, flags, counts,
# appends, positionals with every nargs, subcommands, mutually exclusive groups, and the
# errors (printed to stderr with exit status 2, caught here as SystemExit).
import argparse
import sys

sys.stderr = sys.stdout  # the usage and error texts are part of what is compared


def attempt(parser, argv):
    try:
        print(parser.parse_args(argv))
    except SystemExit as e:
        print('exit', e.code)


p = argparse.ArgumentParser(prog='train.py', description='Train a model.')
p.add_argument('data', help='dataset name')
p.add_argument('--lr', type=float, default=0.01, help='learning rate (default: %(default)s)')
p.add_argument('--epochs', type=int, default=10)
p.add_argument('-b', '--batch-size', dest='bs', type=int, default=32, metavar='N')
p.add_argument('--optim', choices=['sgd', 'adam'], default='sgd')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--layer', action='append', type=int)
p.add_argument('--no-cuda', action='store_true')
p.add_argument('--seed', type=int, required=False)
attempt(p, ['mnist'])
attempt(p, ['mnist', '--lr', '0.5', '--epochs=3', '-b', '64', '-vv', '--layer', '1', '--layer', '2'])
attempt(p, ['mnist', '--optim', 'adam', '--no-cuda', '--seed', '-5'])
attempt(p, ['--lr', '1e-3', 'cifar', '-b16'])
attempt(p, ['mnist', '--ep', '4'])
attempt(p, [])
attempt(p, ['mnist', '--optim', 'rmsprop'])
attempt(p, ['mnist', '--lr', 'fast'])
attempt(p, ['mnist', 'extra'])
attempt(p, ['mnist', '--unknown'])
attempt(p, ['mnist', '--epochs'])
print(p.parse_known_args(['mnist', '--unknown', 'x']))

q = argparse.ArgumentParser(prog='nargs.py')
q.add_argument('first')
q.add_argument('middle', nargs='*')
q.add_argument('last', nargs=2)
q.add_argument('--pair', nargs=2, type=float)
q.add_argument('--maybe', nargs='?', const='C', default='D')
q.add_argument('--many', nargs='+')
attempt(q, ['a', 'b', 'c', 'd', 'e'])
attempt(q, ['a', 'b', 'c'])
attempt(q, ['a', 'b', '--pair', '1', '2.5', '--maybe'])
attempt(q, ['a', 'b', 'c', '--maybe', 'x', '--many', 'm', 'n'])
attempt(q, ['a', '--', '-b', '-c'])
attempt(q, ['a'])
attempt(q, ['a', 'b', 'c', '--many'])

r = argparse.ArgumentParser(prog='tool.py')
r.add_argument('--version', action='version', version='%(prog)s 1.0')
g = r.add_mutually_exclusive_group()
g.add_argument('--train', action='store_true')
g.add_argument('--eval', action='store_true')
r.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True)
r.set_defaults(mode='x')
sub = r.add_subparsers(dest='command')
fit = sub.add_parser('fit', help='fit a model')
fit.add_argument('--steps', type=int, default=5)
sub.add_parser('test')
attempt(r, ['fit', '--steps', '7'])
attempt(r, ['--train', 'test'])
attempt(r, ['--no-flag'])
attempt(r, ['--train', '--eval'])
attempt(r, ['--version'])
print(r.get_default('mode'), vars(r.parse_args([])))
ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(a=1, b='x'), 'a' in ns, vars(ns))
ns.c = [1]
print(ns)
print(sys.argv[1:])
