"""The HTML the browser display serves: the display page itself and the page that says why a request was refused.

Our own templates replace textual-serve's, which loads web fonts from outside and names the served command
(a path with the user's name) on its start screen.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files
from string import Template

from ..i18n import t
from .access import MAX_VIEWERS

# Applied to every response, page or not: nothing framed, nothing sniffed, the secret path never sent on.
COMMON_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

REFUSED_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)

DEFAULT_FONT_SIZE = 16


@cache
def _template(name: str) -> Template:
    return Template(files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


def display_policy(websocket_url: str) -> str:
    """Scripts, styles and fonts from this server only; the one connection allowed is the display's websocket.

    Styles may be inline because xterm.js sizes its canvas with style attributes.
    """
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
        f"img-src 'self' data:; connect-src {websocket_url}; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def font_size_from(query_value: str | None) -> int:
    """`?fontsize=N` as textual-serve offers it, kept to sizes a screen can show."""
    try:
        size = int(query_value or DEFAULT_FONT_SIZE)
    except ValueError:
        return DEFAULT_FONT_SIZE
    return min(max(size, 8), 96)


def display_page(lang: str, websocket_url: str, font_size: int) -> str:
    return _template("display.html").substitute(
        lang=lang,
        title=html.escape(t("web.page.title", lang)),
        connecting=html.escape(t("web.page.connecting", lang)),
        closed=html.escape(t("web.page.closed", lang, limit=MAX_VIEWERS)),
        reconnect=html.escape(t("web.page.reconnect", lang)),
        websocket_url=html.escape(websocket_url),
        font_size=font_size,
    )


def refused_page(lang: str, title_key: str, reason_key: str) -> str:
    return _template("refused.html").substitute(
        lang=lang,
        title=html.escape(t(title_key, lang)),
        reason=html.escape(t(reason_key, lang, limit=MAX_VIEWERS)),
    )
