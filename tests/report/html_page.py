"""Reads a rendered HTML report back with the standard library's parser, the way a browser would tokenise it."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""  # raw text of <script>/<style>, or the first text of other elements


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    text: str = ""  # all text a reader sees, entities decoded

    def find(self, tag: str | None = None, **attrs) -> list[Element]:
        out = []
        for el in self.elements:
            if tag and el.tag != tag:
                continue
            if all(_has(el.attrs.get(k.rstrip("_")), v) for k, v in attrs.items()):
                out.append(el)
        return out

    @property
    def csp(self) -> str:
        (meta,) = [e for e in self.elements if e.tag == "meta" and e.attrs.get("http-equiv") == "Content-Security-Policy"]
        return meta.attrs["content"]


def _has(value, wanted) -> bool:
    if value is None:
        return False
    if wanted is True:
        return True
    return wanted in value.split() if isinstance(wanted, str) and " " not in wanted else value == wanted


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.raw: Element | None = None
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        el = Element(tag, dict(attrs))
        self.page.elements.append(el)
        self.raw = el if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self.raw = None

    def handle_data(self, data):
        if self.raw is not None:
            self.raw.text += data
        else:
            self.chunks.append(data)


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser.page.text = re.sub(r"\s+", " ", "".join(parser.chunks))
    return parser.page


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"
