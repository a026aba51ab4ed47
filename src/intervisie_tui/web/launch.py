"""`intervisie display --web`: serve the room's display to browsers until Ctrl+C.

Imports only the standard library until the server starts, so a missing `[web]` extra gets a clear message.
"""

from __future__ import annotations

import asyncio
import errno
import signal
import sys
from collections.abc import Callable, Sequence

from ..i18n import LANGUAGES, default_language, t
from .access import MAX_VIEWERS
from .binding import ADDRESS_PLACEHOLDER, Binding, lan_addresses, plan_binding, viewer_urls

LOOPBACK = "127.0.0.1"
USAGE_ERROR = 2
# The packages the `[web]` extra brings; a missing one means the extra is not installed.
EXTRA_PACKAGES = ("aiohttp", "textual_serve")


def display_command(argv_for_display: Sequence[str]) -> list[str]:
    """What each viewer runs: the read-only display, with the options the user gave `display`."""
    return [sys.executable, "-m", "intervisie_tui", "display", *argv_for_display]


def language_in(argv: Sequence[str]) -> str | None:
    """The `--lang` given to `display`, so the web messages speak the display's language."""
    for index, argument in enumerate(argv):
        value = argument.partition("=")[2] if argument.startswith("--lang=") else None
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    return None


def serve_display(
    argv_for_display: list[str],
    host: str = LOOPBACK,
    port: int | None = None,
    lan: bool = False,
    *,
    lang: str | None = None,
    command: Sequence[str] | None = None,
    find_addresses: Callable[[], list[str]] = lan_addresses,
) -> int:
    """Serve the display to browsers until Ctrl+C; the exit status for the command line.

    `command` replaces the viewer's command (tests serve a stand-in app); `port` None picks a free port.
    """
    lang = lang or language_in(argv_for_display) or default_language()
    if port is not None and not 1 <= port <= 65535:
        print(t("web.bad_port", lang, port=port), file=sys.stderr)
        return USAGE_ERROR
    try:
        from .server import DisplayServer
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in EXTRA_PACKAGES:
            raise
        print(t("web.missing_extra", lang), file=sys.stderr)
        return 1
    binding = plan_binding(host, lan)
    viewer = list(command) if command is not None else display_command(argv_for_display)
    server = DisplayServer(viewer, lang=lang, lan=binding.lan)
    try:
        return asyncio.run(_serve(server, binding, port or 0, lang, find_addresses))
    except KeyboardInterrupt:  # Ctrl+C: _serve has already stopped the server and said so
        return 0


async def _serve(server, binding: Binding, port: int, lang: str, find_addresses: Callable[[], list[str]]) -> int:
    try:
        bound = await server.start(binding.host, port)
    except OSError as error:
        in_use = error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", None))
        if in_use:
            print(t("web.port_in_use", lang, port=port), file=sys.stderr)
        else:
            reason = error.strerror or error
            print(t("web.cannot_listen", lang, host=binding.host, port=port, reason=reason), file=sys.stderr)
        return 1
    try:
        announce(binding, viewer_urls(binding, bound, server.token, find_addresses), lang)
        await _until_terminated()
    finally:
        await server.stop()
        print(t("web.stopped", lang), flush=True)
    return 0


def announce(binding: Binding, urls: list[str], lang: str) -> None:
    lines = [t("web.ready_lan" if binding.lan else "web.ready_local", lang), ""]
    lines += [f"  {url}" for url in urls]
    lines.append("")
    if binding.lan:
        if any(ADDRESS_PLACEHOLDER in url for url in urls):
            lines.append(t("web.lan_address_unknown", lang, placeholder=ADDRESS_PLACEHOLDER))
        lines.append(t("web.lan_warning", lang))
    lines.append(t("web.rules", lang, limit=MAX_VIEWERS))
    print("\n".join(lines), flush=True)


async def _until_terminated() -> None:
    """Wait for SIGTERM; Ctrl+C cancels this wait through asyncio.run."""
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGTERM, stopped.set)
    except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
        pass
    await stopped.wait()
