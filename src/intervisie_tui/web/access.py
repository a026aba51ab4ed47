"""Who may see the display in a browser: the secret path, the expected Host and Origin, and the viewer limit.

textual-serve has no authentication of its own, so every request passes these checks first. Pure stdlib, so the
rules are tested without a server.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket

from ..core.records import record

MAX_VIEWERS = 4
PATH_PREFIX = "/v/"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


def new_token() -> str:
    """128 random bits, URL-safe: the secret part of every address the server answers."""
    return secrets.token_urlsafe(16)


def token_in_path(path: str, token: str) -> bool:
    """True for `/v/<token>` and anything below it; the comparison takes the same time for every wrong token."""
    if not path.startswith(PATH_PREFIX):
        return False
    given = path[len(PATH_PREFIX) :].split("/", 1)[0]
    # "replace" turns what UTF-8 cannot hold into "?", which no token contains.
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("ascii"))


def split_host(host_header: str) -> tuple[str, int | None]:
    """`name:port` or `[v6]:port` into its name (lower case, no brackets) and port; port None when absent or bad."""
    host = host_header.strip().lower()
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port_text = host.partition(":")
    return name, int(port_text) if port_text.isdigit() else None


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@record(frozen=True)
class HostRule:
    """Which Host headers the server answers: its own port, at a loopback name, the address it is bound to or
    (with --lan) any IP address.

    A domain name is refused, so a web page whose name an attacker points at this machine (DNS rebinding)
    never gets an answer.
    """

    port: int
    lan: bool = False
    bound_host: str = "127.0.0.1"

    def allows(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        name, port = split_host(host_header)
        if port != self.port and not (port is None and self.port == 80):
            return False
        if name in LOOPBACK_NAMES or name == self.bound_host.lower():
            return True
        if not self.lan:
            return False
        return _is_ip_literal(name) or name == socket.gethostname().lower()


def same_origin(origin: str | None, host_header: str) -> bool:
    """The browser's Origin names the very address the page came from (the server speaks plain http only)."""
    return origin is not None and origin.strip().lower() == f"http://{host_header.strip().lower()}"


class ViewerSlots:
    """At most `limit` viewers at once; the server runs on one event loop, so a plain counter is enough."""

    def __init__(self, limit: int = MAX_VIEWERS) -> None:
        self.limit = limit
        self.taken = 0

    @property
    def full(self) -> bool:
        return self.taken >= self.limit

    def take(self) -> bool:
        if self.full:
            return False
        self.taken += 1
        return True

    def release(self) -> None:
        self.taken = max(0, self.taken - 1)
