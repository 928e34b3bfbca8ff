"""Fetch speed: 20 recorded pages from a local server that answers each request after 200 ms.

    PYTHONPATH=. python benchmarks/bench_fetch.py

1. 8 workers against 1 (per-host rate limit off so it does not serialise them): wall time and ratio
   (target >= 5x), twice: with every page delayed by 200 ms (the issue's set-up), and with robots.txt
   delayed as well (stricter: its one fetch per host comes before any page, in both runs, so the best
   possible ratio drops to 4.2 s / 0.8 s = 5.25x).
2. The same 20 fetches again, answered from the cache: total time (target < 50 ms).
Nothing leaves 127.0.0.1: the page host `bench.test` is mapped onto the local server.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scorer.fetch import fetch_articles  # noqa: E402
from scorer.settings import FetchSettings  # noqa: E402

PAGES = ROOT / "fixtures" / "pages"
RECORDED = [
    "dailynk_family_caught.html",
    "koreaherald_20150216000944.html",
    "hrw_harsher_punishments.html",
    "dailynk_kotra_trade_report.html",
    "synthetic/jsonld_only.html",
    "synthetic/no_metadata.html",
    "synthetic/windows1252.html",
]
DELAY = 0.2
COUNT = 20


class Handler(BaseHTTPRequestHandler):
    bodies: dict[str, bytes] = {}
    requests = 0
    delay_robots = False
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802 (stdlib name)
        with Handler.lock:
            Handler.requests += 1
        if self.path != "/robots.txt" or Handler.delay_robots:
            time.sleep(DELAY)
        if self.path == "/robots.txt":
            body, ctype = b"User-agent: *\nDisallow:\n", "text/plain"
        else:
            body, ctype = Handler.bodies.get(self.path, b""), "text/html"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main() -> None:
    for i in range(COUNT):
        Handler.bodies[f"/p/{i:02d}"] = (PAGES / RECORDED[i % len(RECORDED)]).read_bytes()
    # The stdlib default listen backlog (5) drops some of 8 simultaneous connects: each costs a 1 s SYN retry.
    ThreadingHTTPServer.request_queue_size = 64
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"http://bench.test/p/{i:02d}" for i in range(COUNT)]

    def settings(cache_dir: str, workers: int) -> FetchSettings:
        return FetchSettings(cache_dir=cache_dir, allow_private_hosts=True, rate_limit=0, max_workers=workers,
                             host_map=(("bench.test", base),))

    # Warm-up into a throw-away cache: first use of requests, bs4, trafilatura and htmldate costs ~1 s.
    fetch_articles(urls, settings(tempfile.mkdtemp(prefix="bench-fetch-warm-"), 8))
    for delay_robots in (False, True):
        Handler.delay_robots = delay_robots
        print("pages and robots.txt delayed:" if delay_robots else "pages delayed, robots.txt answered at once:")
        timings = {}
        for workers in (1, 8):
            cache_dir = tempfile.mkdtemp(prefix=f"bench-fetch-{workers}-")
            Handler.requests = 0
            start = time.perf_counter()
            got = fetch_articles(urls, settings(cache_dir, workers))
            timings[workers] = time.perf_counter() - start
            assert all(a.ok and not a.from_cache for a in got.values()), [a.status for a in got.values()]
            print(f"  {workers} worker(s): {timings[workers]:.3f} s for {COUNT} pages ({Handler.requests} requests)")
        print(f"  speed-up 8 vs 1: {timings[1] / timings[8]:.2f}x (target >= 5x)")

    Handler.requests = 0
    start = time.perf_counter()
    again = fetch_articles(urls, settings(cache_dir, 8))
    cached = time.perf_counter() - start
    assert all(a.from_cache for a in again.values())
    print(f"from the cache: {cached * 1000:.1f} ms for {COUNT} pages ({Handler.requests} requests; target < 50 ms)")
    server.shutdown()


if __name__ == "__main__":
    main()
