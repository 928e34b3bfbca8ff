"""The outlet registry: who an outlet is, how far its word goes, and how to recognise it.

Two layers: ~110 curated profiles (scorer/data/outlets.json) that carry names and aliases and are
matched in free text, and 5,332 domain rows from the media-reliability dataset that are matched by
domain only (a bare domain name is too ambiguous to look for in prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

from scorer.errors import ConfigError

NEWS_KINDS = frozenset(
    {"wire agency", "newspaper", "broadcaster", "online news", "state media", "blog", "news outlet"}
)
KINDS = NEWS_KINDS | {"ngo", "government agency", "think tank", "intergovernmental"}


@dataclass(frozen=True)
class Outlet:
    key: str  # curated key ("dailynk"), or the domain for data-only rows
    name: str
    aliases: tuple[str, ...]  # names as written in text
    domains: tuple[str, ...]  # registrable domains (or a more specific host such as cidrap.umn.edu)
    kind: str
    reliability: float  # prior in [0, 1]
    reliability_label: str  # reliable | mixed | unreliable | blacklisted | unknown
    prior_source: str
    is_news: bool  # attribution kind "outlet" when True, "organization" otherwise
    wire: bool = False  # a wire agency: its copy carried by others is not independent of it
    note: str = ""
    curated: bool = True  # False for rows that come only from the media-reliability data
    exact_aliases: tuple[str, ...] = ()  # aliases that are common words too ("The Sun"): match as written


def label_for(reliability: float) -> str:
    """A label for a prior set by hand (project or config), on the same scale as the data labels."""
    if reliability >= 0.7:
        return "reliable"
    if reliability >= 0.4:
        return "mixed"
    if reliability >= 0.1:
        return "unreliable"
    return "blacklisted"


def _norm_name(name: str) -> str:
    """Case-folded form for name look-ups: no leading "the", no trailing possessive."""
    text = " ".join(name.replace("\u2019", "'").split()).strip(" ,;:")
    text = text.casefold()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text


def _is_case_sensitive(alias: str) -> bool:
    """Short or all-caps aliases only match as written: AP, HRW, UN must not match "ap" or "un"."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return " " not in alias and len(alias) <= 5


def _alias_pattern(alias: str) -> str:
    # Text wraps lines and mixes apostrophes; the alias must still match.
    parts = [re.escape(word) for word in alias.split()]
    return r"\s+".join(parts).replace("'", "['\u2019]")


def _host_of(host_or_url: str) -> str:
    text = host_or_url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "//" + text.lstrip("/")
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


@lru_cache(maxsize=1)
def _psl():
    # Loaded on first domain look-up only: it costs ~25 ms and a name match never needs it.
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def registrable_domain(host_or_url: str) -> str | None:
    """The registrable domain of a host or URL ("en.yna.co.kr" -> "yna.co.kr"), offline."""
    host = _host_of(host_or_url)
    if not host:
        return None
    return _psl().privatesuffix(host)


_TOKEN = re.compile(r"[A-Za-z0-9]+")


