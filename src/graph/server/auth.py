"""The update token: compared in constant time, and guessed at a bounded rate.

Without a budget a wrong token cost the guesser one request, so a token could be brute-forced
at the server's request rate.  ``FailureBudget`` counts wrong tokens per client network (an
IPv4 address, an IPv6 /64: one subscriber's block, or its 2^64 addresses would each be a
client) from the peer address, or the trusted proxy's ``X-Forwarded-For`` (``pool.current_client``):
each network may make at most ``per_client`` wrong attempts in ``window_s``; all together at
most ``overall``.  Past a limit, an attempt is refused with 429 and Retry-After before the
token is even compared, so a refused guess tells nothing.  A right token clears its network's
count.

The overall budget had been a lock anyone could close: 100 wrong tokens from many addresses
(or from the browsers of a page's visitors: CORS lets any page send an Authorization header)
refused everyone, the people who update the graph included, unless they had given the right
token from that very address before.  The trade-off now: once the overall budget is spent, a
network that has not failed in the window still has its token checked once (the updater who
comes from a new address gets through), one that has failed is refused, and so is every newcomer
while ``max_clients`` networks are remembered (an attacker with more networks than that would
otherwise cycle them out of memory and guess without end).  So a window allows at most
``overall + max_clients`` guesses from everyone, and an attacker's share past ``overall`` costs
one network per guess; ``policy-graph serve`` refuses tokens shorter than ``MIN_TOKEN_CHARS``,
so that bound leaves a guess no chance.  A client that gave the right token before (``known``,
at most ``max_known`` of them, for ``known_for_s``) keeps its own budget whatever the overall.
Memory is bounded: at most ``per_client`` times of at most ``max_clients`` networks, ``overall``
times in all and ``max_known`` clients known.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import time
from collections import OrderedDict, deque

# 16 characters of secrets.token_urlsafe are 96 bits: a budget of a few thousand guesses a
# window leaves ~10^-25 of a chance a day
MIN_TOKEN_CHARS = 16


def client_network(client: str) -> str:
    """Whom wrong tokens are counted for: an IPv4 address, the /64 of an IPv6 address (IPv4
    written as IPv6 counts as the IPv4 address), anything else as it is."""
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return client
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


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
        self.everyone: deque[float] = deque(maxlen=overall)  # the last `overall` failures: enough to tell
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
        network = client_network(client)
        self._expire(self.everyone, now)
        self._forget_quiet_clients(now)
        mine = self.clients.get(network)
        waits = []
        spent = len(self.everyone) >= self.overall and not self._known(client, now)
        # spent: a network's first try of the window is still checked, while it can be remembered
        if spent and (mine is not None or len(self.clients) >= self.max_clients):
            waits.append(self.everyone[0] + self.window_s - now)
        if mine is not None:
            self._expire(mine, now)
            if len(mine) >= self.per_client:
                waits.append(mine[0] + self.window_s - now)
        if not waits:
            return None
        self.refused += 1
        return max(1, math.ceil(max(waits)))

    def _forget_quiet_clients(self, now: float) -> None:
        """Drop the networks whose last failure left the window (the least recent come first)."""
        while self.clients:
            network, times = next(iter(self.clients.items()))
            if times[-1] > now - self.window_s:
                return
            del self.clients[network]

    def failed(self, client: str) -> None:
        now = self.clock()
        network = client_network(client)
        self.everyone.append(now)
        mine = self.clients.pop(network, None) or deque(maxlen=self.per_client)
        mine.append(now)
        self.clients[network] = mine  # the most recent failure last
        while len(self.clients) > self.max_clients:
            self.clients.popitem(last=False)

    def succeeded(self, client: str) -> None:
        self.clients.pop(client_network(client), None)
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
