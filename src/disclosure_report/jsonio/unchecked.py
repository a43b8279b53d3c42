"""Instances of frozen attrs classes built from values that are already checked.

A frozen attrs ``__init__`` stores each field through ``object.__setattr__`` (a lookup through the class per
field) and runs every validator. Where the values are known to be valid — the fast path of ``loads`` checks them
itself, a rule builds its findings from its own figures — storing each value straight into its slot is about
twice as fast. Nothing here checks anything: callers answer for the values.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

__all__ = ["constructor", "store"]

T = TypeVar("T")


def store(cls: type, name: str) -> Callable[[Any, Any], None]:
    """A function ``(instance, value)`` that stores ``value`` as the field ``name`` of an instance of ``cls``."""
    slot = cls.__dict__.get(name)
    if isinstance(slot, types.MemberDescriptorType):
        setter: Callable[[Any, Any], None] = slot.__set__  # the slot's own setter: no lookup through the class
        return setter
    return functools.partial(_set_attribute, name=name)


def _set_attribute(instance: Any, value: Any, *, name: str) -> None:
    object.__setattr__(instance, name, value)


_CONSTRUCTORS: dict[type, Callable[..., Any]] = {}


def constructor(cls: type[T]) -> Callable[..., T]:
    """A function taking every field of the attrs class ``cls`` (by name or in declaration order, none left out)
    that returns the instance without running ``__init__``: no validator, no converter, no default."""
    if cls not in _CONSTRUCTORS:
        _CONSTRUCTORS[cls] = _generate(cls)
    return _CONSTRUCTORS[cls]


def _generate(cls: type) -> Callable[..., Any]:
    names = [f.name for f in attrs.fields(cast(Any, cls))]
    namespace: dict[str, Any] = {"_unchecked_new": object.__new__, "_unchecked_cls": cls}
    namespace |= {f"_unchecked_store_{name}": store(cls, name) for name in names}
    lines = [f"def construct({', '.join(names)}):", "    _unchecked_inst = _unchecked_new(_unchecked_cls)"]
    lines += [f"    _unchecked_store_{name}(_unchecked_inst, {name})" for name in names]
    lines.append("    return _unchecked_inst")  # (names no field of a model class can have)
    exec("\n".join(lines), namespace)
    construct: Callable[..., Any] = namespace["construct"]
    return construct
