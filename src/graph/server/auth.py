"""The update token: compared in constant time, and guessed at a bounded rate.

Without a budget a wrong token cost the guesser one request, so a token could be brute-forced
at the server's request rate.  ``FailureBudget`` lets each client (the peer address, or the
trusted proxy's ``X-Forwarded-For``: ``pool.current_client``) make at most ``per_client``
wrong attempts in ``window_s``, and all clients together at most ``overall`` (many addresses,
an IPv6 block, must not multiply the budget); past either, an attempt is refused with 429 and
Retry-After before the token is even compared, so a refused guess tells nothing.  A right
token clears its client's count; one client's lockout never refuses another while the overall
budget lasts.  Once the overall budget is spent (someone guessing from many addresses, or
spending it to lock the owner out), a client that gave the right token before (``known``, at
most ``max_known`` of them, for ``known_for_s``) may still try within its own budget, so the
people who update the graph keep their access.  Memory is bounded: at most ``per_client``
times of at most ``max_clients`` clients (least recently failed dropped first, the overall
count still holding their failures), ``overall`` times in all and ``max_known`` clients known.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections import OrderedDict, deque


def same_secret(given: str, expected: str) -> bool:
    """Compared in constant time, length included (compare_digest alone tells the length apart)."""
    return hmac.compare_digest(
        hashlib.sha256(given.encode()).digest(), hashlib.sha256(expected.encode()).digest()
    )


class FailureBudget:
    def __init__(
        self,
        per_client: int = 10,
        overall: int = 100,
        window_s: float = 600.0,
        max_clients: int = 4096,
        max_known: int = 64,
        known_for_s: float = 30 * 86400.0,
        clock=time.monotonic,
    ):
        self.per_client = per_client
        self.overall = overall
        self.window_s = window_s
        self.max_clients = max_clients
        self.clock = clock
        self.clients: OrderedDict[str, deque[float]] = OrderedDict()
        self.everyone: deque[float] = deque()
        self.max_known = max_known
        self.known_for_s = known_for_s
        self.known: OrderedDict[str, float] = OrderedDict()  # client → when it last gave the token
        self.refused = 0

    def _expire(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window_s:
            times.popleft()

    def retry_after(self, client: str) -> int | None:
        """Seconds until ``client`` may try a token again; None: it may now."""
        now = self.clock()
        self._expire(self.everyone, now)
        waits = []
        if len(self.everyone) >= self.overall and not self._known(client, now):
            waits.append(self.everyone[0] + self.window_s - now)
        mine = self.clients.get(client)
        if mine is not None:
            self._expire(mine, now)
            if not mine:
                del self.clients[client]
            elif len(mine) >= self.per_client:
                waits.append(mine[0] + self.window_s - now)
        if not waits:
            return None
        self.refused += 1
        return max(1, math.ceil(max(waits)))

    def failed(self, client: str) -> None:
        now = self.clock()
        self.everyone.append(now)
        mine = self.clients.pop(client, None) or deque(maxlen=self.per_client)
        mine.append(now)
        self.clients[client] = mine  # the most recent failure last
        while len(self.clients) > self.max_clients:
            self.clients.popitem(last=False)

    def succeeded(self, client: str) -> None:
        self.clients.pop(client, None)
        self.known.pop(client, None)
        self.known[client] = self.clock()
        while len(self.known) > self.max_known:
            self.known.popitem(last=False)

    def _known(self, client: str, now: float) -> bool:
        since = self.known.get(client)
        if since is not None and since <= now - self.known_for_s:
            del self.known[client]
            return False
        return since is not None
