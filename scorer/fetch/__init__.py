"""Fetching the cited outlets: polite, cached, safe.

Importing this package is cheap: requests, trafilatura and BeautifulSoup load on first use.

    articles = fetch_articles(urls, settings, draft_date="2015-02-17")   # {url: Article}
    article = find_article("dailynk", "dropped by 2.79 percent", settings)

    with FetchSession(settings, draft_date="2015-02-17") as session:   # one run: one cache, one client
        articles = session.fetch_all(urls)
        article = session.find("dailynk", "dropped by 2.79 percent")
"""

from __future__ import annotations

import sys
from typing import Sequence

from scorer.settings import FetchSettings
from scorer.types import Article

__all__ = ["FetchSession", "fetch_articles", "find_article", "search_url"]


class FetchSession:
    """The fetching of one run: one cache connection and one polite client for all its pages and searches."""

    def __init__(self, settings: FetchSettings, *, draft_date: str | None = None):
        from scorer.fetch.fetcher import Fetcher

        self._fetcher = Fetcher(settings, draft_date=draft_date)

    def __enter__(self) -> "FetchSession":
        return self

    def __exit__(self, *exc) -> None:
        self._fetcher.close()

    def fetch_all(self, urls: Sequence[str], *, progress: bool = False) -> dict[str, Article]:
        """Each distinct URL fetched once (concurrently, politely); never raises for a URL that fails."""
        fetcher = self._fetcher
        distinct = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
        results: dict[str, Article] = {}
        by_key: dict[str, list[str]] = {}
        for url in distinct:
            by_key.setdefault(fetcher.key_of(url), []).append(url)
        todo: list[tuple[str, list[str]]] = []
        for key, group in by_key.items():
            cached = fetcher.from_cache(group[0])
            if cached is not None:  # answered here: no thread, no client, no request
                for url in group:
                    results[url] = fetcher.from_cache(url) if url != group[0] else cached
            else:
                todo.append((key, group))
        if todo:
            _fetch_many(fetcher, todo, results, show=progress and len(distinct) > 1 and sys.stderr.isatty())
        return {url: results[url] for url in distinct}

    def find(self, outlet_key: str, phrase: str) -> Article:
        """Search the outlet for the phrase and fetch the best hit; status search_unsupported for Yonhap."""
        from scorer.errors import ScorerError
        from scorer.fetch.search import find

        try:
            return find(self._fetcher, outlet_key, phrase)
        except ScorerError:
            raise
        except Exception as exc:  # as Fetcher.fetch: an odd search answer costs this look-up, never the run
            return Article(url="", status="error", outlet=outlet_key, message=f"{type(exc).__name__}: {exc}")


def fetch_articles(
    urls: Sequence[str], settings: FetchSettings, *, draft_date: str | None = None, progress: bool = False
) -> dict[str, Article]:
    """Each distinct URL fetched once (concurrently, politely); never raises for a URL that fails."""
    with FetchSession(settings, draft_date=draft_date) as session:
        return session.fetch_all(urls, progress=progress)


def _fetch_many(fetcher, todo, results, *, show: bool) -> None:
    from concurrent.futures import ThreadPoolExecutor, as_completed
    from dataclasses import replace

    workers = max(1, min(fetcher.settings.max_workers, len(todo)))
    bar = _progress(len(todo)) if show else None
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="scorer-fetch")
    futures = {pool.submit(fetcher.fetch, group[0]): group for _key, group in todo}
    try:
        for future in as_completed(futures):
            group = futures[future]
            article = future.result()
            for url in group:
                results[url] = article if url == group[0] else replace(article, url=url)
            if bar:
                bar[0].advance(bar[1])
    except BaseException:
        # Ctrl-C (or a bug): do not wait for fetches stuck in a read; cut their connections and go.
        pool.shutdown(wait=False, cancel_futures=True)
        fetcher.abort()
        raise
    finally:
        if bar:
            bar[0].stop()
    pool.shutdown(wait=True)


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("fetch", total=total)
    progress.start()
    return progress, task


def find_article(outlet_key: str, phrase: str, settings: FetchSettings, *, draft_date: str | None = None) -> Article:
    """Search the outlet for the phrase and fetch the best hit; status search_unsupported for Yonhap."""
    with FetchSession(settings, draft_date=draft_date) as session:
        return session.find(outlet_key, phrase)


def search_url(outlet_key: str, phrase: str, settings: FetchSettings) -> str | None:
    """The URL find_article asks for this outlet and phrase (what a recorded answer is stored under)."""
    from scorer.fetch.search import search_url as _search_url

    return _search_url(outlet_key, phrase, settings)
