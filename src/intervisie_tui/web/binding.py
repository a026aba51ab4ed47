"""Where the browser display listens, and the addresses to print for it."""

from __future__ import annotations

import socket
from collections.abc import Callable

from ..core.records import record
from .access import PATH_PREFIX

ALL_INTERFACES = "0.0.0.0"
ADDRESS_PLACEHOLDER = "<IP>"


@record(frozen=True)
class Binding:
    """The interface to listen on; `lan` only when the user asked for it with `--lan`."""

    host: str
    lan: bool


def plan_binding(host: str, lan: bool) -> Binding:
    """Loopback unless `--lan`: then every interface, since the other screens reach this one over the network."""
    return Binding(ALL_INTERFACES, True) if lan else Binding(host, False)


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses on the network, best guess first, without sending anything.

    `connect` on a UDP socket only asks the routing table which interface would be used; no packet leaves.
    """
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found.extend(str(info[4][0]) for info in infos)
    unique = dict.fromkeys(address for address in found if not address.startswith(("127.", "0.")))
    return list(unique)


def viewer_urls(
    binding: Binding, port: int, token: str, find_addresses: Callable[[], list[str]] = lan_addresses
) -> list[str]:
    """The addresses to open, token included; with `--lan` one per network address (a placeholder if none is known)."""
    hosts = find_addresses() or [ADDRESS_PLACEHOLDER] if binding.lan else [binding.host]
    return [f"http://{_url_host(host)}:{port}{PATH_PREFIX}{token}/" for host in hosts]


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
