# argparse's help and usage texts: wrapping of long usage lines and help columns, argument
# groups, defaults shown by ArgumentDefaultsHelpFormatter, RawDescriptionHelpFormatter, epilogs,
# metavars, subcommand listings and the error report.
import argparse
import sys

sys.stderr = sys.stdout  # the usage and error texts are part of what is compared

p = argparse.ArgumentParser(
    prog='main.py',
    description='PyTorch MNIST Example: trains a small convolutional network on synthetic digits and reports the loss after every epoch.',
    epilog='See the tutorial for details.')
p.add_argument('--batch-size', type=int, default=64, metavar='N', help='input batch size for training (default: 64)')
p.add_argument('--test-batch-size', type=int, default=1000, metavar='N', help='input batch size for testing (default: 1000)')
p.add_argument('--epochs', type=int, default=14, metavar='N', help='number of epochs to train (default: 14)')
p.add_argument('--lr', type=float, default=1.0, metavar='LR', help='learning rate (default: 1.0)')
p.add_argument('--gamma', type=float, default=0.7, metavar='M', help='Learning rate step gamma (default: 0.7)')
p.add_argument('--no-cuda', action='store_true', default=False, help='disables CUDA training')
p.add_argument('--dry-run', action='store_true', default=False, help='quickly check a single pass')
p.add_argument('--seed', type=int, default=1, metavar='S', help='random seed (default: 1)')
p.add_argument('--log-interval', type=int, default=10, metavar='N', help='how many batches to wait before logging training status')
p.add_argument('--save-model', action='store_true', default=False, help='For Saving the current Model')
p.print_help()
print('---')
p.print_usage()
print('---')

d = argparse.ArgumentParser(prog='defaults.py', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
d.add_argument('input', nargs='+', help='input files')
d.add_argument('--hidden', type=int, default=128, help='hidden units')
d.add_argument('--activation', choices=['relu', 'tanh', 'sigmoid'], default='relu', help='nonlinearity')
d.add_argument('--pair', nargs=2, metavar=('LOW', 'HIGH'), help='a range')
d.add_argument('--opt', nargs='?', help='optional value')
d.add_argument('--verbose-logging-of-every-single-step', action='store_true', help='print a line for every optimisation step, which is very slow')
grp = d.add_argument_group('model', 'Options of the model.')
grp.add_argument('--depth', type=int, default=3, help='number of layers')
print(d.format_help())

raw = argparse.ArgumentParser(prog='raw.py', formatter_class=argparse.RawDescriptionHelpFormatter,
                              description='Usage notes:\n  line one\n  line two')
raw.add_argument('x', help='the x')
print(raw.format_help())

s = argparse.ArgumentParser(prog='cli.py')
sub = s.add_subparsers(title='commands', dest='cmd')
sub.add_parser('train', help='train the model')
sub.add_parser('evaluate', help='evaluate a checkpoint')
print(s.format_help())
try:
    s.parse_args(['fly'])
except SystemExit as e:
    print('exit', e.code)
try:
    p.parse_args(['--epochs', 'many'])
except SystemExit as e:
    print('exit', e.code)
