"""Text from people and files, shown on a screen exactly as typed.

Names, method names, case titles and notes may hold what Textual would read as markup (`[/]`, `[bold]`,
`[@click=app.quit]`) and control characters (ESC, BEL, CR). `plain(text)` is Content that is never parsed
as markup, with control characters shown as signs (core/visible.py), so none of them crashes a screen,
styles it, runs an action, or reaches the terminal.
"""

from __future__ import annotations

from textual.content import Content

from ..core.visible import visible


def plain(text: str | None, *, lines: bool = True) -> Content:
    return Content(visible(text or "", lines=lines))


def shown(text: str | None, *, lines: bool = True) -> str:
    """The text with control characters made visible (for places that take a plain str and no markup)."""
    return visible(text or "", lines=lines)
