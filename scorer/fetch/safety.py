"""Which URLs we may connect to: http(s) only, and never to this machine or a private network.

A draft is untrusted input; without this rule a link in it could make the tool probe the user's
router, cloud metadata endpoint or local services (server-side request forgery).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


# RFC 6761 names that never exist in public DNS: answered locally so a test name never leaks to a resolver.
_NEVER_RESOLVE = (".test", ".invalid", ".example", ".localhost")  # reserved names (RFC 2606, 6761)
# ...and the names of networks that are not the public internet: nothing under them goes to a public service
PRIVATE_SUFFIXES = (*_NEVER_RESOLVE, ".local", ".internal", ".intranet", ".lan", ".home", ".corp", ".home.arpa",
                    ".onion")


class Refused(Exception):
    """The URL must not be fetched; the message says why."""


class Unresolvable(Exception):
    """The host name does not resolve (a dead link: worth asking the archive)."""


def resolve(host: str) -> list[str]:
    """Every address the name resolves to (IP literals resolve to themselves)."""
    bare = host.strip("[]")
    try:
        return [str(ipaddress.ip_address(bare))]
    except ValueError:
        pass
    if bare.lower().rstrip(".").endswith(_NEVER_RESOLVE):
        raise Unresolvable(f"host {host} does not resolve")
    try:
        infos = socket.getaddrinfo(bare, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unresolvable(f"host {host} does not resolve") from exc
    # In the resolver's order (the order a connection tries them in), each once.
    return list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))


def forbidden(address: str) -> str | None:
    """Why an address is not public ("loopback", "private", ...), or None for a public one."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for label, test in (
        ("loopback", ip.is_loopback),
        ("private", ip.is_private),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved or ip.is_unspecified),
    ):
        if test:
            return label
    return None


def check_url(url: str, allow_private: bool) -> list[str]:
    """Raise Refused (bad scheme or forbidden address) or Unresolvable; else the addresses that passed,
    which are the only ones the connection may then use (scorer.fetch.transport pins them)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise Refused(f"only http and https URLs are fetched, not {parts.scheme or 'a relative URL'}:")
    host = parts.hostname
    if not host:
        raise Refused("the URL has no host")
    addresses = resolve(host)
    if allow_private:
        return addresses
    for address in addresses:
        label = forbidden(address)
        if label:
            raise Refused(
                f"{host} resolves to {label} address {address}; use --allow-private-hosts to fetch it"
            )
    return addresses
