# Python's `re`: regular expressions with CPython's syntax and API (compile, search, match,
# fullmatch, findall, finditer, sub, subn, split, escape; Pattern and Match objects; flags),
# written in Python for GradScope's interpreter. Patterns compile to a small program run by a
# backtracking machine with an explicit stack, so long subjects do not recurse; every step is a
# statement, so `--timeout` and `--max-steps` bound a pathological pattern as they bound loops.
# Not supported: possessive quantifiers and atomic groups (3.11 additions), conditional groups
# `(?(1)...)`, variable-width lookbehind (an error, as in CPython), bytes patterns.

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
NOFLAG = 0

_FLAG_LETTERS = {'a': ASCII, 'i': IGNORECASE, 'L': LOCALE, 'm': MULTILINE, 's': DOTALL, 'u': UNICODE, 'x': VERBOSE}
_FLAG_NAMES = [(ASCII, 're.ASCII'), (IGNORECASE, 're.IGNORECASE'), (LOCALE, 're.LOCALE'),
               (MULTILINE, 're.MULTILINE'), (DOTALL, 're.DOTALL'), (UNICODE, 're.UNICODE'), (VERBOSE, 're.VERBOSE')]


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
        Exception.__init__(self, msg)


PatternError = error


# ---------------------------------------------------------------------------------------------
# Parsing: pattern text -> tree of tuples
#   ('lit', c) ('any',) ('set', items, negated) ('bol',) ('eol',) ('begin',) ('end',)
#   ('wordb',) ('nwordb',) ('group', index, node) ('alt', [nodes]) ('seq', [nodes])
#   ('rep', node, least, most, greedy) ('ref', index) ('look', behind, negative, node)
# `items` of a set: single characters, (lo, hi) ranges and category letters 'd' 'D' 'w' ...

_CATEGORY_ESCAPES = 'dDwWsS'
_SIMPLE_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', '0': '\0'}
_REPEAT_CHARS = '*+?{'


