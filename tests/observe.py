"""What an app under test showed, for assertions: its toasts, its bells, its screen's text.

Textual offers no public way to read these back; each helper is the one place a test reaches
into Textual for it, so a Textual upgrade that moves them needs one fix here.
"""

from __future__ import annotations


def notices(app) -> list[tuple[str, str]]:
    """The app's toasts still shown, oldest first, as (message, severity).

    Textual keeps them in `App._notifications` (private: no public list exists) and drops each
    when its timeout runs out, in real seconds: assert soon after the notice, as a user would read it.
    """
    return [(notification.message, notification.severity) for notification in app._notifications]


def count_bells(app) -> list[None]:
    """A list that grows by one each time the app rings the terminal bell (`App.bell`, which a
    headless test run cannot hear); the bell still rings as before."""
    rung: list[None] = []
    ring = app.bell

    def counted() -> None:
        rung.append(None)
        ring()

    app.bell = counted
    return rung


def screen_lines(node) -> list[str]:
    """The screen of `node` (an app: its current screen) as the terminal shows it, one string
    per row, dialogs over what lies beneath.

    Textual's own snapshot tests render SVG; plain text needs its compositor (private:
    `Screen._compositor`), read here only."""
    return [strip.text for strip in node.screen._compositor.render_strips()]


def screen_text(node) -> str:
    return "\n".join(screen_lines(node))


def imports_of_command(argv: list[str], watched: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run `intervisie <argv>` in a fresh Python (this environment): what it printed, and which of the
    `watched` modules (a name or a package, whose submodules count too) it imported."""
    import ast
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from intervisie_tui.cli import main\n"
        f"main({argv!r})\n"
        f"watched = {watched!r}\n"
        "print('LOADED', sorted(w for w in watched if any(m == w or m.startswith(w + '.') for m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    printed, _, loaded = out.rpartition("LOADED ")
    return printed, ast.literal_eval(loaded)


async def markdown_built(screen) -> None:
    """Every `Markdown` of `screen` has drawn its document: Textual parses it in a thread and mounts
    its blocks after that; awaiting the same update again waits for all of it."""
    from textual.widgets import Markdown

    for markdown in screen.query(Markdown):
        await markdown.update(markdown.source)
