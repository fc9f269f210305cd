"""Internal errors: told in full to the server's log, never to the client.

An exception's text names what the client has no business knowing (the store's folder, the
source folder, a file's absolute path, the library that failed): an answer to the client says
only that the server failed, in Vietnamese and English, with a request id; the log line with
the same id holds the detail for whoever runs the server.
"""

from __future__ import annotations

import logging
import secrets

log = logging.getLogger("graph.server")


def request_id() -> str:
    """A short random id to match an answer with its log line (not guessable, not a counter
    telling how many failures there were)."""
    return secrets.token_hex(6)


def reported(
    detail: str, what_vi: str = "Lỗi nội bộ của máy chủ", what_en: str = "internal server error"
) -> str:
    """Log ``detail`` under a new request id; the client's message, which names only the id."""
    rid = request_id()
    log.error("request %s: %s", rid, detail)
    return f"{what_vi}, mã yêu cầu {rid} ({what_en}; request id {rid}: the details are in the server's log)"


def public_reply(reply: tuple) -> tuple:
    """A worker's reply as the client may see it: an internal error comes from the worker as
    ('error', status, (what it was in Vietnamese, in English), detail); the detail goes to the
    log, the id to the client."""
    if reply[0] == "error" and len(reply) == 4:
        status, (what_vi, what_en), detail = reply[1], reply[2], reply[3]
        return ("error", status, reported(detail, what_vi, what_en))
    return reply
