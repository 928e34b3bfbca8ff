"""Outlet adapters, one module each, looked up by the registry's outlet key."""

from __future__ import annotations

from scorer.fetch.sites.base import SiteAdapter
from scorer.fetch.sites.dailynk import DailyNK
from scorer.fetch.sites.hrw import HRW
from scorer.fetch.sites.koreaherald import KoreaHerald
from scorer.fetch.sites.yonhap import Yonhap

ADAPTERS: dict[str, SiteAdapter] = {a.key: a for a in (DailyNK(), Yonhap(), KoreaHerald(), HRW())}
GENERIC = SiteAdapter()


def adapter_for(outlet_key: str | None) -> SiteAdapter:
    return ADAPTERS.get(outlet_key or "", GENERIC)
