"""The sockets under the polite client: pinned and on a deadline.

Pinned: a connection goes to the address that passed the safety check, never to a second DNS answer
(a name that resolves to a public address for the check and to 127.0.0.1 for the connect, DNS rebinding).
On a deadline: a per-read timeout never fires for a server that trickles one byte a second, so each
request has a total deadline (connect, headers and body), and when it passes a watchdog shuts the
socket down, which wakes the read blocked on it. Ctrl-C cuts every open request the same way.

requests and urllib3 load on first use (inside `adapter()`), as everywhere in scorer.fetch.
"""

from __future__ import annotations

import socket
import threading
import time
import weakref

_local = threading.local()  # per fetch thread: the request in flight (pinned addresses, deadline)
_open: "weakref.WeakSet[Deadline]" = weakref.WeakSet()
_open_lock = threading.Lock()


class Deadline:
    """One request's deadline: `expired` once it passed (or was cut), the sockets it watches shut down."""

    def __init__(self, at: float):
        self.at = at  # time.monotonic()
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, at - time.monotonic()), self.cut)
        self._timer.daemon = True

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def watch(self, sock) -> None:
        with self._lock:
            if self.expired:
                _shut(sock)
            else:
                self._socks.append(sock)

    def cut(self) -> None:
        with self._lock:
            self.expired = True
            socks, self._socks = self._socks, []
        for sock in socks:
            _shut(sock)

    def __enter__(self) -> "Deadline":
        with _open_lock:
            _open.add(self)
        _local.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _local.deadline = None
        with _open_lock:
            _open.discard(self)


def abort_all() -> None:
    """Cut every request in flight (Ctrl-C): their reads return at once."""
    with _open_lock:
        deadlines = list(_open)
    for deadline in deadlines:
        deadline.cut()


def _shut(sock) -> None:
    try:
        # socket.socket's own shutdown, also for an SSLSocket: wakes a recv blocked in another thread.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def pin(host: str | None, addresses: list[str] | None) -> None:
    """Connections to `host` made by this thread go to these addresses only (None: no pin)."""
    _local.pin = (host.lower().strip("[]"), tuple(addresses)) if host and addresses else None


def _pinned(host: str) -> tuple[str, ...]:
    current = getattr(_local, "pin", None)
    if current and current[0] == (host or "").lower().strip("[]"):
        return current[1]
    return ()


_adapter_class = None


def adapter():
    """A requests HTTPAdapter whose connections are pinned and watched by the current deadline."""
    global _adapter_class
    if _adapter_class is None:
        _adapter_class = _build_adapter_class()
    return _adapter_class()


def _build_adapter_class():
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

    class _Watched:
        def _new_conn(self):
            addresses = _pinned(self.host)
            if not addresses:
                return super()._new_conn()
            failure = None
            for address in addresses:  # as create_connection would try each answer, but only these
                self._dns_host = address
                try:
                    return super()._new_conn()
                except (NewConnectionError, ConnectTimeoutError) as exc:
                    failure = exc
            raise failure  # type: ignore[misc]

        def getresponse(self, *args, **kwargs):
            deadline = getattr(_local, "deadline", None)
            if deadline is not None and self.sock is not None:
                deadline.watch(self.sock)
            return super().getresponse(*args, **kwargs)

    class WatchedHTTPConnection(_Watched, HTTPConnection):
        pass

    class WatchedHTTPSConnection(_Watched, HTTPSConnection):
        pass

    class WatchedHTTPPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTPConnection

    class WatchedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPSConnection

    class WatchedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}

    return WatchedAdapter
