"""The fork server of ``multiprocessing``, started without the working folder on its path.

The fork server is launched as ``python -c …``, which puts the working folder first on sys.path,
and Python 3.11's fork server ignores the path it is handed: a ``graph/`` package in the folder a
build or the server was started from would be imported, and run, instead of this one.
PYTHONSAFEPATH leaves the working folder out.  Used by the build's workers (batch.py) and the
server's query workers (server/pool.py).
"""

from __future__ import annotations

import os
from multiprocessing import forkserver


def ensure_forkserver() -> None:
    """Start the fork server if it is not running yet, with PYTHONSAFEPATH set for it alone."""
    saved = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = saved
