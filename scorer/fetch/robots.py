"""robots.txt: fetched once per host (per run, and kept in the cache), then asked for every URL."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class Robots:
    def __init__(self, client, cache=None, agent: str = "scorer"):
        self.client = client  # a Client; robots.txt is fetched with check_robots=False
        self.cache = cache  # ArticleCache or None
        self.agent = agent
        self._parsers: dict[str, RobotFileParser] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        return self._parser(origin).can_fetch(self.agent, url)

    def _parser(self, origin: str) -> RobotFileParser:
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # other threads wanting the same host wait for the one fetch
            parser = self._parsers.get(origin)
            if parser is None:
                parser = self._load(origin)
                self._parsers[origin] = parser
            return parser

    def _load(self, origin: str) -> RobotFileParser:
        from scorer.fetch.client import FetchError

        parser = RobotFileParser()
        text = self.cache.get_robots(origin) if self.cache else None
        if text is None:
            definitive = True
            try:
                resp = self.client.get(origin + "/robots.txt", check_robots=False)
                text = resp.text
            except FetchError as exc:
                if exc.status in ("http_401", "http_403"):
                    text = "User-agent: *\nDisallow: /\n"  # the site forbids crawling outright
                else:
                    text = ""  # no robots.txt (404) or unreachable: nothing is disallowed
                    definitive = exc.status.startswith("http_4")  # retry a flaky host next run
            if self.cache and definitive:
                self.cache.put_robots(origin, text)
        parser.parse(text.splitlines())
        return parser
