# Python's `dataclasses`, following CPython 3.11's Lib/dataclasses.py: `@dataclass` (with init,
# repr, eq, order, frozen, unsafe_hash), `field`, `fields`, `asdict`, `astuple`, `replace`,
# `is_dataclass`, `MISSING`, `FrozenInstanceError`. CPython generates `__init__` and the other
# methods as source text and runs it with exec; here they are closures over the field list that
# check their arguments and raise CPython's TypeError texts themselves.
import copy


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = '_FIELD'

    def __repr__(self):
        return ('Field(' f'name={self.name!r},' f'type={self.type!r},' f'default={self.default!r},'
                f'default_factory={self.default_factory!r},' f'init={self.init!r},' f'repr={self.repr!r},'
                f'hash={self.hash!r},' f'compare={self.compare!r},' f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},' f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_class_var(annotation):
    # typing.ClassVar and typing.ClassVar[T]: CPython compares with typing.ClassVar itself.
    text = str(annotation)
    return text == 'typing.ClassVar' or text.startswith('typing.ClassVar[')


def _join_names(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def _make_init(qualname, fields, frozen, has_post_init):
    init_fields = [f for f in fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
    name = f'{qualname}.__init__()'

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            if required == len(positional):
                takes = f'takes {len(positional) + 1} positional argument' + ('' if len(positional) == 0 else 's')
            else:
                takes = f'takes from {required + 1} to {len(positional) + 1} positional arguments'
            given = len(args) + 1
            raise TypeError(f'{name} {takes} but {given} {"was" if given == 1 else "were"} given')
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        known = [f.name for f in init_fields]
        for key, value in kwargs.items():
            if key not in known:
                raise TypeError(f'{name} got an unexpected keyword argument {key!r}')
            if key in values:
                raise TypeError(f'{name} got multiple values for argument {key!r}')
            values[key] = value
        for group, kind in ((positional, 'positional'), (keyword_only, 'keyword-only')):
            missing = [f.name for f in group
                       if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                plural = 's' if len(missing) > 1 else ''
                raise TypeError(f'{name} missing {len(missing)} required {kind} argument{plural}: '
                                + _join_names(missing))
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.init:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__()

    return __init__


def _make_repr(qualname, fields):
    shown = [f.name for f in fields if f.repr]

    def __repr__(self):
        parts = [f'{name}={getattr(self, name)!r}' for name in shown]
        return f'{qualname}(' + ', '.join(parts) + ')'

    return __repr__


def _compared(fields):
    return [f.name for f in fields if f.compare]


def _make_comparison(fields, compare):
    names = _compared(fields)

    def method(self, other):
        if other.__class__ is self.__class__:
            return compare(tuple(getattr(self, n) for n in names), tuple(getattr(other, n) for n in names))
        return NotImplemented

    return method


def _make_frozen_setattr(field_names):
    def __setattr__(self, name, value):
        if name in field_names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in field_names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        object.__delattr__(self, name)

    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields = {}
    inherited = getattr(cls, '__dataclass_fields__', None)
    if inherited is not None:
        for f in inherited.values():
            fields[f.name] = f
    for name, annotation in cls.__annotations__.items():
        if _is_class_var(annotation):
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    ordered = list(fields.values())
    seen_default = None
    for f in ordered:
        if not f.init or f.kw_only:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default is not None:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
        else:
            seen_default = f
    setattr(cls, '__dataclass_fields__', fields)
    setattr(cls, '__dataclass_params__', (init, repr, eq, order, unsafe_hash, frozen))
    qualname = cls.__qualname__
    if init:
        cls.__init__ = _make_init(qualname, ordered, frozen, hasattr(cls, '__post_init__'))
    if repr:
        cls.__repr__ = _make_repr(qualname, ordered)
    if eq:
        cls.__eq__ = _make_comparison(ordered, lambda a, b: a == b)
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        cls.__lt__ = _make_comparison(ordered, lambda a, b: a < b)
        cls.__le__ = _make_comparison(ordered, lambda a, b: a <= b)
        cls.__gt__ = _make_comparison(ordered, lambda a, b: a > b)
        cls.__ge__ = _make_comparison(ordered, lambda a, b: a >= b)
    if frozen:
        cls.__setattr__, cls.__delattr__ = _make_frozen_setattr([f.name for f in ordered])
    if unsafe_hash or (eq and frozen):
        names = [f.name for f in ordered if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = lambda self: hash(tuple(getattr(self, n) for n in names))
    elif eq:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in ordered if f.init and not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def fields(class_or_instance):
    found = getattr(class_or_instance, '__dataclass_fields__', None)
    if found is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(f for f in found.values() if f._field_type == '_FIELD')


def _is_dataclass_instance(obj):
    return hasattr(obj, '__dataclass_fields__') and not isinstance(obj, type)


def _as(obj, make_dict):
    if _is_dataclass_instance(obj):
        pairs = [(f.name, _as(getattr(obj, f.name), make_dict)) for f in fields(obj)]
        return dict(pairs) if make_dict else tuple(value for _, value in pairs)
    if isinstance(obj, list):
        return [_as(v, make_dict) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_as(v, make_dict) for v in obj)
    if isinstance(obj, dict):
        return {_as(k, make_dict): _as(v, make_dict) for k, v in obj.items()}
    return copy.deepcopy(obj)


def asdict(obj):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _as(obj, True)


def astuple(obj):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _as(obj, False)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init and f.name in changes:
            raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