class _Parser:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.pos = 0
        self.flags = flags
        self.groups = 1
        self.groupindex = {}
        self.open_groups = []

    def error(self, msg, pos=None):
        return error(msg, self.pattern, self.pos if pos is None else pos)

    def peek(self):
        return self.pattern[self.pos] if self.pos < len(self.pattern) else None

    def next(self):
        c = self.peek()
        self.pos += 1
        return c

    def skip_verbose(self):
        if not self.flags & VERBOSE:
            return
        while self.pos < len(self.pattern):
            c = self.pattern[self.pos]
            if c in ' \t\n\r\f\v':
                self.pos += 1
            elif c == '#':
                while self.pos < len(self.pattern) and self.pattern[self.pos] != '\n':
                    self.pos += 1
            else:
                return

    def parse(self):
        self.leading_flags()
        node = self.alternation()
        if self.pos < len(self.pattern):
            if self.pattern[self.pos] == ')':
                raise self.error('unbalanced parenthesis')
            raise self.error('unexpected end of pattern')
        return node

    def leading_flags(self):
        # (?aiLmsux) at the start of the pattern sets flags for all of it.
        while self.pattern.startswith('(?', self.pos):
            end = self.pos + 2
            while end < len(self.pattern) and self.pattern[end] in _FLAG_LETTERS:
                end += 1
            if end == self.pos + 2 or end >= len(self.pattern) or self.pattern[end] != ')':
                return
            for letter in self.pattern[self.pos + 2:end]:
                self.flags |= _FLAG_LETTERS[letter]
            self.pos = end + 1

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == '|':
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ('alt', branches)

    def sequence(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c in '|)':
                break
            start = self.pos
            if c in '*+?':
                raise self.error('nothing to repeat')
            if c == '{' and self.quantifier_at(self.pos) is not None:
                raise self.error('nothing to repeat')
            atom = self.atom()
            self.skip_verbose()
            while True:
                c = self.peek()
                quantifier_pos = self.pos
                if c is None or c not in _REPEAT_CHARS:
                    break
                if c == '{':
                    bounds = self.quantifier_at(self.pos)
                    if bounds is None:
                        break
                    least, most, end = bounds
                    self.pos = end
                else:
                    self.pos += 1
                    least, most = {'*': (0, None), '+': (1, None), '?': (0, 1)}[c]
                greedy = True
                if self.peek() == '?':
                    self.pos += 1
                    greedy = False
                if atom[0] == 'rep':
                    raise self.error('multiple repeat', quantifier_pos)
                if atom[0] in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb'):
                    raise self.error('nothing to repeat', start)
                atom = ('rep', atom, least, most, greedy)
                self.skip_verbose()
            items.append(atom)
        return items[0] if len(items) == 1 else ('seq', items)

    def quantifier_at(self, pos):
        """(least, most, end) of a {m}, {m,}, {,n} or {m,n} at `pos`; None if it is a literal."""
        p = self.pattern
        end = p.find('}', pos)
        if end < 0:
            return None
        body = p[pos + 1:end]
        low, comma, high = body.partition(',')
        if not (low == '' or low.isdigit()) or not (high == '' or high.isdigit()):
            return None
        if not comma and low == '':
            return None
        least = int(low) if low else 0
        most = (int(high) if high else None) if comma else least
        if most is not None and most < least:
            raise self.error('min repeat greater than max repeat', pos + 1)
        return least, most, end + 1

    def atom(self):
        start = self.pos
        c = self.next()
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',)
        if c == '$':
            return ('eol',)
        if c == '[':
            return self.character_set(start)
        if c == '(':
            return self.group(start)
        if c == '\\':
            return self.escape(in_set=False)
        return ('lit', c)

    def group(self, start):
        index = None
        if self.peek() == '?':
            self.pos += 1
            kind = self.next()
            if kind == ':':
                pass
            elif kind == 'P':
                mark = self.next()
                if mark == '<':
                    name = self.name_until('>')
                    if name in self.groupindex:
                        raise self.error("redefinition of group name %r as group %d; was group %d"
                                         % (name, self.groups, self.groupindex[name]), self.pos - len(name) - 1)
                    index = self.groups
                    self.groupindex[name] = index
                elif mark == '=':
                    name = self.name_until(')')
                    if name not in self.groupindex:
                        raise self.error('unknown group name %r' % name, self.pos - len(name) - 1)
                    return ('ref', self.groupindex[name])
                else:
                    raise self.error('unknown extension ?P' + (mark or ''), start + 1)
            elif kind == '#':
                end = self.pattern.find(')', self.pos)
                if end < 0:
                    raise self.error('missing ), unterminated comment', start)
                self.pos = end + 1
                return ('seq', [])
            elif kind in ('=', '!'):
                node = self.alternation()
                self.close(start)
                return ('look', False, kind == '!', node)
            elif kind == '<':
                negative = self.next()
                if negative not in ('=', '!'):
                    raise self.error('unknown extension ?<' + (negative or ''), start + 1)
                node = self.alternation()
                self.close(start)
                width = _fixed_width(node)
                if width is None:
                    raise error('look-behind requires fixed-width pattern')
                return ('look', width, negative == '!', node)
            elif kind is not None and kind in _FLAG_LETTERS or kind == '-':
                raise self.error('scoped inline flags are not supported by GradScope', start)
            else:
                raise self.error('unknown extension ?' + (kind or ''), start + 1)
        else:
            index = self.groups
        if index is not None:
            self.groups += 1
            self.open_groups.append(index)
        node = self.alternation()
        self.close(start)
        if index is not None:
            self.open_groups.pop()
            return ('group', index, node)
        return node

    def close(self, start):
        if self.peek() != ')':
            raise self.error('missing ), unterminated subpattern', start)
        self.pos += 1

    def name_until(self, terminator):
        end = self.pattern.find(terminator, self.pos)
        if end < 0:
            raise self.error('missing %s, unterminated name' % terminator)
        name = self.pattern[self.pos:end]
        if not name:
            raise self.error('missing group name')
        if not name.isidentifier():
            raise self.error('bad character in group name %r' % name)
        self.pos = end + 1
        return name

    def escape(self, in_set):
        start = self.pos - 1
        c = self.next()
        if c is None:
            raise self.error('bad escape (end of pattern)', start)
        if c in _CATEGORY_ESCAPES:
            return ('\\', c) if in_set else ('set', [('\\', c)], False)
        if c in _SIMPLE_ESCAPES:
            if c == '0':
                digits = '0'
                while len(digits) < 3 and self.peek() is not None and self.peek() in '01234567':
                    digits += self.next()
                return self.literal(chr(int(digits, 8)), in_set)
            return self.literal(_SIMPLE_ESCAPES[c], in_set)
        if c in 'xuU':
            size = {'x': 2, 'u': 4, 'U': 8}[c]
            digits = self.pattern[self.pos:self.pos + size]
            if len(digits) != size or any(d not in '0123456789abcdefABCDEF' for d in digits):
                raise self.error('incomplete escape \\%s%s' % (c, digits), start)
            self.pos += size
            return self.literal(chr(int(digits, 16)), in_set)
        if c.isdigit():
            digits = c
            if self.peek() is not None and self.peek().isdigit():
                digits += self.next()
            if in_set:
                return self.literal(chr(int(digits, 8)), in_set)
            index = int(digits)
            if index >= self.groups or index in self.open_groups:
                raise self.error('invalid group reference %d' % index, start + 1)
            return ('ref', index)
        if not in_set:
            if c == 'b':
                return ('wordb',)
            if c == 'B':
                return ('nwordb',)
            if c == 'A':
                return ('begin',)
            if c == 'Z':
                return ('end',)
        elif c == 'b':
            return '\b'
        if c.isascii() and c.isalpha():
            raise self.error('bad escape \\' + c, start)
        return self.literal(c, in_set)

    def literal(self, c, in_set):
        return c if in_set else ('lit', c)

    def character_set(self, start):
        negated = False
        if self.peek() == '^':
            negated = True
            self.pos += 1
        items = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                raise self.error('unterminated character set', start)
            if c == ']' and not first:
                self.pos += 1
                break
            first = False
            item_start = self.pos
            self.pos += 1
            item = self.escape(in_set=True) if c == '\\' else c
            # A range: a character, '-', and a character that is not the closing ']'.
            if isinstance(item, str) and self.peek() == '-' and self.pos + 1 < len(self.pattern) \
                    and self.pattern[self.pos + 1] != ']':
                self.pos += 1
                high_start = self.pos
                high = self.next()
                if high == '\\':
                    high = self.escape(in_set=True)
                if isinstance(high, tuple):
                    raise self.error('bad character range %s' % self.pattern[item_start:self.pos], item_start)
                if ord(high) < ord(item):
                    raise self.error('bad character range %s' % self.pattern[item_start:self.pos], item_start)
                items.append((item, high))
            else:
                items.append(item)
        return ('set', items, negated)


def _fixed_width(node):
    kind = node[0]
    if kind in ('lit', 'any', 'set'):
        return 1
    if kind in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb', 'look'):
        return 0
    if kind == 'group':
        return _fixed_width(node[2])
    if kind == 'seq':
        total = 0
        for item in node[1]:
            width = _fixed_width(item)
            if width is None:
                return None
            total += width
        return total
    if kind == 'alt':
        widths = set(_fixed_width(branch) for branch in node[1])
        return widths.pop() if len(widths) == 1 and None not in widths else None
    if kind == 'rep':
        width = _fixed_width(node[1])
        if width is None or node[3] != node[2]:
            return None
        return width * node[2]
    return None


# ---------------------------------------------------------------------------------------------
# Compiling: tree -> program for the backtracking machine. Instructions are tuples:
#   ('char', c) ('any',) ('set', tester) ('split', first, second) ('jmp', target) ('save', slot)
#   ('assert', kind) ('ref', index) ('look', program, width, negative) ('mark', reg)
#   ('progress', reg, exit) ('match',)

def _is_word(c, flags):
    if flags & ASCII:
        return c.isascii() and (c.isalnum() or c == '_')
    return c.isalnum() or c == '_'


def _in_category(c, category, flags):
    lower = category.lower()
    if lower == 'd':
        found = c.isdigit() and (c.isascii() or not flags & ASCII)
    elif lower == 'w':
        found = _is_word(c, flags)
    else:
        found = c in ' \t\n\r\f\v' or (not flags & ASCII and c.isspace())
    return found if category == lower else not found


def _set_tester(items, negated, flags):
    folding = flags & IGNORECASE

    def contains(c):
        candidates = (c, c.lower(), c.upper()) if folding else (c,)
        for item in items:
            if isinstance(item, tuple):
                if item[0] == '\\':
                    if _in_category(c, item[1], flags):
                        return True
                    continue
                for candidate in candidates:
                    if item[0] <= candidate <= item[1]:
                        return True
            elif item in candidates:
                return True
        return False

    if negated:
        return lambda c: not contains(c)
    return contains


class _Compiler:
    def __init__(self, flags):
        self.flags = flags
        self.code = []
        self.registers = 0

    def emit(self, instruction):
        self.code.append(instruction)
        return len(self.code) - 1

    def compile(self, node):
        kind = node[0]
        if kind == 'lit':
            self.emit(('char', node[1]))
        elif kind == 'any':
            self.emit(('any',))
        elif kind == 'set':
            self.emit(('set', _set_tester(node[1], node[2], self.flags)))
        elif kind in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb'):
            self.emit(('assert', kind))
        elif kind == 'group':
            self.emit(('save', 2 * node[1]))
            self.compile(node[2])
            self.emit(('save', 2 * node[1] + 1))
        elif kind == 'seq':
            for item in node[1]:
                self.compile(item)
        elif kind == 'alt':
            jumps = []
            branches = node[1]
            for i, branch in enumerate(branches):
                if i < len(branches) - 1:
                    split = self.emit(None)
                    self.compile(branch)
                    jumps.append(self.emit(None))
                    self.code[split] = ('split', split + 1, len(self.code))
                else:
                    self.compile(branch)
            for jump in jumps:
                self.code[jump] = ('jmp', len(self.code))
        elif kind == 'ref':
            self.emit(('ref', node[1]))
        elif kind == 'look':
            sub = _Compiler(self.flags)
            sub.registers = self.registers
            sub.compile(node[3])
            sub.emit(('match',))
            self.registers = max(self.registers, sub.registers)
            self.emit(('look', sub.code, node[1], node[2]))
        elif kind == 'rep':
            self.repeat(node[1], node[2], node[3], node[4])
        else:
            raise error('internal error: unknown node %r' % (kind,))

    def repeat(self, node, least, most, greedy):
        for _ in range(least):
            self.compile(node)
        if most is None:
            register = self.registers
            self.registers += 1
            loop = self.emit(None)
            self.emit(('mark', register))
            self.compile(node)
            progress = self.emit(None)
            self.emit(('jmp', loop))
            exit = len(self.code)
            self.code[progress] = ('progress', register, exit)
            self.code[loop] = ('split', loop + 1, exit) if greedy else ('split', exit, loop + 1)
        else:
            splits = []
            for _ in range(most - least):
                splits.append(self.emit(None))
                self.compile(node)
            for split in splits:
                self.code[split] = ('split', split + 1, len(self.code)) if greedy else ('split', len(self.code), split + 1)


def _run(code, text, start, end, flags, groups, registers, must_advance, anchored_end=None):
    """Runs `code` on text[start:...] with the subject ending at `end`; the capture slots of the
    first match by priority, or None. `anchored_end`: the match must end there (lookbehind)."""
    folding = flags & IGNORECASE
    multiline = flags & MULTILINE
    dotall = flags & DOTALL
    slots = [-1] * (2 * groups + registers)
    base = 2 * groups
    stack = [(0, start, slots)]
    while stack:
        pc, sp, slots = stack.pop()
        while True:
            op = code[pc]
            kind = op[0]
            if kind == 'char':
                if sp < end and (text[sp] == op[1] or folding and text[sp].lower() == op[1].lower()):
                    sp += 1
                    pc += 1
                    continue
                break
            if kind == 'any':
                if sp < end and (dotall or text[sp] != '\n'):
                    sp += 1
                    pc += 1
                    continue
                break
            if kind == 'set':
                if sp < end and op[1](text[sp]):
                    sp += 1
                    pc += 1
                    continue
                break
            if kind == 'split':
                stack.append((op[2], sp, list(slots)))
                pc = op[1]
                continue
            if kind == 'jmp':
                pc = op[1]
                continue
            if kind == 'save':
                slots = list(slots)
                slots[op[1]] = sp
                pc += 1
                continue
            if kind == 'mark':
                slots = list(slots)
                slots[base + op[1]] = sp
                pc += 1
                continue
            if kind == 'progress':
                # A loop body that matched nothing leaves the loop instead of going round again.
                pc = op[2] if slots[base + op[1]] == sp else pc + 1
                continue
            if kind == 'assert':
                what = op[1]
                if what == 'bol':
                    ok = sp == 0 or multiline and text[sp - 1] == '\n'
                elif what == 'eol':
                    ok = sp == end or (sp == end - 1 and text[sp] == '\n') or multiline and text[sp] == '\n'
                elif what == 'begin':
                    ok = sp == 0
                elif what == 'end':
                    ok = sp == end
                else:
                    before = sp > 0 and _is_word(text[sp - 1], flags)
                    after = sp < end and _is_word(text[sp], flags)
                    ok = (before != after) == (what == 'wordb')
                if not ok:
                    break
                pc += 1
                continue
            if kind == 'ref':
                begin, finish = slots[2 * op[1]], slots[2 * op[1] + 1]
                if begin < 0 or finish < 0:
                    break
                piece = text[begin:finish]
                candidate = text[sp:sp + len(piece)]
                if sp + len(piece) <= end and (candidate == piece or folding and candidate.lower() == piece.lower()):
                    sp += len(piece)
                    pc += 1
                    continue
                break
            if kind == 'look':
                sub_code, width, negative = op[1], op[2], op[3]
                if width is False:
                    found = _run(sub_code, text, sp, end, flags, groups, registers, False)
                elif sp - width < 0:
                    found = None
                else:
                    found = _run(sub_code, text, sp - width, end, flags, groups, registers, False, sp)
                if (found is None) != negative:
                    break
                if found is not None and not negative:
                    merged = list(slots)
                    for i in range(base):
                        if found[i] >= 0:
                            merged[i] = found[i]
                    slots = merged
                pc += 1
                continue
            # 'match'
            if anchored_end is not None and sp != anchored_end:
                break
            if must_advance and sp == start:
                break
            result = list(slots)
            result.append(sp)
            return result
    return None


# ---------------------------------------------------------------------------------------------
# The public objects

class Match:
    def __init__(self, pattern, string, pos, endpos, start, result):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = [(start, result[-1])]
        for index in range(1, pattern.groups + 1):
            self._spans.append((result[2 * index], result[2 * index + 1]))
        last = None
        closing = -1
        for index in range(1, pattern.groups + 1):
            if result[2 * index + 1] >= 0 and result[2 * index + 1] >= closing:
                if result[2 * index + 1] > closing or last is None or index < last:
                    closing = result[2 * index + 1]
                    last = index
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, index in pattern.groupindex.items():
                if index == last:
                    self.lastgroup = name

    def _index(self, group):
        if isinstance(group, str):
            if group not in self.re.groupindex:
                raise IndexError('no such group')
            return self.re.groupindex[group]
        if not isinstance(group, int) or group < 0 or group > self.re.groups:
            raise IndexError('no such group')
        return group

    def _group(self, group, default=None):
        begin, finish = self._spans[self._index(group)]
        if begin < 0 or finish < 0:
            return default
        return self.string[begin:finish]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[self._index(group)][0]

    def end(self, group=0):
        return self._spans[self._index(group)][1]

    def span(self, group=0):
        return self._spans[self._index(group)]

    def expand(self, template):
        return ''.join(part if isinstance(part, str) else (self._group(part) or '')
                       for part in _parse_template(template, self.re))

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        if isinstance(pattern, Pattern):
            if flags:
                raise ValueError('cannot process flags argument with a compiled pattern')
            flags = pattern.flags
            pattern = pattern.pattern
        if not isinstance(pattern, str):
            raise TypeError('first argument must be string or compiled pattern')
        parser = _Parser(pattern, flags)
        tree = parser.parse()
        self.pattern = pattern
        self.flags = parser.flags | (0 if parser.flags & ASCII else UNICODE)
        self.groups = parser.groups - 1
        self.groupindex = parser.groupindex
        compiler = _Compiler(self.flags)
        compiler.compile(tree)
        compiler.emit(('match',))
        self._code = compiler.code
        self._registers = compiler.registers

    def _at(self, string, start, end, must_advance=False, anchored_end=None):
        return _run(self._code, string, start, end, self.flags, self.groups + 1, self._registers,
                    must_advance, anchored_end)

    def _bounds(self, string, pos, endpos):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        n = len(string)
        endpos = n if endpos is None else max(0, min(endpos, n))
        pos = max(0, min(pos, n))
        return pos, endpos

    def _search(self, string, pos, endpos, must_advance=False):
        for start in range(pos, endpos + 1):
            result = self._at(string, start, endpos, must_advance and start == pos)
            if result is not None:
                return Match(self, string, pos, endpos, start, result)
        return None

    def match(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        result = self._at(string, pos, endpos)
        return None if result is None else Match(self, string, pos, endpos, pos, result)

    def fullmatch(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        result = self._at(string, pos, endpos, anchored_end=endpos)
        return None if result is None else Match(self, string, pos, endpos, pos, result)

    def search(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        return self._search(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        must_advance = False
        while pos <= endpos:
            found = self._search(string, pos, endpos, must_advance)
            if found is None:
                return
            yield found
            must_advance = found.end() == found.start()
            pos = found.end()

    def findall(self, string, pos=0, endpos=None):
        results = []
        for found in self.finditer(string, pos, endpos):
            if self.groups == 0:
                results.append(found.group())
            elif self.groups == 1:
                results.append(found.group(1) or '')
            else:
                results.append(found.groups(''))
        return results

    def subn(self, repl, string, count=0):
        if callable(repl):
            replace = repl
        else:
            parts = _parse_template(repl, self)
            replace = lambda m: ''.join(p if isinstance(p, str) else (m.group(p) or '') for p in parts)
        pieces = []
        last = 0
        n = 0
        for found in self.finditer(string):
            if count and n >= count:
                break
            pieces.append(string[last:found.start()])
            pieces.append(replace(found))
            last = found.end()
            n += 1
        pieces.append(string[last:])
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        n = 0
        for found in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            pieces.append(string[last:found.start()])
            pieces.extend(found.groups())
            last = found.end()
            n += 1
        pieces.append(string[last:])
        return pieces

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __repr__(self):
        shown = self.flags & ~UNICODE if not self.flags & ASCII else self.flags
        names = [name for value, name in _FLAG_NAMES if shown & value]
        if names:
            return 're.compile(%r, %s)' % (self.pattern, '|'.join(names))
        return 're.compile(%r)' % (self.pattern,)


def _parse_template(template, pattern):
    """A replacement template as literal strings and group numbers."""
    parts = []
    literal = []
    i = 0
    while i < len(template):
        c = template[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        i += 1
        if i >= len(template):
            raise error('bad escape (end of pattern)', template, i - 1)
        c = template[i]
        if c == 'g':
            if i + 1 >= len(template) or template[i + 1] != '<':
                raise error('missing <', template, i + 1)
            end = template.find('>', i + 2)
            if end < 0:
                raise error('missing >, unterminated name', template, i + 2)
            name = template[i + 2:end]
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error('invalid group reference %d' % index, template, i + 2)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            else:
                raise IndexError('unknown group name %r' % name)
            parts.append(''.join(literal))
            literal = []
            parts.append(index)
            i = end + 1
        elif c.isdigit() and c != '0':
            digits = c
            if i + 1 < len(template) and template[i + 1].isdigit():
                digits += template[i + 1]
            index = int(digits)
            if index > pattern.groups:
                raise error('invalid group reference %d' % index, template, i)
            parts.append(''.join(literal))
            literal = []
            parts.append(index)
            i += len(digits)
        elif c in _SIMPLE_ESCAPES:
            literal.append(_SIMPLE_ESCAPES[c])
            i += 1
        elif c == '\\':
            literal.append('\\')
            i += 1
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\' + c, template, i - 1)
        else:
            literal.append('\\' + c)
            i += 1
    parts.append(''.join(literal))
    return [p for p in parts if p != '']


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        return Pattern(pattern, flags)
    key = (pattern, flags)
    if key not in _cache:
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = Pattern(pattern, flags)
    return _cache[key]


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
