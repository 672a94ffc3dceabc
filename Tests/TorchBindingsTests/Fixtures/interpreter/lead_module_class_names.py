# Classes carry the module that defined them: torch.nn's and torch.optim's in their reprs and
# __module__, the standard modules' (re, dataclasses, argparse) in reprs and in the last line of
# a traceback, the script's own as __main__.
import argparse
import dataclasses
import re
import torch

print(type(torch.nn.Linear(1, 1)), torch.nn.Linear.__module__, type(torch.optim.SGD([torch.zeros(1, requires_grad=True)], 0.1)))
print(type(re.compile('a')), re.error, dataclasses.FrozenInstanceError, argparse.Namespace)
print(type(argparse.Namespace()).__module__)


class Mine:
    pass


print(Mine, Mine.__module__)
re.compile('(')
