"""Jobs for tests of graph.batch: each misbehaves in a known way, in a named stage."""

from __future__ import annotations

import os
import time

from graph.model import InputError


def behave(arg, context, at):
    """``arg`` is (what to do, value): return it, hang, eat memory, die, fail, or refuse the input."""
    kind, value = arg
    at(f"stage of {value}")
    if kind == "sleep":
        time.sleep(3600)
    elif kind == "memory":
        hoard = []
        while True:
            hoard.append(bytearray(64 * 2**20))
    elif kind == "die":
        os._exit(3)
    elif kind == "bug":
        raise ValueError(f"bad span {value}")
    elif kind == "refuse":
        raise InputError(value, "tệp rỗng", "the file is empty")
    return (value, context)
