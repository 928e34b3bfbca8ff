"""Misbehaving HTTP servers on 127.0.0.1 for the hostile-input tests: raw sockets, one thread a connection,
so a server that trickles one byte a second never holds up another request (or the test's teardown)."""

from __future__ import annotations

import socket
import threading
import time


class RawServer:
    """`handler(path, conn)` writes whatever it likes to the socket; /robots.txt is answered 404 at once."""

    def __init__(self, handler):
        self.handler = handler
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.paths: list[str] = []
        self.hit = threading.Event()  # set on the first request that is not robots.txt
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(30)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            path = data.split(b" ", 2)[1].decode("latin-1")
            if path == "/robots.txt":
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            self.paths.append(path)
            self.hit.set()
            self.handler(path, conn, self)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def trickle(self, conn: socket.socket, data: bytes, interval: float = 0.4) -> None:
        """One byte every `interval` seconds (well within any read timeout) until the data ends, the client hangs up or the server stops."""
        for i in range(len(data)):
            if self.stopped.is_set():
                return
            conn.sendall(data[i:i + 1])
            time.sleep(interval)

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


PAGE = (b"<html><head><title>Synthetic</title></head><body><article><p>"
        + b"A synthetic page that arrives very slowly. " * 40 + b"</p></article></body></html>")


def trickled_headers(path, conn, server):
    server.trickle(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"x" * 10_000 + b"\r\n\r\n" + PAGE)


def trickled_body(path, conn, server):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    server.trickle(conn, PAGE * 10)
