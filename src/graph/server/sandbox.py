"""What a query worker may use: no network, bounded memory.

Two walls stand between a SPARQL query and the network.  The first is the query check
(``guard``: SERVICE is refused from the parsed query).  The second is here: before a
worker opens the store it installs a seccomp filter that makes ``socket(AF_INET…)`` and
``socket(AF_INET6…)`` fail with EACCES, so even a query the check misread cannot reach
another host — pyoxigraph's HTTP client lives in Rust, below anything Python could patch.
Unix sockets (the pipe to the server) keep working.  The filter is the kernel's
(``prctl(PR_SET_SECCOMP)``), needs no privilege once ``no_new_privs`` is set, and is
inherited by every thread the worker starts afterwards.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import platform
import resource
import struct
from typing import ClassVar

log = logging.getLogger("graph.server")

# seccomp / BPF constants (linux/seccomp.h, linux/filter.h, linux/audit.h)
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K
_AF_INET, _AF_INET6 = 2, 10
_X32_BIT = 0x40000000
# machine → (audit arch, socket syscall number, io_uring_setup number)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}


class _SockFilter(ctypes.Structure):
    _fields_: ClassVar = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint),
    ]


class _SockFprog(ctypes.Structure):
    _fields_: ClassVar = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _program(arch: int, socket_nr: int, uring_nr: int) -> list[tuple[int, int, int, int]]:
    """BPF: on this arch, socket(AF_INET|AF_INET6, …) and io_uring_setup → EACCES; all else allowed."""
    deny = _RET_ERRNO | errno.EACCES
    return [
        (_LD_W_ABS, 0, 0, 4),  # 0: A = seccomp_data.arch
        (_JEQ_K, 1, 0, arch),  # 1: our arch? go on : allow
        (_RET_K, 0, 0, _RET_ALLOW),  # 2
        (_LD_W_ABS, 0, 0, 0),  # 3: A = seccomp_data.nr
        (_JEQ_K, 3, 0, uring_nr),  # 4: io_uring_setup → deny (8)
        (_JEQ_K, 3, 0, socket_nr | _X32_BIT),  # 5: x32 socket → check domain (9)
        (_JEQ_K, 2, 0, socket_nr),  # 6: socket → check domain (9)
        (_RET_K, 0, 0, _RET_ALLOW),  # 7
        (_RET_K, 0, 0, deny),  # 8
        (_LD_W_ABS, 0, 0, 16),  # 9: A = low word of args[0] (the address family)
        (_JEQ_K, 2, 0, _AF_INET),  # 10 → deny (13)
        (_JEQ_K, 1, 0, _AF_INET6),  # 11 → deny (13)
        (_RET_K, 0, 0, _RET_ALLOW),  # 12
        (_RET_K, 0, 0, deny),  # 13
    ]


def deny_network() -> bool:
    """Make IP sockets impossible for this process and its future threads; False where the
    kernel or machine does not allow it (then the query check is the only wall, and it is logged)."""
    arch = _ARCHES.get(platform.machine())
    if arch is None or struct.calcsize("P") != 8:
        log.warning(
            "no network filter for %s: SERVICE is refused by the query check only", platform.machine()
        )
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    instructions = _program(*arch)
    array = (_SockFilter * len(instructions))(*(_SockFilter(*i) for i in instructions))
    prog = _SockFprog(len(instructions), array)
    if (
        libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
        or libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0
    ):
        log.warning(
            "seccomp filter refused (%s): SERVICE is refused by the query check only",
            errno.errorcode.get(ctypes.get_errno(), "?"),
        )
        return False
    return True


def limit_memory(max_bytes: int | None) -> None:
    """Cap the worker's address space: an allocation past it fails instead of taking the machine."""
    if max_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