class Registry:
    """Outlet profiles with look-ups by domain, by name, and in free text."""

    def __init__(self, outlets: Iterable[Outlet]):
        self._outlets: tuple[Outlet, ...] = tuple(outlets)
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._by_name: dict[str, Outlet] = {}
        for outlet in self._outlets:
            if outlet.key in self._by_key:
                raise ConfigError(f"outlet key {outlet.key!r} is defined twice")
            self._by_key[outlet.key] = outlet
            for domain in outlet.domains:
                self._by_domain.setdefault(domain.lower(), outlet)
            if outlet.curated:
                for name in (outlet.name, outlet.key, *outlet.aliases):
                    self._by_name.setdefault(_norm_name(name), outlet)
        self._regex: re.Pattern[str] | None = None
        self._exact: dict[str, Outlet] = {}
        self._folded: dict[str, Outlet] = {}
        self._firsts: frozenset[str] = frozenset()

    # -- look-ups -----------------------------------------------------------------------------
    def get(self, key: str) -> Outlet | None:
        return self._by_key.get(key)

    def by_domain(self, host_or_url: str) -> Outlet | None:
        """The profile of a host or URL: the most specific listed host wins, down to the registrable domain."""
        host = _host_of(host_or_url)
        if not host:
            return None
        hit = self._by_domain.get(host)
        if hit is not None:
            return hit
        base = registrable_domain(host)
        if base is None:
            return None
        labels = host.split(".")
        floor = len(base.split("."))
        for n in range(len(labels) - 1, floor - 1, -1):
            hit = self._by_domain.get(".".join(labels[-n:]))
            if hit is not None:
                return hit
        return None

    def by_name(self, name: str) -> Outlet | None:
        """A curated profile by name, alias or key: case-insensitive, ignoring "the" and a trailing "'s"."""
        hit = self._by_name.get(_norm_name(name))
        if hit is None and "." in name and " " not in name.strip():
            hit = self.by_domain(name)
        return hit

    def find_names(self, text: str) -> list[tuple[int, int, Outlet]]:
        """Non-overlapping mentions of curated names in text, as (start, end, outlet), in text order."""
        regex = self._regex or self._compile()
        found: list[tuple[int, int, Outlet]] = []
        last_end = 0
        # Try the alternation only where a name can start: scanning every position of every
        # sentence with ~400 alternatives is what made this the slowest step of scoring.
        for token in _TOKEN.finditer(text):
            start = token.start()
            if start < last_end or token.group().casefold() not in self._firsts:
                continue
            match = regex.match(text, start)
            if match is None:
                continue
            written = " ".join(match.group().replace("\u2019", "'").split())
            outlet = self._exact.get(written) or self._folded.get(written.casefold())
            if outlet is not None:
                found.append((match.start(), match.end(), outlet))
                last_end = match.end()
        return found

    def search(self, query: str) -> list[Outlet]:
        """Profiles whose key, name, alias or domain contains the query (curated ones first)."""
        needle = query.strip().casefold()
        if not needle:
            return [o for o in self._outlets if o.curated]
        return [
            o
            for o in self._outlets
            if any(needle in field.casefold() for field in (o.key, o.name, *o.aliases, *o.domains))
        ]

    def curated(self) -> list[Outlet]:
        return [o for o in self._outlets if o.curated]

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets)

    def __len__(self) -> int:
        return len(self._outlets)

    # -- matching -----------------------------------------------------------------------------
    def _compile(self) -> re.Pattern[str]:
        sensitive: list[str] = []
        folded: list[str] = []
        for outlet in self._outlets:
            if not outlet.curated:
                continue
            exact_aliases = set(outlet.exact_aliases)
            for alias in outlet.aliases:
                key = " ".join(alias.replace("\u2019", "'").split())
                if alias in exact_aliases or _is_case_sensitive(alias):
                    self._exact.setdefault(key, outlet)
                    sensitive.append(alias)
                else:
                    self._folded.setdefault(key.casefold(), outlet)
                    folded.append(alias)
        # One alternation, longest alias first, so "UN Security Council" beats "UN".
        pieces = [
            (len(a), _alias_pattern(a)) for a in sensitive
        ] + [(len(a), "(?i:" + _alias_pattern(a) + ")") for a in folded]
        pieces.sort(key=lambda p: -p[0])
        body = "|".join(p for _, p in pieces) or "(?!)"
        self._regex = re.compile(r"(?<![\w@/.-])(?:" + body + r")(?!\w|\.\w)")
        self._firsts = frozenset(
            tokens[0].casefold() for alias in (*sensitive, *folded) if (tokens := _TOKEN.findall(alias))
        )
        return self._regex

    # -- configuration ------------------------------------------------------------------------
    def with_overrides(self, overrides: Iterable[Mapping]) -> "Registry":
        """A new registry with outlets added or priors changed by configuration."""
        from scorer.outlets.loading import apply_overrides

        return Registry(apply_overrides(self, list(overrides)))


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    """The registry built from the package data, loaded once per process."""
    from scorer.outlets.loading import load_outlets

    return Registry(load_outlets())
